package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a contact to screen it: one worker holds it at a time. */
public record ClaimContact(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Actor actor) implements ChildRecordCommand {
}
