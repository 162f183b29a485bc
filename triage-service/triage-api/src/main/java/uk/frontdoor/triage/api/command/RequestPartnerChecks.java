package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Ask named agencies what they know about the child and family. */
public record RequestPartnerChecks(@TargetAggregateIdentifier ChildId childId, ContactId contactId, List<String> agencies, String question, Actor actor) implements ChildRecordCommand {
}
