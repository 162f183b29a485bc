package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;

/**
 * An open contact assessed again by the threshold rules because the child's history changed under it:
 * its record was linked to another record of the same child (the rules now count both histories), or a
 * wrong link was undone (they count one again). Says what the assessment was before, so the record
 * shows what moved and why. Due times are never brought earlier than they already were: a worker is
 * never put in breach by a history found after the contact came in.
 *
 * @param previousLevel    the contact's level before this assessment
 * @param previousPriority its RAG rating before (as a worker may have changed it)
 * @param otherRecord      the record whose link was made or undone
 */
@Revision("1")
public record ThresholdReassessed(ChildId childId, ContactId contactId, Instant assessedAt,
                                  ThresholdAssessed.Threshold threshold, int previousLevel,
                                  ThresholdAssessed.Priority previousPriority, Cause cause, ChildId otherRecord)
        implements ChildEvent {

    public enum Cause {
        RECORDS_LINKED,
        RECORDS_UNLINKED
    }
}
