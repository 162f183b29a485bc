package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

/**
 * The write side's own record of a contact: who sent it and to which child's stream it went.
 * Consistent the moment {@link ReceiveContact} returns, unlike projections. Answered with an
 * optional {@link ContactRegistration}.
 */
public record FindContactRegistration(ContactId contactId) {
}
