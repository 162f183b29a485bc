package uk.frontdoor.triage.staff.board;

import uk.frontdoor.triage.api.command.AcknowledgeAlert;
import uk.frontdoor.triage.api.command.AssignAlert;
import uk.frontdoor.triage.api.command.EscalateAlert;
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
            return new AcknowledgeAlert(alert.childId(), alert.alertId(), note, by);
        }
    }

    record Assignment(String assignee) implements AlertAction {
        @Override
        public Object command(Alert alert, Actor by) {
            return new AssignAlert(alert.childId(), alert.alertId(), assignee, by);
        }
    }

    record Escalation(String to, String reason) implements AlertAction {
        @Override
        public Object command(Alert alert, Actor by) {
            return new EscalateAlert(alert.childId(), alert.alertId(), to, reason, by);
        }
    }
}
