package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A child's chronology, generated from the event streams: every contact, assessment, decision and
 * meeting, oldest first. Staff-only: it is the child's case record.
 *
 * @param childId        the child asked about
 * @param linkedChildren records found to be the same child (directly or through another link), whose
 *                       entries are merged in
 * @param entries        this child's and every linked child's entries, in time order
 */
public record ChildChronology(ChildId childId, List<ChildId> linkedChildren, List<Entry> entries) {

    public ChildChronology {
        Objects.requireNonNull(childId, "childId");
        linkedChildren = List.copyOf(linkedChildren);
        entries = List.copyOf(entries);
    }

    /**
     * One thing that happened.
     *
     * @param position    the event's sequence number in its own child's stream ({@code childId}, from 0)
     * @param at          when it was recorded
     * @param childId     whose stream it is in: the child asked about or a linked record
     * @param contactId   the contact it concerns; null for an event about the record as a whole
     * @param type        the event's simple class name, e.g. {@code ContactClaimed}
     * @param summary     a short plain-English line; free text (narratives, rationales) is not repeated here
     * @param actorUserId who did it; null, like the role and agency, for what the service itself recorded
     */
    public record Entry(long position, Instant at, ChildId childId, ContactId contactId, String type, String summary,
                        String actorUserId, String actorRole, String actorAgency) {
    }
}
