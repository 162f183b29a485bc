package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.IdentityMatched;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ErasureDeferredByHold;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldLifted;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.value.ContactStatus;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static uk.frontdoor.triage.child.ChildState.put;
import static uk.frontdoor.triage.child.ChildState.remove;

/**
 * How each event changes what the child's stream remembers: the one place state changes. Java 17 has
 * no pattern switch, so the switch over the sealed {@link ChildEvent} is a table with a row for every
 * permitted event, including those that change nothing the decisions read; a test holds the table
 * to the sealed family, so a new event without a row fails the build.
 */
public final class ChildEvolution {

    /** The one row of every event that changes nothing: how {@link #changesState} tells them. */
    private static final BiFunction<ChildState, ChildEvent, ChildState> LEAVES_AS_IT_IS = (state, event) -> state;

    private static final Map<Class<? extends ChildEvent>, BiFunction<ChildState, ChildEvent, ChildState>> ROWS =
            Map.ofEntries(
                    row(ContactReceived.class, (state, event) -> state.withChildId(event.childId())
                            .withReceived(ContactState.received(event), event.submission())),
                    row(ThresholdAssessed.class, (state, event) -> state.withContact(event.contactId(), contact ->
                            contact.with(contact.screening().assessed(event.threshold()))
                                    .with(status(contact, ContactStatus.ASSESSED)))),
                    row(PossibleMatchFound.class, (state, event) -> state.withContact(event.contactId(), contact -> {
                        Set<String> matches = contact.possibleMatches();
                        for (var candidate : event.candidates()) {
                            matches = ChildState.add(matches, candidate.value());
                        }
                        return contact.withPossibleMatches(matches);
                    })),
                    row(PossibleMatchResolved.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.withPossibleMatches(
                                    remove(contact.possibleMatches(), event.candidate().value())))),
                    row(ChildRecordLinked.class, (state, event) -> state.withLink(event.linkedChildId())),
                    // Which child the contact is about was settled before it reached this stream.
                    unchanged(IdentityMatched.class),
                    row(ChildRecordUnlinked.class, (state, event) -> state.withoutLink(event.unlinkedChildId())),
                    row(ThresholdReassessed.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().assessed(event.threshold())))),
                    row(ContactClaimed.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().heldBy(event.actor().userId())))),
                    row(ContactReleased.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().heldBy(null)))),
                    row(ConsentRecorded.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().consented(event.decision())))),
                    row(PartnerCheckRequested.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().checks(checks -> put(checks, event.checkId(),
                                    new ContactState.PartnerCheck(event.agency(), event.dueAt(), false)))))),
                    row(PartnerCheckReplied.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().checks(checks -> put(checks, event.checkId(),
                                    answered(checks.get(event.checkId()))))))),
                    row(PartnerCheckAnswered.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().checks(checks -> put(checks, event.checkId(),
                                    answered(checks.get(event.checkId()))))))),
                    row(PriorityChanged.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().prioritised(event.to())))),
                    row(DecisionProposed.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(new ContactState.Progress(ContactStatus.PROPOSED, event.outcome(),
                                    event.actor().userId(), contact.outcome(), contact.decidedAt())))),
                    row(ProposalReturned.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(new ContactState.Progress(ContactStatus.ASSESSED, null, null,
                                    contact.outcome(), contact.decidedAt())))),
                    row(ProposalAuthorised.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(contact.screening().heldBy(null))
                                    .with(new ContactState.Progress(ContactStatus.DECIDED,
                                            contact.progress().proposed(), contact.progress().proposedBy(),
                                            event.outcome(), event.at())))),
                    row(StrategyDiscussionRequired.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(new ContactState.Protection(event.discussionId(),
                                    contact.protection().strategyDiscussionHeld(),
                                    contact.protection().conferenceDueAt(),
                                    contact.protection().conferenceOutcome())))),
                    row(StrategyDiscussionHeld.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(new ContactState.Protection(contact.strategyDiscussionId(), true,
                                    event.conferenceDueAt(), contact.protection().conferenceOutcome())))),
                    row(InitialConferenceHeld.class, (state, event) -> state.withContact(event.contactId(),
                            contact -> contact.with(new ContactState.Protection(contact.strategyDiscussionId(),
                                    contact.protection().strategyDiscussionHeld(),
                                    contact.protection().conferenceDueAt(), event.outcome())))),
                    row(ClockStarted.class, (state, event) -> state.withClocks(
                            clocks -> put(clocks, event.clockId(), RunningClock.started(event)))),
                    row(ClockWarned.class, (state, event) -> state.withClocks(clocks -> clocks.containsKey(
                            event.clockId()) ? put(clocks, event.clockId(), clocks.get(event.clockId()).warn())
                            : clocks)),
                    row(ClockBreached.class, (state, event) -> state.withClocks(clocks -> clocks.containsKey(
                            event.clockId()) ? put(clocks, event.clockId(), clocks.get(event.clockId()).breach())
                            : clocks)),
                    row(ClockStopped.class, (state, event) -> state.withClocks(
                            clocks -> remove(clocks, event.clockId()))),
                    row(RecordRestricted.class, (state, event) -> state.withRestriction(event.contactId(), true)),
                    row(RecordUnrestricted.class, (state, event) -> state.withRestriction(event.contactId(), false)),
                    row(ErasureRequested.class, (state, event) -> state.withProtection(
                            protection -> protection.requested(event))),
                    // Nothing personal stays in the aggregate's memory (its cache) once the record is erased.
                    row(ChildErased.class, (state, event) -> state.erasedBy(event)),
                    row(LegalHoldPlaced.class, (state, event) -> state.withProtection(
                            protection -> protection.held(event))),
                    row(LegalHoldLifted.class, (state, event) -> state.withProtection(
                            protection -> protection.lifted(event.holdId()))),
                    row(ErasureDeferredByHold.class, (state, event) -> state.withProtection(
                            protection -> protection.deferred(event.holdIds()))),
                    // What follows is told to people and read models; no decision depends on it.
                    unchanged(SteppedUpFromEarlyHelp.class),
                    unchanged(FeedbackSent.class),
                    unchanged(StrategyDiscussionConvened.class),
                    unchanged(DutyCompleted.class),
                    // Whether an assessment is outstanding is its running clock, which ClockStopped ends.
                    unchanged(AssessmentCompleted.class),
                    // Likewise an action's: its running clock, which ClockStopped ends.
                    unchanged(StrategyActionDone.class),
                    // And whether a contact is with the emergency duty team: its out-of-hours clock.
                    unchanged(HandedBackToDayTeam.class),
                    unchanged(AlertAcknowledged.class),
                    unchanged(AlertAssigned.class),
                    unchanged(AlertEscalated.class),
                    unchanged(WorkAllocated.class));

    private static final Set<Class<? extends ChildEvent>> UNCHANGED = ROWS.entrySet().stream()
            .filter(row -> row.getValue() == LEAVES_AS_IT_IS).map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());

    private ChildEvolution() {
    }

    public static ChildState evolve(ChildState state, ChildEvent event) {
        var row = ROWS.get(event.getClass());
        if (row == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " has no row in the child's evolution");
        }
        return row.apply(state, event);
    }

    /**
     * Whether folding an event of this type can change the state: false for the events whose row leaves it as
     * it is, which a fold may skip (a rule-set simulation does not even deserialise them).
     */
    public static boolean changesState(Class<?> type) {
        return ROWS.containsKey(type) && !UNCHANGED.contains(type);
    }

    /** The types {@link #changesState} accepts: what a fold that skips the others reads. */
    public static Set<Class<? extends ChildEvent>> stateChangingTypes() {
        return ROWS.keySet().stream().filter(ChildEvolution::changesState).collect(Collectors.toUnmodifiableSet());
    }

    /** The events the table has a row for, for the test that holds it to the sealed family. */
    static Set<Class<? extends ChildEvent>> events() {
        return ROWS.keySet();
    }

    private static <E extends ChildEvent> Map.Entry<Class<? extends ChildEvent>,
            BiFunction<ChildState, ChildEvent, ChildState>> row(Class<E> type, BiFunction<ChildState, E, ChildState> how) {
        return entry(type, (state, event) -> how.apply(state, type.cast(event)));
    }

    private static <E extends ChildEvent> Map.Entry<Class<? extends ChildEvent>,
            BiFunction<ChildState, ChildEvent, ChildState>> unchanged(Class<E> type) {
        return entry(type, LEAVES_AS_IT_IS);
    }

    private static ContactState.Progress status(ContactState contact, ContactStatus status) {
        var progress = contact.progress();
        return new ContactState.Progress(status, progress.proposed(), progress.proposedBy(), progress.outcome(),
                progress.decidedAt());
    }

    private static ContactState.PartnerCheck answered(ContactState.PartnerCheck check) {
        return new ContactState.PartnerCheck(check.agency(), check.dueAt(), true);
    }
}
