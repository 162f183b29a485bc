package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;

/** A clock the child's stream started and has not stopped: the only clocks that may still warn or breach. */
record RunningClock(String clockId, ContactId contactId, ClockType type, String reference, Instant startedAt,
                    Instant dueAt, List<String> scheduleIds, boolean warned, boolean breached) {

    static RunningClock started(ClockStarted event) {
        return new RunningClock(event.clockId(), event.contactId(), event.type(), event.reference(), event.startedAt(),
                event.dueAt(), event.scheduleIds(), false, false);
    }

    RunningClock warn() {
        return new RunningClock(clockId, contactId, type, reference, startedAt, dueAt, scheduleIds, true, breached);
    }

    RunningClock breach() {
        return new RunningClock(clockId, contactId, type, reference, startedAt, dueAt, scheduleIds, warned, true);
    }

    /** On the duty manager's board. */
    boolean alerting() {
        return warned || breached;
    }
}
