package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.ContactId;

/**
 * The answer to {@link ReceiveContact}.
 *
 * @param alreadyReceived true when this agency had already sent this submission id: nothing new was stored
 */
public record ContactAccepted(ContactId contactId, boolean alreadyReceived) {
}
