package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The contact went back to the queue; {@code heldBy} is who had it. */
@Revision("1")
public record ContactReleased(ChildId childId, ContactId contactId, String heldBy, Actor actor, Instant at) implements ChildEvent {
}
