package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ContactSubmission;

/**
 * Receive a validated submission. Not addressed to a stream: the front door decides which child's
 * stream it joins (by NHS number) and refuses to create a second contact for the same agency and
 * submission id. Answered with {@link ContactAccepted}.
 *
 * @param loggedBy the member of staff who logged a contact phoned in; null for a partner system
 */
public record ReceiveContact(AgencyCode agency, Channel channel, ContactSubmission submission, Actor loggedBy) {

    /** A partner system's submission. */
    public ReceiveContact(AgencyCode agency, Channel channel, ContactSubmission submission) {
        this(agency, channel, submission, null);
    }
}
