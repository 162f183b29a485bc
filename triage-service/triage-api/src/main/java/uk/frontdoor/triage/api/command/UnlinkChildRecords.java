package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/** A link between two records was wrong (unmerge): separate their histories again, saying why. */
public record UnlinkChildRecords(@TargetAggregateIdentifier ChildId childId, ChildId otherChildId, String reason,
                                 Actor actor) implements ChildRecordCommand {
    public UnlinkChildRecords {
        Invariants.present(otherChildId, "otherChildId");
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say why the records are not one child.");
    }
}
