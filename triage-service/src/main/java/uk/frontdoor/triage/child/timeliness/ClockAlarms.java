package uk.frontdoor.triage.child.timeliness;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ClockDeadline;
import uk.frontdoor.triage.child.RunningClock;

import java.time.Instant;
import java.util.List;

/**
 * A clock's warning or breach fell due. Whatever the scheduler does (fire late after a restart, fire
 * twice after a crash between handling and marking it done), the stream decides: a stopped clock
 * never fires, a breached clock never breaches again, and a warning that arrives after the due time
 * gives way to the breach.
 */
public final class ClockAlarms {

    private ClockAlarms() {
    }

    public static List<ChildEvent> decide(ClockDeadline deadline, ChildState child, Instant now) {
        RunningClock running = child.clocks().get(deadline.clockId());
        if (running == null) {
            return List.of();
        }
        return switch (deadline.stage()) {
            case WARNING -> running.alarm() == RunningClock.Alarm.NONE && now.isBefore(running.dueAt())
                    ? List.of(new ClockWarned(child.childId(), running.contactId(), running.clockId(), running.type(),
                    running.dueAt(), now))
                    : List.of();
            case BREACH -> running.breached()
                    ? List.of()
                    : List.of(new ClockBreached(child.childId(), running.contactId(), running.clockId(),
                    running.type(), running.dueAt(), now));
        };
    }
}
