package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

/** Where one contact stands. Answered with an optional {@link ContactStatusView}. */
public record FindContactStatus(ContactId contactId) {
}
