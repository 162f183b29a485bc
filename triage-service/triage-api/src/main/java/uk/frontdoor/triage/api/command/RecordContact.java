package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.IdentityMatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Append a received contact to its child's stream, creating the stream for a child not seen before.
 *
 * @param identity how matching decided which child this is (its possible matches are for a person to
 *                 decide); unscored when the NHS number settled it
 * @param loggedBy        the member of staff who logged it; null for a partner system
 * @param corrects        the contact whose submission this one corrects; null for none
 */
public record RecordContact(
        @TargetAggregateIdentifier ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission,
        IdentityMatch identity,
        Actor loggedBy,
        ContactId corrects) {

    public RecordContact {
        identity = identity == null ? IdentityMatch.possible(List.of()) : identity;
    }

    /** A contact that corrects no earlier one. */
    public RecordContact(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel, Instant receivedAt,
                         ContactSubmission submission, IdentityMatch identity, Actor loggedBy) {
        this(childId, contactId, agency, channel, receivedAt, submission, identity, loggedBy, null);
    }

    /** A contact whose possible matches are given as they are, without a matching decision. */
    public RecordContact(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel, Instant receivedAt,
                         ContactSubmission submission, List<ChildId> possibleMatches, Actor loggedBy) {
        this(childId, contactId, agency, channel, receivedAt, submission, IdentityMatch.possible(possibleMatches),
                loggedBy);
    }

    public List<ChildId> possibleMatches() {
        return identity.possibleMatches();
    }

    /** A partner system's submission: no member of staff logged it. */
    public RecordContact(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel, Instant receivedAt,
                         ContactSubmission submission, List<ChildId> possibleMatches) {
        this(childId, contactId, agency, channel, receivedAt, submission, IdentityMatch.possible(possibleMatches), null);
    }
}
