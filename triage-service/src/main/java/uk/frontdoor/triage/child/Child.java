package uk.frontdoor.triage.child;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.command.AcknowledgeAlert;
import uk.frontdoor.triage.api.command.AssignAlert;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.command.EscalateAlert;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.AllocateWork;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordFirstContact;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordAssessmentCompleted;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.command.HandBackToDayTeam;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.command.RestrictRecord;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.command.UnrestrictRecord;
import uk.frontdoor.triage.api.command.AuthoriseErasure;
import uk.frontdoor.triage.api.command.LiftLegalHold;
import uk.frontdoor.triage.api.command.PlaceLegalHold;
import uk.frontdoor.triage.api.command.RequestErasure;
import uk.frontdoor.triage.api.command.ReviewRetention;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.erasure.KeyDestruction;
import uk.frontdoor.triage.child.erasure.Erasure;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.child.access.Restrictions;
import uk.frontdoor.triage.child.allocation.Allocation;
import uk.frontdoor.triage.child.decision.Feedback;
import uk.frontdoor.triage.child.decision.Proposals;
import uk.frontdoor.triage.child.identity.Identity;
import uk.frontdoor.triage.child.identity.LinkRecord;
import uk.frontdoor.triage.child.identity.UnlinkRecord;
import uk.frontdoor.triage.child.reception.Reassessment;
import uk.frontdoor.triage.child.identity.RecordMatchDecision;
import uk.frontdoor.triage.child.reception.Reception;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.triage.child.screening.Claims;
import uk.frontdoor.triage.child.screening.Consent;
import uk.frontdoor.triage.child.screening.PartnerChecks;
import uk.frontdoor.triage.child.screening.PriorityChange;
import uk.frontdoor.triage.child.strategy.Duties;
import uk.frontdoor.triage.child.strategy.StrategyDiscussions;
import uk.frontdoor.triage.child.timeliness.Alerts;
import uk.frontdoor.triage.child.timeliness.ClockAlarms;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.util.List;

/**
 * One child's whole history at the front door: every contact about them, and everything done about
 * each, in one stream, so that accumulating concerns and re-referrals are visible to whoever screens
 * the next contact, and every step says who took it, in which role and agency, when and why.
 *
 * <p>A shell: each command goes to the decision of its use case (a package beside this class), which
 * reads the {@link ChildState} and returns the events to record or refuses; the events are applied,
 * and {@link ChildEvolution} folds them into the state. The class name is the stream's stored
 * aggregate type, and deadlines are scheduled against it, so it stays where it is.
 *
 * <p>Snapshots are not configured, and the event store does not look for any (infra's
 * {@code WakingEventStore.readEvents}: configuring snapshots means changing that too); the revision is there
 * so that, if they ever are, a snapshot of an older shape is skipped rather than misread.
 */
@Aggregate(cache = "childCache")
@Revision("2")
public class Child {

    @AggregateIdentifier
    ChildId childId;

    ChildState state = ChildState.NONE;

