package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A manager sends a proposal back to its worker, saying why. */
public record ReturnProposal(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String reason, Actor actor) implements ChildRecordCommand {
    public ReturnProposal {
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Tell the worker why the proposal is returned.");
    }
}
