package uk.frontdoor.triage.api;

/** Where one contact stands. Answered with an optional {@link ContactStatusView}. */
public record FindContactStatus(ContactId contactId) {
}
