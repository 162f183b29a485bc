package uk.frontdoor.triage.child.strategy;

import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.command.HandBackToDayTeam;
import uk.frontdoor.triage.api.command.RecordAssessmentCompleted;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.RunningClock;
import uk.frontdoor.triage.child.timeliness.Timekeeper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What follows the front door's decision and is still clocked there: the initial child protection
 * conference after a section 47 enquiry, and the duties the rules raised (return home interview,
 * private fostering visit, LADO referral).
 */
public final class Duties {

    private Duties() {
    }

    public static List<ChildEvent> decide(RecordInitialConference command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        if (contact.protection().conferenceDueAt() == null || contact.protection().conferenceOutcome() != null) {
            throw new TriageRefusedException(Refusal.NO_CONFERENCE_DUE);
        }
        Instant now = clocks.now();
        Require.during(command.heldAt(), contact, now, "heldAt");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new InitialConferenceHeld(child.childId(), command.contactId(), contact.strategyDiscussionId(),
                command.heldAt(), command.outcome(), Require.blankToNull(command.summary()), command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), command.heldAt(), now, ClockType.INITIAL_CONFERENCE));
        return events;
    }

    /**
     * The child and family assessment a decision of ASSESSMENT started, completed: its clock stops. Working Together
     * asks for the reasons when it took longer than its time, so a late one without a reason is refused.
     */
    public static List<ChildEvent> decide(RecordAssessmentCompleted command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        List<RunningClock> running = child.runningClocks(contact.contactId(), ClockType.ASSESSMENT);
        if (running.isEmpty()) {
            throw new TriageRefusedException(Refusal.NO_ASSESSMENT_DUE);
        }
        Instant now = clocks.now();
        Require.during(command.completedAt(), contact, now, "completedAt");
        String lateReason = Require.blankToNull(command.lateReason());
        boolean late = running.stream().anyMatch(clock -> command.completedAt().isAfter(clock.dueAt()));
        if (late && lateReason == null) {
            throw new TriageRefusedException(Refusal.REASON_REQUIRED,
                    "The assessment took longer than 45 working days: say why (lateReason).");
        }
        List<ChildEvent> events = new ArrayList<>();
        events.add(new AssessmentCompleted(child.childId(), command.contactId(), command.completedAt(),
                command.outcome(), Require.blankToNull(command.summary()), late ? lateReason : null, command.actor(),
                now));
        events.addAll(clocks.done(child, contact.contactId(), command.completedAt(), now, ClockType.ASSESSMENT));
        return events;
    }

    /**
     * An action agreed at the strategy discussion, done: a note says what was done, and its clock stops. Qualified
     * staff record any action; seconded partner staff only their own agency's, which the discussion made theirs.
     */
    public static List<ChildEvent> decide(RecordStrategyActionDone command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        boolean ownAgency = command.actor().role().may(StaffPermission.OWN_AGENCY_ACTIONS);
        if (!ownAgency) {
            Require.screener(command.actor());
        }
        String discussionId = contact.strategyDiscussionId();
        String reference = discussionId == null ? null
                : StrategyDiscussions.actionReference(discussionId, command.action());
        List<RunningClock> running = child.runningClocks(contact.contactId(), ClockType.STRATEGY_ACTION).stream()
                .filter(clock -> clock.reference() != null && clock.reference().equals(reference))
                .toList();
        if (running.isEmpty()) {
            throw new TriageRefusedException(Refusal.ACTION_NOT_OPEN);
        }
        String owner = running.get(0).team();
        if (ownAgency && (owner == null || !owner.equalsIgnoreCase(command.actor().agency()))) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED,
                    "Only the agency the action was given to, or the front door's qualified staff, record it done.");
        }
        Instant now = clocks.now();
        Require.past(command.doneAt(), now, "doneAt");
        Require.notBefore(command.doneAt(), running.get(0).startedAt(), "doneAt", "the discussion was held");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new StrategyActionDone(child.childId(), command.contactId(), discussionId, command.action(),
                command.doneAt(), command.note().strip(), command.actor(), command.doneBy(), command.channel(), now));
        events.addAll(clocks.stop(child, contact.contactId(), clock -> clock.type() == ClockType.STRATEGY_ACTION
                && reference.equals(clock.reference()), ClockStopped.Reason.DONE, command.doneAt(), now));
        return events;
    }

    /** The emergency duty team hands a contact back to the day team, saying what it did: its clock stops. */
    public static List<ChildEvent> decide(HandBackToDayTeam command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        if (child.runningClocks(contact.contactId(), ClockType.OUT_OF_HOURS).isEmpty()) {
            throw new TriageRefusedException(Refusal.NOT_OUT_OF_HOURS);
        }
        Instant now = clocks.now();
        List<ChildEvent> events = new ArrayList<>();
        events.add(new HandedBackToDayTeam(child.childId(), command.contactId(), command.summary().strip(),
                command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), now, now, ClockType.OUT_OF_HOURS));
        return events;
    }

    public static List<ChildEvent> decide(RecordDutyCompleted command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        List<RunningClock> running = child.runningClocks(contact.contactId(), command.duty());
        if (!command.duty().recordedAsDuty() || running.isEmpty()) {
            throw new TriageRefusedException(Refusal.DUTY_NOT_DUE);
        }
        Instant now = clocks.now();
        Require.past(command.doneAt(), now, "doneAt");
        // A duty arises with its clock, which may start before the contact (a return home interview
        // runs from the child's return): it cannot have been done before it arose.
        Require.notBefore(command.doneAt(), running.stream().map(RunningClock::startedAt).min(Instant::compareTo)
                .orElseThrow(), "doneAt", "the duty arose");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new DutyCompleted(child.childId(), command.contactId(), command.duty(), command.doneAt(),
                Require.blankToNull(command.note()), command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), command.doneAt(), now, command.duty()));
        return events;
    }
}
