package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A manager agrees the proposed decision; a reason is required for a step below the threshold. */
public record AuthoriseProposal(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String reason, Actor actor) implements ChildRecordCommand {
}
