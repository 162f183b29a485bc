package uk.frontdoor.triage.child.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * Link one side of a pair of records found to be one child. Sent by the identity desk for each side,
 * in one unit of work, so both records show the link or neither does; never sent from outside the service.
 *
 * @param confirmingMatch true when a confirmed possible match asks for the link: records already
 *                        linked are then left as they are instead of refused
 */
public record LinkRecord(@TargetAggregateIdentifier ChildId childId, ChildId otherChildId, String reason, Actor actor,
                         Instant at, boolean confirmingMatch) {
}
