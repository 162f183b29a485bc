package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.IdentityMatch;

import java.time.Instant;

/**
 * The contact's child was matched against the children already known (no NHS number settled it):
 * joined with confidence, left for a person with possible matches, or found new. Carries the score of
 * every candidate considered, the fields behind it and the parameters' version and thresholds, so who
 * decided (the matcher), how and under which rules is in the record.
 */
@Revision("1")
public record IdentityMatched(ChildId childId, ContactId contactId, IdentityMatch match, Instant at)
        implements ChildEvent {
}
