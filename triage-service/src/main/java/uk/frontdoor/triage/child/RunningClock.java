package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;

/** A clock the child's stream started and has not stopped: the only clocks that may still warn or breach. */
/**
 * @param team the team or agency that owns the duty (the MASH, the emergency duty team, or for a strategy discussion
 *             action the agency the discussion gave it to)
 */
public record RunningClock(String clockId, ContactId contactId, ClockType type, String reference, String team,
                           Instant startedAt, Instant dueAt, List<String> scheduleIds, Alarm alarm) {

    /** How far a clock has gone towards its due time; a breach may come with or without a warning before it. */
    public enum Alarm {
        NONE, WARNED, BREACHED
    }

    static RunningClock started(ClockStarted event) {
        return new RunningClock(event.clockId(), event.contactId(), event.type(), event.reference(), event.team(),
                event.startedAt(),
                event.dueAt(), event.scheduleIds(), Alarm.NONE);
    }

    RunningClock warn() {
        // A warning never follows a breach (the deadline decider sees to that), so it cannot undo one.
        return alarm == Alarm.BREACHED ? this : sounding(Alarm.WARNED);
    }

    RunningClock breach() {
        return sounding(Alarm.BREACHED);
    }

    public boolean breached() {
        return alarm == Alarm.BREACHED;
    }

    /** On the duty manager's board. */
    public boolean alerting() {
        return alarm != Alarm.NONE;
    }

    private RunningClock sounding(Alarm sounded) {
        return new RunningClock(clockId, contactId, type, reference, team, startedAt, dueAt, scheduleIds, sounded);
    }
}
