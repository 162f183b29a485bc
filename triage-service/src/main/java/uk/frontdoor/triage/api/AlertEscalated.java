package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A manager escalated an alert to a senior manager, with the reason. */
@Revision("1")
public record AlertEscalated(ChildId childId, ContactId contactId, String clockId, String escalatedTo, String reason,
                             Actor actor, Instant at) implements ChildEvent {
}
