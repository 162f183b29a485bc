package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An action agreed at the strategy discussion was done, with a note of what was done; its clock stops.
 * <p>
 * Revision 2 says how it was recorded: {@code STAFF} by a member of staff signed in ({@code actor}), or {@code HTTP}
 * / {@code KAFKA} by the owning agency's system, whose {@code actor} is the agency (its code as the user, the agency it
 * answers for as the agency) and whose {@code doneBy} names the person at the agency who did it. Revision 1 events
 * were all recorded by staff ({@code StrategyActionDoneUpcaster}).
 *
 * @param action  the action's number in the discussion's record (1 for the first), as the pages and API name it
 * @param doneBy  the person at the agency who did it, as its system names them; null when staff recorded it (the
 *                actor is who). Sealed with the child's key: it is text from outside, which could name anyone
 * @param channel {@code STAFF}, {@code HTTP} or {@code KAFKA}
 */
@Revision("2")
public record StrategyActionDone(ChildId childId, ContactId contactId, String discussionId, int action,
                                 Instant doneAt, @Personal String note, Actor actor, @Personal String doneBy,
                                 Channel channel, Instant at)
        implements ChildEvent {

    /** Recorded by a member of staff signed in: the actor is who did it. */
    public StrategyActionDone(ChildId childId, ContactId contactId, String discussionId, int action, Instant doneAt,
                              String note, Actor actor, Instant at) {
        this(childId, contactId, discussionId, action, doneAt, note, actor, null, Channel.STAFF, at);
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
