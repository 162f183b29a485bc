package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that the child and family assessment a decision of ASSESSMENT started was completed, with its outcome; a
 * late one says why ({@code lateReason}).
 */
public record RecordAssessmentCompleted(@TargetAggregateIdentifier ChildId childId, ContactId contactId,
                                        Instant completedAt, AssessmentCompleted.Outcome outcome, String summary,
                                        String lateReason, Actor actor) implements ChildRecordCommand {
    public RecordAssessmentCompleted {
        Invariants.present(completedAt, "completedAt");
        Invariants.present(outcome, "outcome");
    }
}
