package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A duty the rules raised was done: the return home interview held, the private fostering visit
 * made, the designated officer (LADO) referred to.
 */
@Revision("1")
public record DutyCompleted(ChildId childId, ContactId contactId, ClockType duty, Instant doneAt, @Personal String note,
                            Actor actor, Instant at) implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
