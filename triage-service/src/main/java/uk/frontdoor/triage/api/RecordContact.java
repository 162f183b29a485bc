package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Append a received contact to its child's stream, creating the stream for a child not seen before. */
public record RecordContact(
        @TargetAggregateIdentifier ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission) {
}
