package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose what should happen next, with the rationale, for a manager to authorise. */
public record ProposeDecision(@TargetAggregateIdentifier ChildId childId, ContactId contactId, DecisionOutcome outcome, String rationale, Actor actor) implements ChildRecordCommand {
    public ProposeDecision {
        Invariants.present(outcome, "outcome");
        Invariants.text(rationale, Refusal.REASON_REQUIRED, "A proposal needs its rationale.");
    }
}
