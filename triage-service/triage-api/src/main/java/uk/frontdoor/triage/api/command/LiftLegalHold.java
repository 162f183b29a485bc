package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/** A manager lifts a legal hold, saying why (the proceedings ended, the review was published). */
public record LiftLegalHold(@TargetAggregateIdentifier ChildId childId, String holdId, String reason, Actor actor) {
    public LiftLegalHold {
        holdId = Invariants.required(holdId, "holdId").strip();
        reason = Invariants.required(reason, "reason").strip();
    }
}
