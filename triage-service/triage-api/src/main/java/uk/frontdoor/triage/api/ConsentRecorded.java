package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** What the family said about information being sought and shared, or why they were not asked. */
@Revision("1")
public record ConsentRecorded(ChildId childId, ContactId contactId, Decision decision, @Personal String reason, Actor actor, Instant at) implements ChildEvent {

    public enum Decision {
        GIVEN,
        REFUSED,
        /** Asking would place the child at risk of significant harm or cause undue delay: reason required. */
        NOT_SOUGHT,
        /** A refusal set aside to protect the child: reason and a manager required. */
        REFUSAL_OVERRIDDEN
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
