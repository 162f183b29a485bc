package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that the referrer was told what was decided, when and how. */
public record RecordFeedback(@TargetAggregateIdentifier ChildId childId, ContactId contactId, FeedbackSent.Method method, Instant sentAt, String summary, Actor actor) implements ChildRecordCommand {
    public RecordFeedback {
        Invariants.present(method, "method");
        Invariants.present(sentAt, "sentAt");
    }
}
