package uk.frontdoor.triage.child.timeliness;

import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.command.AcknowledgeAlert;
import uk.frontdoor.triage.api.command.AssignAlert;
import uk.frontdoor.triage.api.command.EscalateAlert;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.RunningClock;

import java.time.Instant;
import java.util.List;

/**
 * The duty manager acts on a clock's warning or breach (an alert's id is its clock's id). What each
 * action must say, the command itself requires.
 */
public final class Alerts {

    private Alerts() {
    }

    public static List<ChildEvent> decide(AcknowledgeAlert command, ChildState child, Instant now) {
        RunningClock alert = open(child, command.clockId(), command.actor());
        return List.of(new AlertAcknowledged(child.childId(), alert.contactId(), alert.clockId(), command.note(),
                command.actor(), now));
    }

    /** The assignee is a member of staff the service knows and who may screen: the duty is casework. */
    public static List<ChildEvent> decide(AssignAlert command, ChildState child, Instant now, StaffDirectory staff) {
        RunningClock alert = open(child, command.clockId(), command.actor());
        if (!staff.known(command.assignee(), "assignee").role().screens()) {
            throw new TriageRefusedException(Refusal.UNKNOWN_STAFF, "assignee",
                    "assignee is not a social worker or manager: only they act on a duty's alert.");
        }
        return List.of(new AlertAssigned(child.childId(), alert.contactId(), alert.clockId(),
                command.assignee().trim(), command.actor(), now));
    }

    /** An alert is escalated to a senior manager the service knows. */
    public static List<ChildEvent> decide(EscalateAlert command, ChildState child, Instant now, StaffDirectory staff) {
        RunningClock alert = open(child, command.clockId(), command.actor());
        if (!staff.known(command.escalateTo(), "to").role().isManagerRole()) {
            throw new TriageRefusedException(Refusal.UNKNOWN_STAFF, "to",
                    "to is not a manager: an alert is escalated to a senior manager.");
        }
        return List.of(new AlertEscalated(child.childId(), alert.contactId(), alert.clockId(),
                command.escalateTo().trim(), command.reason(), command.actor(), now));
    }

    private static RunningClock open(ChildState child, String clockId, Actor actor) {
        Require.permitted(actor, StaffPermission.OVERSEE, "Duty managers act on alerts.");
        RunningClock alert = clockId == null ? null : child.clocks().get(clockId);
        if (alert == null || !alert.alerting()) {
            throw new TriageRefusedException(Refusal.ALERT_NOT_OPEN);
        }
        return alert;
    }
}
