package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactStatus;

import java.time.Instant;
import java.util.List;

/** What the child's stream remembers of one contact, for the rules and the commands that follow it. */
record ContactRecord(
        Instant receivedAt,
        List<String> factors,
        List<String> indicators,
        ContactStatus status) {

    static ContactRecord received(ContactReceived event) {
        var concerns = event.submission().concerns();
        return new ContactRecord(event.receivedAt(), concerns.factors(), concerns.indicators(),
                ContactStatus.RECEIVED);
    }

    ContactRecord withStatus(ContactStatus newStatus) {
        return new ContactRecord(receivedAt, factors, indicators, newStatus);
    }
}
