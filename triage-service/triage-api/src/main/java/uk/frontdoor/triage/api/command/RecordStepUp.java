package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Append a step-up contact to the child's stream (sent by the reception, which registers the contact first). */
public record RecordStepUp(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Instant receivedAt,
                           StepUpFromEarlyHelp request) {
}
