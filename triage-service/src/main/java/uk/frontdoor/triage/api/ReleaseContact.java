package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a contact back to the queue (its holder, or a manager reassigning it). */
public record ReleaseContact(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Actor actor) {
}
