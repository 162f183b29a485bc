package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person decides whether a possible match is the same child; never decided automatically. */
public record ResolvePossibleMatch(@TargetAggregateIdentifier ChildId childId, ContactId contactId, ChildId candidate, boolean sameChild, String reason, Actor actor) implements ChildRecordCommand {
    public ResolvePossibleMatch {
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say how the match was confirmed or ruled out.");
    }
}
