package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A partner's contact joined the child's stream, exactly as submitted. */
@Revision("1")
public record ContactReceived(
        ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission) implements ChildEvent {
}
