package uk.frontdoor.triage.child.timeliness;

import org.axonframework.deadline.DeadlineManager;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ClockDeadline;
import uk.frontdoor.triage.child.RunningClock;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps the child's clocks: plans their due and warning times by the partnership's timescales and
 * schedules (or cancels) the deadlines at which they warn and breach. Must be called while a command
 * on the child's stream is being handled, so that each deadline is scheduled for that child and
 * written in the same transaction as the events of the clock it belongs to.
 */
@Component
public class Timekeeper {

    private final Clock clock;
    private final TimelinessPolicy timeliness;
    private final DeadlineManager deadlines;

    public Timekeeper(Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        this.clock = clock;
        this.timeliness = timeliness;
        this.deadlines = deadlines;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The plan of a duty whose allowance the partnership sets. */
    public TimelinessPolicy.Plan plan(ClockType type, Instant start) {
        return timeliness.plan(type, start);
    }

    /** The plan of a duty due at a time set elsewhere (the rules, the triage policy). */
    public TimelinessPolicy.Plan planInWorkingTime(Instant start, Instant dueAt) {
        return timeliness.planInWorkingTime(start, dueAt);
    }

    /** Whether the day team's office is open at {@code at}: outside, red contacts go to the emergency duty team. */
    public boolean isOfficeHours(Instant at) {
        return timeliness.calendar().isOfficeHours(at);
    }

    /** When an action agreed at a strategy discussion is due: the office's closing on its due date. */
    public Instant endOfOfficeDay(java.time.LocalDate date) {
        var calendar = timeliness.calendar();
        return date.atTime(calendar.officeHours().closes()).atZone(calendar.zone()).toInstant();
    }

    public TimelinessPolicy.Plan strategyDiscussion(ThresholdAssessed.Priority priority, Instant decidedAt) {
        return timeliness.strategyDiscussion(priority, decidedAt);
    }

    /** Starts a clock: its warning and breach are scheduled, and the event that records it is returned. */
    public ClockStarted start(ChildId childId, ContactId contactId, ThresholdAssessed.Priority priority,
                              ClockType type, String reference, TimelinessPolicy.Plan plan) {
        return start(childId, contactId, priority, type, reference, timeliness.team(type), plan);
    }

    /** The same, on the board of a team named here rather than the duty's (a strategy action's owning agency). */
    public ClockStarted start(ChildId childId, ContactId contactId, ThresholdAssessed.Priority priority,
                              ClockType type, String reference, String team, TimelinessPolicy.Plan plan) {
        String clockId = UUID.randomUUID().toString();
        List<String> scheduleIds = List.of(
                deadlines.schedule(plan.warnAt(), ClockDeadline.NAME,
                        new ClockDeadline(clockId, ClockDeadline.Stage.WARNING)),
                deadlines.schedule(plan.dueAt(), ClockDeadline.NAME,
                        new ClockDeadline(clockId, ClockDeadline.Stage.BREACH)));
        return new ClockStarted(childId, contactId, clockId, type, reference, team, priority,
                plan.startedAt(), plan.warnAt(), plan.dueAt(), scheduleIds);
    }

    /**
     * Stops the contact's running clocks that {@code which} picks: their deadlines are cancelled, and
     * the events that record the stops are returned, in the order the clocks were started.
     *
     * @param doneAt when the duty was done (it may be earlier than now: a discussion recorded after it was held)
     */
    public List<ClockStopped> stop(ChildState child, ContactId contactId, Predicate<RunningClock> which,
                                   ClockStopped.Reason reason, Instant doneAt, Instant now) {
        List<ClockStopped> stopped = new ArrayList<>();
        for (RunningClock running : child.clocks().values()) {
            if (running.contactId().equals(contactId) && which.test(running)) {
                running.scheduleIds().forEach(scheduleId -> deadlines.cancelSchedule(ClockDeadline.NAME, scheduleId));
                stopped.add(new ClockStopped(child.childId(), contactId, running.clockId(), running.type(), reason,
                        running.startedAt(), running.dueAt(), doneAt,
                        reason == ClockStopped.Reason.DONE && doneAt.isAfter(running.dueAt()),
                        timeliness.calendar().workingTimeBetween(running.startedAt(), doneAt), now));
            }
        }
        return stopped;
    }

    /** Stops the contact's running clocks of these types, done at {@code doneAt}. */
    public List<ClockStopped> done(ChildState child, ContactId contactId, Instant doneAt, Instant now,
                                   ClockType... types) {
        List<ClockType> stopping = List.of(types);
        return stop(child, contactId, running -> stopping.contains(running.type()), ClockStopped.Reason.DONE,
                doneAt, now);
    }

    /** Cancels the deadlines of every clock still running on the record: an erased record raises no alarm. */
    public void cancelAll(ChildState child) {
        child.clocks().values().forEach(running -> running.scheduleIds()
                .forEach(scheduleId -> deadlines.cancelSchedule(ClockDeadline.NAME, scheduleId)));
    }
}
