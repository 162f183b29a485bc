package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * A duty manager escalates an open warning or breach to a senior manager (the alert's id is its clock's id).
 *
 * @param escalateTo the senior manager's sign-in name
 * @param reason     why it is escalated
 */
public record EscalateAlert(@TargetAggregateIdentifier ChildId childId, String clockId, String escalateTo,
                            String reason, Actor actor) implements ChildRecordCommand {
    public EscalateAlert {
        Invariants.required(escalateTo, "escalateTo");
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say why it is escalated.");
    }
}
