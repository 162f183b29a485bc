package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record an action agreed at the contact's strategy discussion as done, with a note of what was done.
 *
 * @param action the action's number in the discussion's record, 1 for the first
 */
public record RecordStrategyActionDone(@TargetAggregateIdentifier ChildId childId, ContactId contactId, int action,
                                       Instant doneAt, String note, Actor actor) implements ChildRecordCommand {
    public RecordStrategyActionDone {
        Invariants.present(doneAt, "doneAt");
        Invariants.text(note, Refusal.FIELD_REQUIRED, "note is required: say what was done.");
    }
}
