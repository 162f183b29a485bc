package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * A duty manager acknowledges an open warning or breach (the alert's id is its clock's id).
 *
 * @param note what is being done about it
 */
public record AcknowledgeAlert(@TargetAggregateIdentifier ChildId childId, String clockId, String note, Actor actor) implements ChildRecordCommand {
    public AcknowledgeAlert {
        Invariants.text(note, Refusal.REASON_REQUIRED, "Say what is being done about it.");
    }
}
