package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that a duty the rules raised (return home interview, private fostering visit, LADO referral) was done. */
public record RecordDutyCompleted(@TargetAggregateIdentifier ChildId childId, ContactId contactId, ClockType duty,
                                  Instant doneAt, String note, Actor actor) implements ChildRecordCommand {
    public RecordDutyCompleted {
        Invariants.present(duty, "duty");
        Invariants.present(doneAt, "doneAt");
    }
}
