package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The agency a partner check went to answered it itself: its system over the partner API or Kafka, or
 * its seconded MASH staff on the partner pages. {@code late} if after the check's due time. A reply
 * typed in by front-door staff stays {@link PartnerCheckReplied}.
 *
 * @param agency      the partner-check agency asked (e.g. {@code POLICE})
 * @param information what the agency holds (required for {@link Answer#INFORMATION_FOUND}, else an optional note)
 * @param reason      why it cannot share (required for {@link Answer#CANNOT_SHARE})
 */
@Revision("1")
public record PartnerCheckAnswered(ChildId childId, ContactId contactId, String checkId, String agency, Answer answer,
                                   @Personal String information, @Personal String reason, boolean late, Answerer answeredBy, Instant at)
        implements ChildEvent {

    public enum Answer {
        INFORMATION_FOUND,
        NONE_HELD,
        CANNOT_SHARE
    }

    /**
     * Who answered, for which agency, and how.
     *
     * @param userId  the member of partner staff who answered on the pages; null for a partner system
     * @param agency  the answering agency: a partner system's agency code (e.g. {@code demo-police}), or the
     *                agency of the member of staff
     * @param channel {@code HTTP} or {@code KAFKA} for a partner system, {@code STAFF} for the pages
     */
    public record Answerer(String userId, String agency, Channel channel) {
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
