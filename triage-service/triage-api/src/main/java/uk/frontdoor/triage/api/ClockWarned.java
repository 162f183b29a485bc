package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A clock reached its warning point (by default 75% of its time) with the duty not yet done. */
@Revision("1")
public record ClockWarned(ChildId childId, ContactId contactId, String clockId, ClockType type, Instant dueAt,
                          Instant at) implements ChildEvent {
}