    /** For Axon, which creates the aggregate before sourcing it or creating it from a contact. */
    public Child() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordContact command, ThresholdEngine rules, ReferralStandard standard, Timekeeper clocks,
                LinkedContacts linked) {
        record(Reception.decide(command, state, rules, standard, clocks, linked.linkedTo(command.childId(), state)));
    }

    /** A new child's first contact: created without looking for a stream that cannot exist yet. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RecordFirstContact command, ThresholdEngine rules, ReferralStandard standard, Timekeeper clocks,
                LinkedContacts linked) {
        handle(command.contact(), rules, standard, clocks, linked);
    }

    @CommandHandler
    void handle(RecordStepUp command, ThresholdEngine rules, Timekeeper clocks, LinkedContacts linked) {
        record(Reception.decide(command, state, rules, clocks, linked.linkedTo(command.childId(), state)));
    }

    @CommandHandler
    void handle(ClaimContact command, Clock clock) {
        record(Claims.decide(command, state, clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseContact command, Clock clock) {
        record(Claims.decide(command, state, clock.instant()));
    }

    @CommandHandler
    void handle(RecordConsent command, Clock clock) {
        record(Consent.decide(command, state, clock.instant()));
    }

    @CommandHandler
    List<PartnerCheckReceipt> handle(RequestPartnerChecks command, TriagePolicy policy, Timekeeper clocks) {
        PartnerChecks.Requested requested = PartnerChecks.decide(command, state, policy, clocks);
        record(requested.events());
        return requested.receipts();
    }

    @CommandHandler
    void handle(RecordPartnerReply command, Timekeeper clocks) {
        record(PartnerChecks.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(AnswerPartnerCheck command, Timekeeper clocks) {
        record(PartnerChecks.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(ChangePriority command, ThresholdEngine rules, TriagePolicy policy, Timekeeper clocks) {
        record(PriorityChange.decide(command, state, rules, policy, clocks));
    }

    @CommandHandler
    void handle(ProposeDecision command, Timekeeper clocks) {
        record(Proposals.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(AuthoriseProposal command, Timekeeper clocks) {
        record(Proposals.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(ReturnProposal command, Timekeeper clocks) {
        record(Proposals.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(RecordFeedback command, Timekeeper clocks) {
        record(Feedback.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(ConveneStrategyDiscussion command, Clock clock, TriagePolicy policy) {
        record(StrategyDiscussions.decide(command, state, policy, clock.instant()));
    }

    @CommandHandler
    void handle(RecordStrategyDiscussion command, TriagePolicy policy, Timekeeper clocks) {
        record(StrategyDiscussions.decide(command, state, policy, clocks));
    }

    @CommandHandler
    void handle(RecordInitialConference command, Timekeeper clocks) {
        record(Duties.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(HandBackToDayTeam command, Timekeeper clocks) {
        record(Duties.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(RecordStrategyActionDone command, Timekeeper clocks) {
        record(Duties.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(RecordAssessmentCompleted command, Timekeeper clocks) {
        record(Duties.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(RecordDutyCompleted command, Timekeeper clocks) {
        record(Duties.decide(command, state, clocks));
    }

    @CommandHandler
    void handle(AcknowledgeAlert command, Clock clock) {
        record(Alerts.decide(command, state, clock.instant()));
    }

    @CommandHandler
    void handle(AssignAlert command, Clock clock, StaffDirectory staff) {
        record(Alerts.decide(command, state, clock.instant(), staff));
    }

    @CommandHandler
    void handle(EscalateAlert command, Clock clock, StaffDirectory staff) {
        record(Alerts.decide(command, state, clock.instant(), staff));
    }

    @CommandHandler
    void handle(RestrictRecord command, Clock clock, StaffDirectory staff) {
        record(Restrictions.decide(command, state, clock.instant(), staff));
    }

    @CommandHandler
    void handle(UnrestrictRecord command, Clock clock) {
        record(Restrictions.decide(command, state, clock.instant()));
    }

    @CommandHandler
    void handle(AllocateWork command, Clock clock, StaffDirectory staff) {
        record(Allocation.decide(command, state, clock.instant(), staff));
    }

    @CommandHandler
    void handle(RecordMatchDecision command) {
        record(Identity.decide(command, state));
    }

    @CommandHandler
    void handle(LinkRecord command, ThresholdEngine rules, LinkedContacts linked) {
        record(Identity.decide(command, state, reassessing(command.childId(), rules, linked)));
    }

    @CommandHandler
    void handle(UnlinkRecord command, ThresholdEngine rules, LinkedContacts linked) {
        record(Identity.decide(command, state, reassessing(command.childId(), rules, linked)));
    }

    /** Open contacts assessed again against the contacts on the records the child's is then linked to. */
    private static Identity.Reassess reassessing(ChildId self, ThresholdEngine rules, LinkedContacts linked) {
        return (child, records, at, cause, other) -> Reassessment.ofOpenContacts(child,
                records.isEmpty() ? List.of() : linked.of(records, self), rules, at, cause, other);
    }

    @CommandHandler
    void handle(RequestErasure command, Clock clock) {
        record(Erasure.decide(command, state, clock.instant()));
    }

    /** Authorised: the erasure is recorded, the clocks' deadlines cancelled and the child's key destroyed. */
    @CommandHandler
    void handle(AuthoriseErasure command, Clock clock, Timekeeper clocks, KeyDestruction keys) {
        List<ChildEvent> events = Erasure.decide(command, state, clock.instant());
        erase(events, clocks, keys);
    }

    @CommandHandler
    void handle(PlaceLegalHold command, Clock clock) {
        record(Erasure.decide(command, state, clock.instant()));
    }

    @CommandHandler
    void handle(LiftLegalHold command, Clock clock) {
        record(Erasure.decide(command, state, clock.instant()));
    }

    @CommandHandler
    ReviewRetention.Outcome handle(ReviewRetention command, Clock clock, Timekeeper clocks, KeyDestruction keys) {
        Erasure.Reviewed reviewed = Erasure.decide(command, state, clock.instant());
        if (reviewed.outcome() == ReviewRetention.Outcome.ERASED) {
            erase(reviewed.events(), clocks, keys);
        } else {
            record(reviewed.events());
        }
        return reviewed.outcome();
    }

    private void erase(List<ChildEvent> events, Timekeeper clocks, KeyDestruction keys) {
        clocks.cancelAll(state);
        record(events);
        // Last, in the command's transaction: if the events cannot be stored, the key is not destroyed either.
        keys.shred(childId);
    }

    /** An erased record takes no command but the retention schedule's look at it, which finds it erased. */
    @CommandHandlerInterceptor
    Object refuseOnceErased(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (state.isErased() && !(command.getPayload() instanceof ReviewRetention)) {
            throw new TriageRefusedException(Refusal.ERASED, "This child's record was erased on "
                    + state.protection().erased().at() + ": nothing more is recorded on it.");
        }
        return chain.proceed();
    }

    @DeadlineHandler(deadlineName = ClockDeadline.NAME)
    void on(ClockDeadline deadline, Clock clock) {
        if (!state.isErased()) {
            record(ClockAlarms.decide(deadline, state, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ChildEvent event) {
        childId = event.childId();
        state = ChildEvolution.evolve(state, event);
    }

    /** Applied one by one: each is folded into the state before the next is published. */
    private static void record(List<? extends ChildEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }
}
