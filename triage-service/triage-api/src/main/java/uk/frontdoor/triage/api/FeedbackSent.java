package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The referrer was told what was decided: when, and how. */
@Revision("1")
public record FeedbackSent(ChildId childId, ContactId contactId, DecisionOutcome outcome, Method method, Instant sentAt, @Personal String summary, Actor actor, Instant at) implements ChildEvent {

    public enum Method {
        SECURE_EMAIL,
        EMAIL,
        PHONE,
        LETTER,
        PORTAL,
        IN_PERSON
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
