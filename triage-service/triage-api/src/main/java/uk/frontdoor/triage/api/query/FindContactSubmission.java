package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

import java.util.Objects;

/**
 * A contact's submission exactly as the referrer wrote it. Answered with an optional
 * {@link ContactSubmissionView}: empty for a contact the read model does not know (yet).
 */
public record FindContactSubmission(ContactId contactId) {

    public FindContactSubmission {
        Objects.requireNonNull(contactId, "contactId");
    }
}
