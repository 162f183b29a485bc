package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Append a received contact to its child's stream, creating the stream for a child not seen before.
 *
 * @param possibleMatches children already known who share the child's name, date of birth and
 *                        postcode but not a confirmed NHS number: a person must decide
 * @param loggedBy        the member of staff who logged it; null for a partner system
 */
public record RecordContact(
        @TargetAggregateIdentifier ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission,
        List<ChildId> possibleMatches,
        Actor loggedBy) {

    public RecordContact {
        possibleMatches = possibleMatches == null ? List.of() : List.copyOf(possibleMatches);
    }

    /** A partner system's submission: no member of staff logged it. */
    public RecordContact(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel, Instant receivedAt,
                         ContactSubmission submission, List<ChildId> possibleMatches) {
        this(childId, contactId, agency, channel, receivedAt, submission, possibleMatches, null);
    }
}
