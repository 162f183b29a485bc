package uk.frontdoor.triage.child.timeliness;

import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.command.HandleAlert;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.RunningClock;

import java.time.Instant;
import java.util.List;

/** The duty manager acts on a clock's warning or breach (an alert's id is its clock's id). */
public final class Alerts {

    private Alerts() {
    }

    public static List<ChildEvent> decide(HandleAlert command, ChildState child, Instant now) {
        Require.permitted(command.actor(), StaffPermission.OVERSEE, "Duty managers act on alerts.");
        Require.field(command.action(), "action");
        RunningClock alert = command.clockId() == null ? null : child.clocks().get(command.clockId());
        if (alert == null || !alert.alerting()) {
            throw new TriageRefusedException(Refusal.ALERT_NOT_OPEN);
        }
        return switch (command.action()) {
            case ACKNOWLEDGE -> {
                Require.reason(command.note(), "Say what is being done about it.");
                yield List.of(new AlertAcknowledged(child.childId(), alert.contactId(), alert.clockId(),
                        command.note(), command.actor(), now));
            }
            case ASSIGN -> {
                if (Require.blankToNull(command.assignee()) == null) {
                    throw new TriageRefusedException(Refusal.ASSIGNEE_REQUIRED);
                }
                yield List.of(new AlertAssigned(child.childId(), alert.contactId(), alert.clockId(),
                        command.assignee().trim(), command.actor(), now));
            }
            case ESCALATE -> {
                Require.field(Require.blankToNull(command.escalateTo()), "escalateTo");
                Require.reason(command.note(), "Say why it is escalated.");
                yield List.of(new AlertEscalated(child.childId(), alert.contactId(), alert.clockId(),
                        command.escalateTo().trim(), command.note(), command.actor(), now));
            }
        };
    }
}
