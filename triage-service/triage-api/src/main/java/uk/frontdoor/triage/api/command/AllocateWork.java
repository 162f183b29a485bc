package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

/**
 * A manager allocates work on a contact to a team and a worker from the staff directory.
 *
 * @param note what the worker should know; optional
 */
public record AllocateWork(@TargetAggregateIdentifier ChildId childId, ContactId contactId, WorkAllocated.Work work,
                           String team, String worker, String note, Actor actor) {
    public AllocateWork {
        Invariants.present(work, "work");
        team = Invariants.required(team, "team").strip();
        worker = Invariants.required(worker, "worker").strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
