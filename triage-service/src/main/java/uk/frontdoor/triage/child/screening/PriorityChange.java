package uk.frontdoor.triage.child.screening;

import uk.frontdoor.rules.Priority;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.RunningClock;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A new RAG rating, with its rationale: it changes the response time and may move the decision's due time. */
public final class PriorityChange {

    private PriorityChange() {
    }

    public static List<ChildEvent> decide(ChangePriority command, ChildState child, ThresholdEngine rules,
                                          TriagePolicy policy, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.heldBy(contact, command.actor());
        if (command.priority() == contact.priority()) {
            throw new TriageRefusedException(Refusal.PRIORITY_UNCHANGED);
        }
        // The clock still runs from receipt: a new rating changes the allowance, not the start.
        Instant responseDueAt = rules.responseTime(Priority.valueOf(command.priority().name()))
                .map(allowed -> policy.calendar().plusWorkingTime(contact.receivedAt(), allowed))
                .orElse(null);
        Instant now = clocks.now();
        List<ChildEvent> events = new ArrayList<>();
        events.add(new PriorityChanged(child.childId(), command.contactId(), contact.priority(), command.priority(),
                responseDueAt, command.rationale(), command.actor(), now));
        // Working Together's one working day stands; a new rating may only bring the decision forward or back
        // within it. The clock keeps its start (receipt) and takes the new due time.
        Instant oneWorkingDay = policy.calendar().plusWorkingDays(contact.receivedAt(), 1);
        Instant decisionDueAt = responseDueAt != null && responseDueAt.isBefore(oneWorkingDay) ? responseDueAt
                : oneWorkingDay;
        for (RunningClock running : child.runningClocks(contact.contactId(), ClockType.CONTACT_DECISION)) {
            if (!running.dueAt().equals(decisionDueAt)) {
                events.addAll(clocks.stop(child, contact.contactId(),
                        candidate -> candidate.clockId().equals(running.clockId()),
                        ClockStopped.Reason.RESCHEDULED, now, now));
                events.add(clocks.start(child.childId(), contact.contactId(), command.priority(),
                        ClockType.CONTACT_DECISION, null, clocks.planInWorkingTime(running.startedAt(), decisionDueAt)));
            }
        }
        // Rated red at night, the contact cannot wait for the morning any more than one that arrived red: it goes to
        // the emergency duty team's queue with that team's response time (once: a clock already running stays).
        if (command.priority() == ThresholdAssessed.Priority.RED && !clocks.isOfficeHours(now)
                && child.runningClocks(contact.contactId(), ClockType.OUT_OF_HOURS).isEmpty()) {
            events.add(clocks.start(child.childId(), contact.contactId(), command.priority(), ClockType.OUT_OF_HOURS,
                    null, clocks.plan(ClockType.OUT_OF_HOURS, now)));
        }
        return events;
    }
}
