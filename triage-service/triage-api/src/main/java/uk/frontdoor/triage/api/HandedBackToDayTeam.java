package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The emergency duty team handed a contact that came in outside office hours back to the day team, saying what it
 * did; the out-of-hours clock stops and the contact leaves the out-of-hours queue.
 *
 * @param summary what the emergency duty team did (visits, calls, police protection …), for the day team
 */
@Revision("1")
public record HandedBackToDayTeam(ChildId childId, ContactId contactId, @Personal String summary, Actor actor, Instant at)
        implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
