package uk.frontdoor.triage.api;

/**
 * Receive a validated partner submission. Not addressed to a stream: the front door decides which
 * child's stream it joins (by NHS number) and refuses to create a second contact for the same
 * agency and submission id. Answered with {@link ContactAccepted}.
 */
public record ReceiveContact(AgencyCode agency, Channel channel, ContactSubmission submission) {
}
