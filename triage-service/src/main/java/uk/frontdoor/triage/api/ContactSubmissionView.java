package uk.frontdoor.triage.api;

import java.time.Instant;

/**
 * A contact as it arrived: who sent it, how, when, and the submission itself. Staff-only: it is
 * the referrer's account of a child.
 *
 * @param loggedBy the member of staff who logged it (a contact phoned in, a step-up); null for a
 *                 partner system's submission
 */
public record ContactSubmissionView(
        ContactId contactId,
        ChildId childId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission,
        Actor loggedBy) {
}
