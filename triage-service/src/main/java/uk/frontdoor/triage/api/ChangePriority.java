package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a contact's RAG rating; the rationale is required. */
public record ChangePriority(@TargetAggregateIdentifier ChildId childId, ContactId contactId, ThresholdAssessed.Priority priority, String rationale, Actor actor) {
}
