package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The referrer was told what was decided: when, and how. */
@Revision("1")
public record FeedbackSent(ChildId childId, ContactId contactId, DecisionOutcome outcome, Method method, Instant sentAt, String summary, Actor actor, Instant at) implements ChildEvent {

    public enum Method {
        SECURE_EMAIL,
        EMAIL,
        PHONE,
        LETTER,
        PORTAL,
        IN_PERSON
    }
}
