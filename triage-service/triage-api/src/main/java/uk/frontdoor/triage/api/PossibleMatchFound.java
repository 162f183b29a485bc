package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The contact's child has no NHS number match but shares name, date of birth and postcode with
 * children already known. It joined a new record and waits for a person to confirm or reject each
 * candidate: an uncertain match is never merged automatically.
 */
@Revision("1")
public record PossibleMatchFound(ChildId childId, ContactId contactId, List<ChildId> candidates, Instant at)
        implements ChildEvent {
}
