package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;

/**
 * Where one contact stands. Answered with an optional {@link ContactStatusView}.
 *
 * @param asOf the moment the answer is judged at (whether a partner check is overdue); null is now. Only the
 *             as-at view sets it, when it reads the contact from a read model rebuilt up to that moment.
 */
public record FindContactStatus(ContactId contactId, Instant asOf) {

    public FindContactStatus(ContactId contactId) {
        this(contactId, null);
    }
}
