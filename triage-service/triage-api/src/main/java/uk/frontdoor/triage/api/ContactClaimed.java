package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A worker took the contact to screen it. */
@Revision("1")
public record ContactClaimed(ChildId childId, ContactId contactId, Actor actor, Instant at) implements ChildEvent {
}
