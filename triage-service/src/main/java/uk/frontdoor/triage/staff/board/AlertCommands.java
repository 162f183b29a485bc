package uk.frontdoor.triage.staff.board;

import uk.frontdoor.triage.api.command.HandleAlert;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.value.Actor;

/**
 * The one mapping from what a duty manager does about an alert to the command it sends: the staff API's
 * request bodies, which the alert page's forms read what was typed into.
 */
final class AlertCommands {

    private AlertCommands() {
    }

    /** One action on an alert: the command it is, once the alert and the actor are known. */
    @FunctionalInterface
    interface AlertAction {
        Object command(Alert alert, Actor by);
    }

    record Acknowledgement(String note) implements AlertAction {
        @Override
        public Object command(Alert alert, Actor by) {
            return new HandleAlert(alert.childId(), alert.alertId(), HandleAlert.Action.ACKNOWLEDGE, note, null, null,
                    by);
        }
    }

    record Assignment(String assignee) implements AlertAction {
        @Override
        public Object command(Alert alert, Actor by) {
            return new HandleAlert(alert.childId(), alert.alertId(), HandleAlert.Action.ASSIGN, null, assignee, null, by);
        }
    }

    record Escalation(String to, String reason) implements AlertAction {
        @Override
        public Object command(Alert alert, Actor by) {
            return new HandleAlert(alert.childId(), alert.alertId(), HandleAlert.Action.ESCALATE, reason, null, to, by);
        }
    }
}
