package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A manager returned the proposal to its worker with a reason. */
@Revision("1")
public record ProposalReturned(ChildId childId, ContactId contactId, String reason, Actor actor, Instant at) implements ChildEvent {
}
