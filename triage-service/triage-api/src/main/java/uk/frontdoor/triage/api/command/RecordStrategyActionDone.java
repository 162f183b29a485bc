package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record an action agreed at the contact's strategy discussion as done, with a note of what was done.
 *
 * @param action  the action's number in the discussion's record, 1 for the first
 * @param doneBy  for an agency's system ({@code channel} {@code HTTP} or {@code KAFKA}): the person at the agency who
 *                did it, required, as the record must say who; the {@code actor} is then the agency itself. Null for
 *                staff signed in ({@code STAFF}), who are the actor
 */
public record RecordStrategyActionDone(@TargetAggregateIdentifier ChildId childId, ContactId contactId, int action,
                                       Instant doneAt, String note, Actor actor, String doneBy, Channel channel)
        implements ChildRecordCommand {

    public RecordStrategyActionDone {
        Invariants.present(doneAt, "doneAt");
        Invariants.text(note, Refusal.FIELD_REQUIRED, "note is required: say what was done.");
        if (channel == null) {
            channel = Channel.STAFF;
        }
        doneBy = doneBy == null || doneBy.isBlank() ? null : doneBy.strip();
        if (channel != Channel.STAFF && doneBy == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "doneBy",
                    "doneBy is required: name the person at your agency who did it.");
        }
    }

    /** By a member of staff signed in, who is the actor. */
    public RecordStrategyActionDone(ChildId childId, ContactId contactId, int action, Instant doneAt, String note,
                                    Actor actor) {
        this(childId, contactId, action, doneAt, note, actor, null, Channel.STAFF);
    }
}
