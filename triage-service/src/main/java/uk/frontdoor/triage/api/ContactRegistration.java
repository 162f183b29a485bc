package uk.frontdoor.triage.api;

import java.time.Instant;

public record ContactRegistration(
        ContactId contactId,
        ChildId childId,
        AgencyCode agency,
        String submissionId,
        Instant receivedAt) {
}
