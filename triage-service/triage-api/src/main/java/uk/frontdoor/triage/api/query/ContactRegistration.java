package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;

public record ContactRegistration(
        ContactId contactId,
        ChildId childId,
        AgencyCode agency,
        String submissionId,
        Instant receivedAt) {
}
