package uk.frontdoor.triage.child;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.frontdoor.rules.Flag;
import uk.frontdoor.rules.Priority;
import uk.frontdoor.rules.ThresholdDecision;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.command.HandleAlert;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One child's whole history at the front door: every contact about them, and everything done about
 * each, in one stream, so that accumulating concerns and re-referrals are visible to whoever screens
 * the next contact, and every step says who took it, in which role and agency, when and why.
 *
 * <p>Fields are package-private rather than private so that a Jackson snapshot of the aggregate
 * captures them (a private-field snapshot comes out empty and breaks every later command).
 */
@Aggregate(cache = "childCache")
public class Child {

    /** Census referral source 5D: the local authority's early help. */
    private static final String EARLY_HELP_REFERRAL_SOURCE = "5D";

    @AggregateIdentifier
    ChildId childId;

    final Map<ContactId, ContactRecord> contacts = new LinkedHashMap<>();
    final Set<ChildId> linkedChildren = new LinkedHashSet<>();
    /** The child and household as the latest contact described them, for a step-up contact. */
    ContactSubmission.Child latestChild;
    List<ContactSubmission.HouseholdMember> latestHousehold = List.of();
    /** Clocks started and not yet stopped, by id. */
    final Map<String, RunningClock> clocks = new LinkedHashMap<>();

    /** For Axon, and for the reception that creates a stream for a child not seen before. */
    public Child() {
    }

    /**
     * Records the contact and, in the same breath, the threshold rules' assessment of it against
     * this child's history, so no contact ever sits in the record unassessed.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordContact command, ThresholdEngine rules, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        if (contacts.containsKey(command.contactId())) {
            // Redelivery of a command already applied: the stream already holds it.
            return;
        }
        // The history is taken before this contact joins it: rules look at what came before.
        ThresholdDecision decision = rules.decide(RuleFacts.of(command.submission(), command.receivedAt()),
                RuleFacts.history(contacts.values()));
        apply(new ContactReceived(command.childId(), command.contactId(), command.agency(),
                command.channel(), command.receivedAt(), command.submission(), command.loggedBy()));
        List<ChildId> possibleMatches = command.possibleMatches().stream()
                .filter(candidate -> !linkedChildren.contains(candidate))
                .toList();
        if (!possibleMatches.isEmpty()) {
            apply(new PossibleMatchFound(command.childId(), command.contactId(), possibleMatches,
                    command.receivedAt()));
        }
        apply(new ThresholdAssessed(command.childId(), command.contactId(), command.receivedAt(),
                RuleFacts.threshold(decision)));
        startContactClocks(contacts.get(command.contactId()), command.submission(), timeliness, deadlines);
    }

    /**
     * Early help steps the child up: a new contact, carrying the early-help history, joins the
     * stream and is assessed against everything before it (the rules see the open early help).
     */
    @CommandHandler
    void handle(RecordStepUp command, ThresholdEngine rules, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        if (contacts.containsKey(command.contactId())) {
            return;
        }
        StepUpFromEarlyHelp request = command.request();
        requireScreener(request.actor());
        ContactRecord earlyHelp = ContactRecord.latestDecided(contacts.values())
                .filter(decided -> decided.outcome == DecisionOutcome.EARLY_HELP)
                .orElseThrow(() -> new TriageRefusedException(Refusal.NOT_OPEN_TO_EARLY_HELP,
                        "The child's latest decision was not early help."));
        required(blankToNull(request.earlyHelpSummary()), "earlyHelpSummary");
        requireReason(request.reason(), "Say why early help is no longer enough.");
        Instant at = command.receivedAt();
        Actor actor = request.actor();
        var submission = new ContactSubmission("step-up-" + command.contactId(), EARLY_HELP_REFERRAL_SOURCE,
                new ContactSubmission.Referrer(actor.userId(), "Early help", actor.agency(), null, null),
                latestChild, latestHousehold,
                new ContactSubmission.Concerns(request.factors(), request.indicators(), request.reason()),
                at, null, request.immediateRisk(), request.earlyHelpSummary());
        ThresholdDecision decision = rules.decide(RuleFacts.of(submission, at), RuleFacts.history(contacts.values()));
        apply(new SteppedUpFromEarlyHelp(childId, command.contactId(), earlyHelp.contactId,
                earlyHelp.decidedAt, request.earlyHelpSummary(), request.reason(), actor, at));
        apply(new ContactReceived(childId, command.contactId(), AgencyCode.of(actor.agency()), Channel.STEP_UP, at,
                submission, actor));
        apply(new ThresholdAssessed(childId, command.contactId(), at, RuleFacts.threshold(decision)));
        startContactClocks(contacts.get(command.contactId()), submission, timeliness, deadlines);
    }

