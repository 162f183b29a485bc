package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A worker changed the RAG rating; the response due time follows the new rating. */
@Revision("1")
public record PriorityChanged(ChildId childId, ContactId contactId, ThresholdAssessed.Priority from, ThresholdAssessed.Priority to, Instant responseDueAt, @Personal String rationale, Actor actor, Instant at) implements ChildEvent {
}
