package uk.frontdoor.triage.child.reception;

import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.triage.api.IdentityMatched;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.rules.Flag;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.LinkedContact;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact joins the child's stream: received, checked against the children it may also be, and
 * assessed by the threshold rules against the history before it, so no contact ever sits in the
 * record unassessed. Its decision clock, and the clocks of the duties the rules flag, start with it.
 */
public final class Reception {

    /** Census referral source 5D: the local authority's early help. */
    private static final String EARLY_HELP_REFERRAL_SOURCE = "5D";

    private Reception() {
    }

    public static List<ChildEvent> decide(RecordContact command, ChildState child, ThresholdEngine rules,
                                          ReferralStandard standard, Timekeeper clocks, List<LinkedContact> linked) {
        if (child.holds(command.contactId())) {
            // Redelivery of a command already applied: the stream already holds it.
            return List.of();
        }
        var received = new ContactReceived(command.childId(), command.contactId(), command.agency(),
                command.channel(), command.receivedAt(), command.submission(), command.loggedBy(), command.corrects());
        List<ChildEvent> events = new ArrayList<>();
        events.add(received);
        if (command.identity().scored()) {
            events.add(new IdentityMatched(command.childId(), command.contactId(), command.identity(),
                    command.receivedAt()));
        }
        List<ChildId> possibleMatches = command.possibleMatches().stream()
                .filter(candidate -> !child.isLinkedTo(candidate))
                .toList();
        if (!possibleMatches.isEmpty()) {
            events.add(new PossibleMatchFound(command.childId(), command.contactId(), possibleMatches,
                    command.receivedAt()));
        }
        // Scored on arrival, with the threshold: what the referral lacked is a decision input (the follow-up calls it
        // needs) and the agency's own feedback, so it is kept with the standard's version it was measured against.
        events.addAll(assessed(command.submission(), received, new History(child, linked), rules,
                standard.score(command.submission()), clocks));
        return events;
    }

    /**
     * Early help steps the child up: a new contact, carrying the early-help history, joins the stream
     * and is assessed against everything before it (the rules see the open early help). Received here
     * rather than with the decisions because it is a contact like any other from then on.
     */
    public static List<ChildEvent> decide(RecordStepUp command, ChildState child, ThresholdEngine rules,
                                          Timekeeper clocks, List<LinkedContact> linked) {
        if (child.holds(command.contactId())) {
            return List.of();
        }
        StepUpFromEarlyHelp request = command.request();
        Require.screener(request.actor());
        ContactState earlyHelp = child.latestDecided()
                .filter(decided -> decided.outcome() == DecisionOutcome.EARLY_HELP)
                .orElseThrow(() -> new TriageRefusedException(Refusal.NOT_OPEN_TO_EARLY_HELP,
                        "The child's latest decision was not early help."));
        Require.field(Require.blankToNull(request.earlyHelpSummary()), "earlyHelpSummary");
        Require.reason(request.reason(), "Say why early help is no longer enough.");
        Instant at = command.receivedAt();
        Actor actor = request.actor();
        var submission = new ContactSubmission("step-up-" + command.contactId(), EARLY_HELP_REFERRAL_SOURCE,
                new ContactSubmission.Referrer(actor.userId(), "Early help", actor.agency(), null, null),
                child.latestChild(), child.latestHousehold(),
                new ContactSubmission.Concerns(request.factors(), request.indicators(), request.reason()),
                at, null, request.immediateRisk(), request.earlyHelpSummary());
        var received = new ContactReceived(child.childId(), command.contactId(), AgencyCode.of(actor.agency()),
                Channel.STEP_UP, at, submission, actor);
        List<ChildEvent> events = new ArrayList<>();
        events.add(new SteppedUpFromEarlyHelp(child.childId(), command.contactId(), earlyHelp.contactId(),
                earlyHelp.decidedAt(), request.earlyHelpSummary(), request.reason(), actor, at));
        events.add(received);
        // No agency referred it: there is no referral to hold to the standard.
        events.addAll(assessed(submission, received, new History(child, linked), rules, null, clocks));
        return events;
    }

