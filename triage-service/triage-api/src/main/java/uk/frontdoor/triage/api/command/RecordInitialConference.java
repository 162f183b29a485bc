package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record the initial child protection conference held after a section 47 enquiry, and its outcome. */
public record RecordInitialConference(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Instant heldAt,
                                      InitialConferenceHeld.Outcome outcome, String summary, Actor actor) implements ChildRecordCommand {
    public RecordInitialConference {
        Invariants.present(heldAt, "heldAt");
        Invariants.present(outcome, "outcome");
    }
}
