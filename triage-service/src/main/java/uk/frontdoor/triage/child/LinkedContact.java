package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.Set;

/**
 * What one contact on a linked record tells the threshold rules: when it came, what it said, how and
 * when it was decided (both null while open), and whether a child protection plan followed.
 */
public record LinkedContact(ContactId contactId, ChildId childId, Instant receivedAt, Set<String> factors,
                            Set<String> indicators, DecisionOutcome outcome, Instant decidedAt,
                            boolean childProtectionPlan) {

    public LinkedContact {
        factors = Set.copyOf(factors);
        indicators = Set.copyOf(indicators);
    }
}
