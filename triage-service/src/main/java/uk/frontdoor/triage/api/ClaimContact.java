package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a contact to screen it: one worker holds it at a time. */
public record ClaimContact(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Actor actor) {
}
