package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A manager gave an alert to a worker to act on. */
@Revision("1")
public record AlertAssigned(ChildId childId, ContactId contactId, String clockId, String assignee, Actor actor,
                            Instant at) implements ChildEvent {
}
