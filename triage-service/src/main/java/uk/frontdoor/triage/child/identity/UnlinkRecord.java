package uk.frontdoor.triage.child.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * Undo one side of a wrong link. Sent by the identity desk for each side, in one unit of work, so the
 * histories separate on both records or on neither; never sent from outside the service.
 */
public record UnlinkRecord(@TargetAggregateIdentifier ChildId childId, ChildId otherChildId, String reason, Actor actor,
                           Instant at) {
}
