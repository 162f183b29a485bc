package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Arrange the strategy discussion: when, and which agencies are invited. */
public record ConveneStrategyDiscussion(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Instant plannedAt, List<String> invitedAgencies, Actor actor) implements ChildRecordCommand {
}
