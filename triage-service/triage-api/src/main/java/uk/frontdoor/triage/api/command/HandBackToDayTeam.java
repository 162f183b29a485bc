package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand a contact on the out-of-hours queue back to the day team, saying what the emergency duty team did. */
public record HandBackToDayTeam(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String summary,
                                Actor actor) implements ChildRecordCommand {
    public HandBackToDayTeam {
        Invariants.text(summary, Refusal.FIELD_REQUIRED, "summary is required: say what was done out of hours.");
    }
}
