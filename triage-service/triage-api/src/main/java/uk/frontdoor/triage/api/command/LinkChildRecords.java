package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Two records found to be one child: link them, so each chronology shows both histories. */
public record LinkChildRecords(@TargetAggregateIdentifier ChildId childId, ChildId otherChildId, String reason,
                               Actor actor) implements ChildRecordCommand {
    public LinkChildRecords {
        Invariants.present(otherChildId, "otherChildId");
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say why the records are one child.");
    }
}
