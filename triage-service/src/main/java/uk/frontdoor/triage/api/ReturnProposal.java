package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A manager sends a proposal back to its worker, saying why. */
public record ReturnProposal(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String reason, Actor actor) {
}
