package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * A duty manager assigns an open warning or breach to a worker to act on (the alert's id is its clock's id).
 *
 * @param assignee the worker's sign-in name
 */
public record AssignAlert(@TargetAggregateIdentifier ChildId childId, String clockId, String assignee, Actor actor) implements ChildRecordCommand {
    public AssignAlert {
        Invariants.text(assignee, Refusal.ASSIGNEE_REQUIRED, Refusal.ASSIGNEE_REQUIRED.title() + ".");
    }
}
