package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what an agency said in reply to a partner check. */
public record RecordPartnerReply(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String checkId, String information, Actor actor) implements ChildRecordCommand {
    public RecordPartnerReply {
        Invariants.required(information, "information");
    }
}
