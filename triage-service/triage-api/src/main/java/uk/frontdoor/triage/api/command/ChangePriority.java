package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a contact's RAG rating; the rationale is required. */
public record ChangePriority(@TargetAggregateIdentifier ChildId childId, ContactId contactId, ThresholdAssessed.Priority priority, String rationale, Actor actor) implements ChildRecordCommand {
    public ChangePriority {
        Invariants.present(priority, "priority");
        Invariants.text(rationale, Refusal.REASON_REQUIRED, "A change of RAG rating needs its rationale.");
    }
}
