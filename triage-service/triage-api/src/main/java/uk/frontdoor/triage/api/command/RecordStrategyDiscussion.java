package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Record the strategy discussion as held: who took part, how, the outcome and the actions. */
public record RecordStrategyDiscussion(@TargetAggregateIdentifier ChildId childId, ContactId contactId, Instant heldAt, StrategyDiscussionHeld.Mode mode, List<StrategyDiscussionHeld.Attendee> attendees, StrategyDiscussionHeld.Outcome outcome, String summary, List<StrategyDiscussionHeld.Action> actions, Actor actor) {
}