    /**
     * What a named rule set decides for a contact received into this history: reception's own facts and history,
     * for replaying past contacts through a draft (a simulation, which records nothing).
     *
     * @param before the child's stream as it stood just before the contact
     * @param linked the contacts on the records linked to the child then
     */
    public static ThresholdAssessed.Threshold assess(ContactReceived received, ChildState before,
                                                     List<LinkedContact> linked, ThresholdEngine rules,
                                                     RuleSetRef ruleSet) {
        ContactFacts facts = RuleFacts.of(received.submission(), received.receivedAt());
        return RuleFacts.threshold(rules.decide(facts, RuleFacts.history(before, linked, facts), ruleSet));
    }

    /** What came before a contact: the child's own stream as it stood, and the contacts on its linked records. */
    private record History(ChildState before, List<LinkedContact> linked) {
    }

    /** The rules' assessment, against the history before this contact, and the clocks it starts. */
    private static List<ChildEvent> assessed(ContactSubmission submission, ContactReceived received, History history,
                                             ThresholdEngine rules, ThresholdAssessed.Completeness completeness,
                                             Timekeeper clocks) {
        Instant receivedAt = received.receivedAt();
        ContactFacts facts = RuleFacts.of(submission, receivedAt);
        var assessed = new ThresholdAssessed(received.childId(), received.contactId(), receivedAt,
                RuleFacts.threshold(rules.decide(facts, RuleFacts.history(history.before(), history.linked(), facts))),
                completeness);
        List<ChildEvent> events = new ArrayList<>();
        events.add(assessed);
        events.addAll(contactClocks(assessed, submission, clocks));
        return events;
    }

    /** The decision clock, and the clocks of the duties the rules flagged, start with the contact. */
    private static List<ChildEvent> contactClocks(ThresholdAssessed assessed, ContactSubmission submission,
                                                  Timekeeper clocks) {
        Instant receivedAt = assessed.assessedAt();
        var threshold = assessed.threshold();
        List<ChildEvent> started = new ArrayList<>();
        for (ClockType duty : dutiesOnReceipt(threshold, submission.immediateRisk(), clocks.isOfficeHours(receivedAt))) {
            TimelinessPolicy.Plan plan = switch (duty) {
                case CONTACT_DECISION -> clocks.planInWorkingTime(receivedAt, threshold.decisionDueAt());
                // 72 hours from the child's return: the referrer's "aware since" is the return they report.
                case RETURN_HOME_INTERVIEW -> clocks.plan(duty, submission.awareSince() != null
                        && submission.awareSince().isBefore(receivedAt) ? submission.awareSince() : receivedAt);
                default -> clocks.plan(duty, receivedAt);
            };
            started.add(start(assessed, duty, plan, clocks));
        }
        return started;
    }

    /**
     * The duties a contact's assessment starts on receipt, in the order their clocks start. Each duty belongs to a
     * team ({@code TimelinessPolicy.team}), so this is also where the contact's work goes: a simulation counts them.
     */
    public static List<ClockType> dutiesOnReceipt(ThresholdAssessed.Threshold threshold, boolean immediateRisk,
                                                  boolean officeHours) {
        List<ClockType> duties = new ArrayList<>();
        duties.add(ClockType.CONTACT_DECISION);
        List<String> flags = threshold.flags();
        if (flags.contains(Flag.RETURN_HOME_INTERVIEW_DUE.name())) {
            duties.add(ClockType.RETURN_HOME_INTERVIEW);
        }
        if (flags.contains(Flag.PRIVATE_FOSTERING_VISIT.name())) {
            duties.add(ClockType.PRIVATE_FOSTERING_VISIT);
        }
        // Out of hours, a red or immediate-risk contact cannot wait for the morning: it goes to the emergency duty
        // team's queue, with that team's own response time, until the team hands it back to the day team.
        if (!officeHours && (threshold.priority() == ThresholdAssessed.Priority.RED || immediateRisk)) {
            duties.add(ClockType.OUT_OF_HOURS);
        }
        if (flags.contains(Flag.LADO_REFERRAL.name())) {
            duties.add(ClockType.LADO_REFERRAL);
        }
        return duties;
    }

    private static ChildEvent start(ThresholdAssessed assessed, ClockType type, TimelinessPolicy.Plan plan,
                                    Timekeeper clocks) {
        return clocks.start(assessed.childId(), assessed.contactId(), assessed.threshold().priority(), type, null, plan);
    }
}
