package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A strategy discussion was arranged: when, and which agencies were invited. */
@Revision("1")
public record StrategyDiscussionConvened(ChildId childId, ContactId contactId, String discussionId, Instant plannedAt, List<String> invitedAgencies, Actor actor, Instant at) implements ChildEvent {
}
