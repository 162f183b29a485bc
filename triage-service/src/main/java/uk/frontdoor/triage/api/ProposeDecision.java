package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose what should happen next, with the rationale, for a manager to authorise. */
public record ProposeDecision(@TargetAggregateIdentifier ChildId childId, ContactId contactId, DecisionOutcome outcome, String rationale, Actor actor) {
}