    // ----- claim -----

    @CommandHandler
    void handle(ClaimContact command, Clock clock) {
        ContactRecord contact = contact(command.contactId());
        requireScreener(command.actor());
        requireUndecided(contact);
        if (command.actor().userId().equals(contact.heldBy)) {
            return; // already theirs: a repeated click changes nothing
        }
        if (contact.heldBy != null) {
            throw new TriageRefusedException(Refusal.CLAIMED_BY_ANOTHER, "Held by " + contact.heldBy + ".");
        }
        apply(new ContactClaimed(childId, command.contactId(), command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseContact command, Clock clock) {
        ContactRecord contact = contact(command.contactId());
        requireScreener(command.actor());
        if (contact.heldBy == null) {
            throw new TriageRefusedException(Refusal.CLAIM_REQUIRED, "Nobody holds this contact.");
        }
        // A manager may take a contact back from a worker who is away.
        if (!contact.heldBy.equals(command.actor().userId()) && !command.actor().isManager()) {
            throw new TriageRefusedException(Refusal.CLAIMED_BY_ANOTHER, "Held by " + contact.heldBy + ".");
        }
        apply(new ContactReleased(childId, command.contactId(), contact.heldBy, command.actor(), clock.instant()));
    }

    // ----- consent -----

    @CommandHandler
    void handle(RecordConsent command, Clock clock) {
        ContactRecord contact = contact(command.contactId());
        requireUndecided(contact);
        required(command.decision(), "decision");
        switch (command.decision()) {
            case GIVEN, REFUSED -> requireHeldBy(contact, command.actor());
            case NOT_SOUGHT -> {
                requireHeldBy(contact, command.actor());
                requireReason(command.reason(), "Say why consent was not sought.");
            }
            case REFUSAL_OVERRIDDEN -> {
                if (!command.actor().isManager()) {
                    throw new TriageRefusedException(Refusal.MANAGER_AUTHORISATION_REQUIRED,
                            "Only a manager may override a refusal of consent.");
                }
                if (contact.consent != ConsentRecorded.Decision.REFUSED) {
                    throw new TriageRefusedException(Refusal.CONSENT_NOT_REFUSED);
                }
                requireReason(command.reason(), "Say why the refusal is overridden.");
            }
        }
        apply(new ConsentRecorded(childId, command.contactId(), command.decision(), blankToNull(command.reason()),
                command.actor(), clock.instant()));
    }

    // ----- partner checks -----

    @CommandHandler
    List<PartnerCheckReceipt> handle(RequestPartnerChecks command, Clock clock, TriagePolicy policy,
                                     TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        requireHeldBy(contact, command.actor());
        if (command.agencies() == null || command.agencies().isEmpty()) {
            throw new TriageRefusedException(Refusal.AGENCY_REQUIRED);
        }
        for (int i = 0; i < command.agencies().size(); i++) {
            String agency = command.agencies().get(i);
            if (!policy.isAgency(agency) || TriagePolicy.SOCIAL_CARE.equals(agency)) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "agencies[" + i + "] is not an agency that can be asked.");
            }
        }
        Instant now = clock.instant();
        Instant dueAt = policy.partnerCheckDueAt(contact.priority, now);
        List<PartnerCheckReceipt> receipts = new ArrayList<>();
        for (String agency : new LinkedHashSet<>(command.agencies())) {
            var receipt = new PartnerCheckReceipt(UUID.randomUUID().toString(), agency, dueAt);
            apply(new PartnerCheckRequested(childId, command.contactId(), receipt.checkId(), agency,
                    blankToNull(command.question()), dueAt, command.actor(), now));
            startClock(contact, ClockType.PARTNER_CHECK, receipt.checkId(), timeliness.planInWorkingTime(now, dueAt),
                    timeliness, deadlines);
            receipts.add(receipt);
        }
        return receipts;
    }

