package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A manager gave an alert to a worker to act on. */
@Revision("1")
public record AlertAssigned(ChildId childId, ContactId contactId, String clockId, String assignee, Actor actor,
                            Instant at) implements ChildEvent {
}
