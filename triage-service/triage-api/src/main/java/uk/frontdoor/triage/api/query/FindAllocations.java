package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

/** The work on one contact allocated now, the contact itself first. Answered with a list of {@link WorkAllocation}. */
public record FindAllocations(ContactId contactId) {
}
