package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An agency replied to a partner check; {@code late} if after its due time. */
@Revision("1")
public record PartnerCheckReplied(ChildId childId, ContactId contactId, String checkId, String agency, String information, boolean late, Actor actor, Instant at) implements ChildEvent {
}
