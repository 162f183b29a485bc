package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record whether the family consented to information being sought and shared, and why where the law asks. */
public record RecordConsent(@TargetAggregateIdentifier ChildId childId, ContactId contactId, ConsentRecorded.Decision decision, String reason, Actor actor) implements ChildRecordCommand {
}
