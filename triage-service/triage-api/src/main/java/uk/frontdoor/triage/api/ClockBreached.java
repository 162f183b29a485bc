package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A duty fell due and was not done: the record shows it was missed, and when. */
@Revision("1")
public record ClockBreached(ChildId childId, ContactId contactId, String clockId, ClockType type, Instant dueAt,
                            Instant at) implements ChildEvent {
}
