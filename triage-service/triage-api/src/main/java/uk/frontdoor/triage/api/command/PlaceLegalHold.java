package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/** A manager places a legal hold on a child's record, so that it is not erased while proceedings or a review need it. */
public record PlaceLegalHold(@TargetAggregateIdentifier ChildId childId, String holdId, LegalHoldPlaced.Kind kind,
                             String reason, Actor actor) {
    /** A new hold, named by a fresh id. */
    public PlaceLegalHold(ChildId childId, LegalHoldPlaced.Kind kind, String reason, Actor actor) {
        this(childId, java.util.UUID.randomUUID().toString(), kind, reason, actor);
    }

    public PlaceLegalHold {
        holdId = Invariants.required(holdId, "holdId").strip();
        Invariants.present(kind, "kind");
        reason = Invariants.required(reason, "reason").strip();
    }
}