    @CommandHandler
    void handle(RecordPartnerReply command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        requireCasework(command.actor());
        ContactRecord contact = contact(command.contactId());
        ContactRecord.PartnerCheck check = command.checkId() == null ? null : contact.checks.get(command.checkId());
        if (check == null) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CHECK);
        }
        if (check.answered) {
            throw new TriageRefusedException(Refusal.CHECK_ALREADY_ANSWERED);
        }
        required(blankToNull(command.information()), "information");
        Instant now = clock.instant();
        apply(new PartnerCheckReplied(childId, command.contactId(), command.checkId(), check.agency,
                command.information(), now.isAfter(check.dueAt), command.actor(), now));
        stopClocks(contact, running -> running.type() == ClockType.PARTNER_CHECK
                && command.checkId().equals(running.reference()), ClockStopped.Reason.DONE, now, now, timeliness,
                deadlines);
    }

    // ----- priority -----

    @CommandHandler
    void handle(ChangePriority command, Clock clock, ThresholdEngine rules, TriagePolicy policy,
                TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        requireHeldBy(contact, command.actor());
        required(command.priority(), "priority");
        if (command.priority() == contact.priority) {
            throw new TriageRefusedException(Refusal.PRIORITY_UNCHANGED);
        }
        requireReason(command.rationale(), "A change of RAG rating needs its rationale.");
        // The clock still runs from receipt: a new rating changes the allowance, not the start.
        Instant responseDueAt = rules.responseTime(Priority.valueOf(command.priority().name()))
                .map(allowed -> policy.calendar().plusWorkingTime(contact.receivedAt, allowed))
                .orElse(null);
        Instant now = clock.instant();
        apply(new PriorityChanged(childId, command.contactId(), contact.priority, command.priority(), responseDueAt,
                command.rationale(), command.actor(), now));
        // Working Together's one working day stands; a new rating may only bring the decision forward or back
        // within it. The clock keeps its start (receipt) and takes the new due time.
        Instant oneWorkingDay = policy.calendar().plusWorkingDays(contact.receivedAt, 1);
        Instant decisionDueAt = responseDueAt != null && responseDueAt.isBefore(oneWorkingDay) ? responseDueAt
                : oneWorkingDay;
        for (RunningClock running : runningClocks(contact, ClockType.CONTACT_DECISION)) {
            if (!running.dueAt().equals(decisionDueAt)) {
                stopClocks(contact, candidate -> candidate.clockId().equals(running.clockId()),
                        ClockStopped.Reason.RESCHEDULED, now, now, timeliness, deadlines);
                startClock(contact, ClockType.CONTACT_DECISION, null,
                        timeliness.planInWorkingTime(running.startedAt(), decisionDueAt), timeliness, deadlines);
            }
        }
    }

    // ----- decision -----

    @CommandHandler
    void handle(ProposeDecision command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        requireHeldBy(contact, command.actor());
        if (contact.status == ContactStatus.PROPOSED) {
            throw new TriageRefusedException(Refusal.PROPOSAL_PENDING);
        }
        if (contact.status != ContactStatus.ASSESSED) {
            throw new TriageRefusedException(Refusal.NOT_ASSESSED);
        }
        required(command.outcome(), "outcome");
        requireReason(command.rationale(), "A proposal needs its rationale.");
        if (contact.consent == null) {
            throw new TriageRefusedException(Refusal.CONSENT_NOT_RECORDED);
        }
        List<String> checked = contact.agenciesChecked();
        Instant now = clock.instant();
        apply(new DecisionProposed(childId, command.contactId(), command.outcome(), command.rationale(), checked,
                checked.isEmpty(), command.actor(), now));
        startClock(contact, ClockType.MANAGER_AUTHORISATION, null,
                timeliness.plan(ClockType.MANAGER_AUTHORISATION, now), timeliness, deadlines);
    }

    @CommandHandler
    void handle(AuthoriseProposal command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        Actor manager = command.actor();
        if (!manager.isManager()) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED, "Only a manager authorises a decision.");
        }
        if (contact.status != ContactStatus.PROPOSED) {
            throw new TriageRefusedException(contact.isDecided() ? Refusal.CONTACT_DECIDED : Refusal.NO_PROPOSAL);
        }
        if (manager.userId().equals(contact.proposedBy)) {
            throw new TriageRefusedException(Refusal.OWN_PROPOSAL);
        }
        int level = contact.threshold.level();
        boolean belowThreshold = contact.proposed.level() < level;
        if (belowThreshold && blankToNull(command.reason()) == null) {
            throw new TriageRefusedException(Refusal.BELOW_THRESHOLD_REASON_REQUIRED,
                    "The rules gave level " + level + "; " + contact.proposed + " answers level "
                            + contact.proposed.level() + ". Give the reason for stepping down.");
        }
        DecisionOutcome outcome = contact.proposed;
        Instant now = clock.instant();
        apply(new ProposalAuthorised(childId, command.contactId(), outcome, contact.proposedBy, level,
                belowThreshold, blankToNull(command.reason()), belowThreshold, manager, now));
        stopClocks(contact, running -> running.type() == ClockType.CONTACT_DECISION
                || running.type() == ClockType.MANAGER_AUTHORISATION, ClockStopped.Reason.DONE, now, now, timeliness,
                deadlines);
        // A partner's reply still awaited no longer holds up anything at the front door.
        stopClocks(contact, running -> running.type() == ClockType.PARTNER_CHECK, ClockStopped.Reason.NOT_NEEDED, now,
                now, timeliness, deadlines);
        startClock(contact, ClockType.FEEDBACK, null, timeliness.plan(ClockType.FEEDBACK, now), timeliness, deadlines);

        List<String> reasons = new ArrayList<>();
        if (outcome == DecisionOutcome.STRATEGY_DISCUSSION) {
            reasons.add(StrategyDiscussionRequired.SECTION_47_DECISION);
        }
        if (contact.threshold.flags().contains(Flag.STRATEGY_DISCUSSION_REQUIRED.name())) {
            reasons.add(StrategyDiscussionRequired.RULES_FLAGGED);
        }
        if (!reasons.isEmpty()) {
            String discussionId = UUID.randomUUID().toString();
            apply(new StrategyDiscussionRequired(childId, command.contactId(), discussionId, reasons,
                    contact.priority, now));
            startClock(contact, ClockType.STRATEGY_DISCUSSION, discussionId,
                    timeliness.strategyDiscussion(contact.priority, now), timeliness, deadlines);
        }
    }

    @CommandHandler
    void handle(ReturnProposal command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        if (!command.actor().isManager()) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED, "Only a manager returns a proposal.");
        }
        if (contact.status != ContactStatus.PROPOSED) {
            throw new TriageRefusedException(contact.isDecided() ? Refusal.CONTACT_DECIDED : Refusal.NO_PROPOSAL);
        }
        requireReason(command.reason(), "Tell the worker why the proposal is returned.");
        Instant now = clock.instant();
        apply(new ProposalReturned(childId, command.contactId(), command.reason(), command.actor(), now));
        stopClocks(contact, running -> running.type() == ClockType.MANAGER_AUTHORISATION, ClockStopped.Reason.DONE,
                now, now, timeliness, deadlines);
    }

    @CommandHandler
    void handle(RecordFeedback command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        requireCasework(command.actor());
        ContactRecord contact = contact(command.contactId());
        if (!contact.isDecided()) {
            throw new TriageRefusedException(Refusal.NOT_DECIDED, "Feedback tells the referrer what was decided.");
        }
        required(command.method(), "method");
        required(command.sentAt(), "sentAt");
        Instant now = clock.instant();
        requirePast(command.sentAt(), now, "sentAt");
        apply(new FeedbackSent(childId, command.contactId(), contact.outcome, command.method(), command.sentAt(),
                blankToNull(command.summary()), command.actor(), now));
        stopClocks(contact, running -> running.type() == ClockType.FEEDBACK, ClockStopped.Reason.DONE,
                command.sentAt(), now, timeliness, deadlines);
    }

    // ----- strategy discussion -----

    @CommandHandler
    void handle(ConveneStrategyDiscussion command, Clock clock, TriagePolicy policy) {
        ContactRecord contact = strategyDiscussionOpen(command.contactId(), command.actor());
        required(command.plannedAt(), "plannedAt");
        if (command.invitedAgencies() == null || command.invitedAgencies().isEmpty()) {
            throw new TriageRefusedException(Refusal.AGENCY_REQUIRED, "Invite the agencies that should attend.");
        }
        for (int i = 0; i < command.invitedAgencies().size(); i++) {
            if (!policy.isAgency(command.invitedAgencies().get(i))) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "invitedAgencies[" + i + "] is not a configured agency.");
            }
        }
        apply(new StrategyDiscussionConvened(childId, command.contactId(), contact.strategyDiscussionId,
                command.plannedAt(), List.copyOf(new LinkedHashSet<>(command.invitedAgencies())), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordStrategyDiscussion command, Clock clock, TriagePolicy policy, TimelinessPolicy timeliness,
                DeadlineManager deadlines) {
        ContactRecord contact = strategyDiscussionOpen(command.contactId(), command.actor());
        required(command.heldAt(), "heldAt");
        Instant now = clock.instant();
        requirePast(command.heldAt(), now, "heldAt");
        required(command.mode(), "mode");
        required(command.outcome(), "outcome");
        if (command.attendees() == null || command.attendees().isEmpty()) {
            throw new TriageRefusedException(Refusal.ATTENDEES_REQUIRED);
        }
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < command.attendees().size(); i++) {
            var attendee = command.attendees().get(i);
            if (attendee == null || !policy.isAgency(attendee.agency())) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "attendees[" + i + "] has no configured agency.");
            }
            if (blankToNull(attendee.role()) == null) {
                throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "attendees[" + i + "] has no role.");
            }
            present.add(attendee.agency());
        }
        List<StrategyDiscussionHeld.Action> actions = command.actions() == null ? List.of() : command.actions();
        for (int i = 0; i < actions.size(); i++) {
            var action = actions.get(i);
            if (action == null || action.dueDate() == null || blankToNull(action.owner()) == null
                    || blankToNull(action.description()) == null || !policy.isAgency(action.agency())) {
                throw new TriageRefusedException(Refusal.ACTION_DUE_DATE_REQUIRED,
                        "actions[" + i + "] needs a description, an owner, a configured agency and a due date.");
            }
        }
        List<String> flags = new ArrayList<>();
        if (!present.contains(TriagePolicy.HEALTH)) {
            flags.add(StrategyDiscussionHeld.HEALTH_ABSENT);
        }
        if (Set.of(TriagePolicy.POLICE, TriagePolicy.SOCIAL_CARE).containsAll(present)) {
            flags.add(StrategyDiscussionHeld.POLICE_AND_SOCIAL_CARE_ONLY);
        }
        // Working Together 2023: the initial conference within 15 working days of the strategy
        // discussion that started the section 47 enquiry.
        Instant conferenceDueAt = command.outcome() == StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY
                ? policy.calendar().plusWorkingDays(command.heldAt(), 15)
                : null;
        apply(new StrategyDiscussionHeld(childId, command.contactId(), contact.strategyDiscussionId,
                command.heldAt(), command.mode(), List.copyOf(command.attendees()), command.outcome(),
                blankToNull(command.summary()), List.copyOf(actions), flags, conferenceDueAt, command.actor(), now));
        stopClocks(contact, running -> running.type() == ClockType.STRATEGY_DISCUSSION, ClockStopped.Reason.DONE,
                command.heldAt(), now, timeliness, deadlines);
        if (conferenceDueAt != null) {
            startClock(contact, ClockType.INITIAL_CONFERENCE, contact.strategyDiscussionId,
                    timeliness.planInWorkingTime(command.heldAt(), conferenceDueAt), timeliness, deadlines);
        }
    }

    // ----- conference and the duties the rules raise -----

    @CommandHandler
    void handle(RecordInitialConference command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        requireScreener(command.actor());
        if (contact.conferenceDueAt == null || contact.conferenceOutcome != null) {
            throw new TriageRefusedException(Refusal.NO_CONFERENCE_DUE);
        }
        required(command.heldAt(), "heldAt");
        required(command.outcome(), "outcome");
        Instant now = clock.instant();
        requirePast(command.heldAt(), now, "heldAt");
        apply(new InitialConferenceHeld(childId, command.contactId(), contact.strategyDiscussionId, command.heldAt(),
                command.outcome(), blankToNull(command.summary()), command.actor(), now));
        stopClocks(contact, running -> running.type() == ClockType.INITIAL_CONFERENCE, ClockStopped.Reason.DONE,
                command.heldAt(), now, timeliness, deadlines);
    }

    @CommandHandler
    void handle(RecordDutyCompleted command, Clock clock, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        ContactRecord contact = contact(command.contactId());
        requireScreener(command.actor());
        required(command.duty(), "duty");
        if (!command.duty().recordedAsDuty() || runningClocks(contact, command.duty()).isEmpty()) {
            throw new TriageRefusedException(Refusal.DUTY_NOT_DUE);
        }
        required(command.doneAt(), "doneAt");
        Instant now = clock.instant();
        requirePast(command.doneAt(), now, "doneAt");
        apply(new DutyCompleted(childId, command.contactId(), command.duty(), command.doneAt(),
                blankToNull(command.note()), command.actor(), now));
        stopClocks(contact, running -> running.type() == command.duty(), ClockStopped.Reason.DONE, command.doneAt(),
                now, timeliness, deadlines);
    }

    // ----- alerts: the duty manager acts on a warning or breach -----

    @CommandHandler
    void handle(HandleAlert command, Clock clock) {
        if (!command.actor().isManager()) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED, "Duty managers act on alerts.");
        }
        required(command.action(), "action");
        RunningClock alert = command.clockId() == null ? null : clocks.get(command.clockId());
        if (alert == null || !alert.alerting()) {
            throw new TriageRefusedException(Refusal.ALERT_NOT_OPEN);
        }
        Instant now = clock.instant();
        switch (command.action()) {
            case ACKNOWLEDGE -> {
                requireReason(command.note(), "Say what is being done about it.");
                apply(new AlertAcknowledged(childId, alert.contactId(), alert.clockId(), command.note(),
                        command.actor(), now));
            }
            case ASSIGN -> {
                if (blankToNull(command.assignee()) == null) {
                    throw new TriageRefusedException(Refusal.ASSIGNEE_REQUIRED);
                }
                apply(new AlertAssigned(childId, alert.contactId(), alert.clockId(), command.assignee().trim(),
                        command.actor(), now));
            }
            case ESCALATE -> {
                required(blankToNull(command.escalateTo()), "escalateTo");
                requireReason(command.note(), "Say why it is escalated.");
                apply(new AlertEscalated(childId, alert.contactId(), alert.clockId(), command.escalateTo().trim(),
                        command.note(), command.actor(), now));
            }
        }
    }

    // ----- clocks -----

    /**
     * A clock's warning or breach fell due. Whatever the scheduler does (fire late after a restart, fire
     * twice after a crash between handling and marking it done), the stream decides: a stopped clock
     * never fires, a breached clock never breaches again, and a warning that arrives after the due time
     * gives way to the breach.
     */
    @DeadlineHandler(deadlineName = ClockDeadline.NAME)
    void on(ClockDeadline deadline, Clock clock) {
        RunningClock running = clocks.get(deadline.clockId());
        if (running == null) {
            return;
        }
        Instant now = clock.instant();
        switch (deadline.stage()) {
            case WARNING -> {
                if (!running.warned() && !running.breached() && now.isBefore(running.dueAt())) {
                    apply(new ClockWarned(childId, running.contactId(), running.clockId(), running.type(),
                            running.dueAt(), now));
                }
            }
            case BREACH -> {
                if (!running.breached()) {
                    apply(new ClockBreached(childId, running.contactId(), running.clockId(), running.type(),
                            running.dueAt(), now));
                }
            }
        }
    }

    /** The decision clock, and the clocks of the duties the rules flagged, start with the contact. */
    private void startContactClocks(ContactRecord contact, ContactSubmission submission, TimelinessPolicy timeliness,
                                    DeadlineManager deadlines) {
        Instant receivedAt = contact.receivedAt;
        startClock(contact, ClockType.CONTACT_DECISION, null,
                timeliness.planInWorkingTime(receivedAt, contact.threshold.decisionDueAt()), timeliness, deadlines);
        List<String> flags = contact.threshold.flags();
        if (flags.contains(Flag.RETURN_HOME_INTERVIEW_DUE.name())) {
            // 72 hours from the child's return: the referrer's "aware since" is the return they report.
            Instant returned = submission.awareSince() != null && submission.awareSince().isBefore(receivedAt)
                    ? submission.awareSince() : receivedAt;
            startClock(contact, ClockType.RETURN_HOME_INTERVIEW, null,
                    timeliness.plan(ClockType.RETURN_HOME_INTERVIEW, returned), timeliness, deadlines);
        }
        if (flags.contains(Flag.PRIVATE_FOSTERING_VISIT.name())) {
            startClock(contact, ClockType.PRIVATE_FOSTERING_VISIT, null,
                    timeliness.plan(ClockType.PRIVATE_FOSTERING_VISIT, receivedAt), timeliness, deadlines);
        }
        if (flags.contains(Flag.LADO_REFERRAL.name())) {
            startClock(contact, ClockType.LADO_REFERRAL, null, timeliness.plan(ClockType.LADO_REFERRAL, receivedAt),
                    timeliness, deadlines);
        }
    }

    private void startClock(ContactRecord contact, ClockType type, String reference, TimelinessPolicy.Plan plan,
                            TimelinessPolicy timeliness, DeadlineManager deadlines) {
        String clockId = UUID.randomUUID().toString();
        List<String> scheduleIds = List.of(
                deadlines.schedule(plan.warnAt(), ClockDeadline.NAME,
                        new ClockDeadline(clockId, ClockDeadline.Stage.WARNING)),
                deadlines.schedule(plan.dueAt(), ClockDeadline.NAME,
                        new ClockDeadline(clockId, ClockDeadline.Stage.BREACH)));
        apply(new ClockStarted(childId, contact.contactId, clockId, type, reference, timeliness.team(type),
                contact.priority, plan.startedAt(), plan.warnAt(), plan.dueAt(), scheduleIds));
    }

    private void stopClocks(ContactRecord contact, Predicate<RunningClock> which, ClockStopped.Reason reason,
                            Instant doneAt, Instant now, TimelinessPolicy timeliness, DeadlineManager deadlines) {
        for (RunningClock running : List.copyOf(clocks.values())) {
            if (running.contactId().equals(contact.contactId) && which.test(running)) {
                running.scheduleIds().forEach(scheduleId -> deadlines.cancelSchedule(ClockDeadline.NAME, scheduleId));
                apply(new ClockStopped(childId, contact.contactId, running.clockId(), running.type(), reason,
                        running.startedAt(), running.dueAt(), doneAt,
                        reason == ClockStopped.Reason.DONE && doneAt.isAfter(running.dueAt()),
                        timeliness.calendar().workingTimeBetween(running.startedAt(), doneAt), now));
            }
        }
    }

    private List<RunningClock> runningClocks(ContactRecord contact, ClockType type) {
        return clocks.values().stream()
                .filter(running -> running.contactId().equals(contact.contactId) && running.type() == type)
                .toList();
    }

    // ----- identity (called by the identity desk, which loads both children in one transaction) -----

    /** A person decides a possible match; the desk links the two records when they are one child. */
    public void resolvePossibleMatch(ContactId contactId, ChildId candidate, boolean sameChild, String reason,
                                     Actor actor, Instant at) {
        ContactRecord contact = contact(contactId);
        requireScreener(actor);
        if (contact.possibleMatches.isEmpty()) {
            throw new TriageRefusedException(Refusal.NO_POSSIBLE_MATCH);
        }
        if (candidate == null || !contact.possibleMatches.contains(candidate.value())) {
            throw new TriageRefusedException(Refusal.NOT_A_CANDIDATE);
        }
        requireReason(reason, "Say how the match was confirmed or ruled out.");
        apply(new PossibleMatchResolved(childId, contactId, candidate, sameChild, reason, actor, at));
    }

    /** Link this record to another found to be the same child. */
    public void link(ChildId other, String reason, Actor actor, Instant at) {
        requireScreener(actor);
        if (other.equals(childId)) {
            throw new TriageRefusedException(Refusal.SAME_CHILD);
        }
        if (linkedChildren.contains(other)) {
            throw new TriageRefusedException(Refusal.ALREADY_LINKED);
        }
        requireReason(reason, "Say why the records are one child.");
        apply(new ChildRecordLinked(childId, other, reason, actor, at));
    }

    /** Whether this record is already linked to another: the desk skips a link that exists. */
    public boolean isLinkedTo(ChildId other) {
        return linkedChildren.contains(other);
    }

    // ----- evolve -----

    @EventSourcingHandler
    void on(ContactReceived event) {
        this.childId = event.childId();
        contacts.put(event.contactId(), ContactRecord.received(event));
        latestChild = event.submission().child();
        latestHousehold = event.submission().household();
    }

    @EventSourcingHandler
    void on(ThresholdAssessed event) {
        ContactRecord contact = contacts.get(event.contactId());
        contact.status = ContactStatus.ASSESSED;
        contact.threshold = event.threshold();
        contact.priority = event.threshold().priority();
    }

    @EventSourcingHandler
    void on(PossibleMatchFound event) {
        event.candidates().forEach(candidate -> contacts.get(event.contactId()).possibleMatches.add(candidate.value()));
    }

    @EventSourcingHandler
    void on(PossibleMatchResolved event) {
        contacts.get(event.contactId()).possibleMatches.remove(event.candidate().value());
    }

    @EventSourcingHandler
    void on(ChildRecordLinked event) {
        linkedChildren.add(event.linkedChildId());
    }

    @EventSourcingHandler
    void on(ContactClaimed event) {
        contacts.get(event.contactId()).heldBy = event.actor().userId();
    }

    @EventSourcingHandler
    void on(ContactReleased event) {
        contacts.get(event.contactId()).heldBy = null;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        contacts.get(event.contactId()).consent = event.decision();
    }

    @EventSourcingHandler
    void on(PartnerCheckRequested event) {
        contacts.get(event.contactId()).checks.put(event.checkId(),
                new ContactRecord.PartnerCheck(event.agency(), event.dueAt()));
    }

    @EventSourcingHandler
    void on(PartnerCheckReplied event) {
        contacts.get(event.contactId()).checks.get(event.checkId()).answered = true;
    }

    @EventSourcingHandler
    void on(PriorityChanged event) {
        contacts.get(event.contactId()).priority = event.to();
    }

    @EventSourcingHandler
    void on(DecisionProposed event) {
        ContactRecord contact = contacts.get(event.contactId());
        contact.status = ContactStatus.PROPOSED;
        contact.proposed = event.outcome();
        contact.proposedBy = event.actor().userId();
    }

    @EventSourcingHandler
    void on(ProposalReturned event) {
        ContactRecord contact = contacts.get(event.contactId());
        contact.status = ContactStatus.ASSESSED;
        contact.proposed = null;
        contact.proposedBy = null;
    }

    @EventSourcingHandler
    void on(ProposalAuthorised event) {
        ContactRecord contact = contacts.get(event.contactId());
        contact.status = ContactStatus.DECIDED;
        contact.outcome = event.outcome();
        contact.decidedAt = event.at();
        contact.heldBy = null;
    }

    @EventSourcingHandler
    void on(StrategyDiscussionRequired event) {
        contacts.get(event.contactId()).strategyDiscussionId = event.discussionId();
    }

    @EventSourcingHandler
    void on(StrategyDiscussionHeld event) {
        ContactRecord contact = contacts.get(event.contactId());
        contact.strategyDiscussionHeld = true;
        contact.conferenceDueAt = event.conferenceDueAt();
    }

    @EventSourcingHandler
    void on(InitialConferenceHeld event) {
        contacts.get(event.contactId()).conferenceOutcome = event.outcome();
    }

    @EventSourcingHandler
    void on(ClockStarted event) {
        clocks.put(event.clockId(), RunningClock.started(event));
    }

    @EventSourcingHandler
    void on(ClockWarned event) {
        clocks.computeIfPresent(event.clockId(), (id, running) -> running.warn());
    }

    @EventSourcingHandler
    void on(ClockBreached event) {
        clocks.computeIfPresent(event.clockId(), (id, running) -> running.breach());
    }

    @EventSourcingHandler
    void on(ClockStopped event) {
        clocks.remove(event.clockId());
    }

    // ----- rules shared by the handlers -----

    private ContactRecord contact(ContactId contactId) {
        ContactRecord contact = contactId == null ? null : contacts.get(contactId);
        if (contact == null) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CONTACT);
        }
        return contact;
    }

    private ContactRecord strategyDiscussionOpen(ContactId contactId, Actor actor) {
        ContactRecord contact = contact(contactId);
        requireScreener(actor);
        if (contact.strategyDiscussionId == null) {
            throw new TriageRefusedException(Refusal.STRATEGY_DISCUSSION_NOT_REQUIRED);
        }
        if (contact.strategyDiscussionHeld) {
            throw new TriageRefusedException(Refusal.STRATEGY_DISCUSSION_ALREADY_RECORDED);
        }
        return contact;
    }

    private static void requireScreener(Actor actor) {
        if (!actor.role().screens()) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED,
                    "Only qualified social workers and managers screen contacts.");
        }
    }

    /** System managers run the service and never touch a child's record, whatever the page or API allows. */
    private static void requireCasework(Actor actor) {
        if (!actor.role().worksWithChildren()) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED,
                    "System managers do not work on children's records.");
        }
    }

    private static void requireUndecided(ContactRecord contact) {
        if (contact.isDecided()) {
            throw new TriageRefusedException(Refusal.CONTACT_DECIDED);
        }
    }

    /** Screening work is done by the one worker who holds the contact. */
    private static void requireHeldBy(ContactRecord contact, Actor actor) {
        requireScreener(actor);
        requireUndecided(contact);
        if (contact.heldBy == null) {
            throw new TriageRefusedException(Refusal.CLAIM_REQUIRED);
        }
        if (!contact.heldBy.equals(actor.userId())) {
            throw new TriageRefusedException(Refusal.CLAIMED_BY_ANOTHER, "Held by " + contact.heldBy + ".");
        }
    }

    private static void requireReason(String reason, String detail) {
        if (blankToNull(reason) == null) {
            throw new TriageRefusedException(Refusal.REASON_REQUIRED, detail);
        }
    }

    private static void requirePast(Instant time, Instant now, String field) {
        if (time.isAfter(now)) {
            throw new TriageRefusedException(Refusal.TIME_IN_FUTURE, field + " is later than now.");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, field + " is required.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
