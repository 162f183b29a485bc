package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An action agreed at the strategy discussion was done, with a note of what was done; its clock stops.
 *
 * @param action the action's number in the discussion's record (1 for the first), as the pages and API name it
 */
@Revision("1")
public record StrategyActionDone(ChildId childId, ContactId contactId, String discussionId, int action,
                                 Instant doneAt, @Personal String note, Actor actor, Instant at)
        implements ChildEvent {
}
