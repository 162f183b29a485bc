package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;

/**
 * A manager allocated a piece of the front door's work on a contact to a team and a worker: the decided
 * contact itself (the assessment or support that follows), or its strategy discussion. Allocating the same
 * work again hands it on: the latest allocation is the one in force.
 *
 * @param note what the worker should know, or null
 */
@Revision("1")
public record WorkAllocated(ChildId childId, ContactId contactId, Work work, String team, String worker, @Personal String note,
                            Actor actor, Instant at) implements ChildEvent {

    /** What is allocated. */
    public enum Work {
        /** The decided contact: the assessment, early help or advice its decision leads to. */
        CONTACT,
        /** The strategy discussion the contact requires. */
        STRATEGY_DISCUSSION
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
