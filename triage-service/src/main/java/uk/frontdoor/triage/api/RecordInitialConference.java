package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record the initial child protection conference held after a section 47 enquiry, and its outcome. */
public record RecordInitialConference(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Instant heldAt,
                                      InitialConferenceHeld.Outcome outcome, String summary, Actor actor) {
}
