package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

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
