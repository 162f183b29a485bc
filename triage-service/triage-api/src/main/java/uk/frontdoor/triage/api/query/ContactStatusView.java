package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;

import java.time.Instant;

/**
 * Where one contact stands.
 *
 * @param agency    the agency that sent it: only that agency, and staff, may read it
 * @param threshold the rules' assessment, for staff only; null until assessed
 * @param work      the triage work on it, for staff only
 */
public record ContactStatusView(
        ContactId contactId,
        AgencyCode agency,
        String submissionId,
        ContactStatus status,
        Instant receivedAt,
        ThresholdAssessed.Threshold threshold,
        ContactWorkView work) {
}
