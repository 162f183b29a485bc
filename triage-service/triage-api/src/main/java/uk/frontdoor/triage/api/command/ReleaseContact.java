package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a contact back to the queue (its holder, or a manager reassigning it). */
public record ReleaseContact(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Actor actor) implements ChildRecordCommand {
}
