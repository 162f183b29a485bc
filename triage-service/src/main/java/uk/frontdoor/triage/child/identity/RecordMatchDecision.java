package uk.frontdoor.triage.child.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * Record a person's decision on a possible match in the stream of the contact it was found for.
 * Sent by the identity desk, which links the two records in the same unit of work when they are one
 * child; never sent from outside the service.
 */
public record RecordMatchDecision(ResolvePossibleMatch decision, Instant at) {

    @TargetAggregateIdentifier
    public ChildId childId() {
        return decision.childId();
    }
}
