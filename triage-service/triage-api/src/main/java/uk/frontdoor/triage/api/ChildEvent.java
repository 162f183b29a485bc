package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;

/**
 * Every event in a child's stream. Sealed, so a switch over the stream is exhaustive. Stored events
 * are a public contract: each carries a {@code @Revision}, its JSON is pinned by a test, and a change
 * needs an upcaster.
 */
public sealed interface ChildEvent permits ContactReceived, ThresholdAssessed, IdentityMatched, PossibleMatchFound,
        PossibleMatchResolved, ChildRecordLinked, ChildRecordUnlinked, ThresholdReassessed, ContactClaimed,
        ContactReleased, ConsentRecorded,
        PartnerCheckRequested, PartnerCheckReplied, PartnerCheckAnswered, PriorityChanged, DecisionProposed, ProposalAuthorised,
        ProposalReturned, FeedbackSent, StrategyDiscussionRequired, StrategyDiscussionConvened,
        StrategyDiscussionHeld, SteppedUpFromEarlyHelp, ClockStarted, ClockWarned, ClockBreached, ClockStopped,
        DutyCompleted, InitialConferenceHeld, AlertAcknowledged, AlertAssigned, AlertEscalated,
        RecordRestricted, RecordUnrestricted, WorkAllocated,
        AssessmentCompleted, StrategyActionDone, HandedBackToDayTeam,
        ErasureRequested, ChildErased, LegalHoldPlaced, LegalHoldLifted, ErasureDeferredByHold {

    ChildId childId();
}
