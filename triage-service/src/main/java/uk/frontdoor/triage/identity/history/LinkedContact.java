package uk.frontdoor.triage.identity.history;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.Set;

/**
 * What one contact on a linked record tells the threshold rules: when it came, what it said, how it
 * was decided, and whether a child protection plan followed.
 */
public record LinkedContact(ContactId contactId, ChildId childId, Instant receivedAt, Set<String> factors,
                            Set<String> indicators, DecisionOutcome outcome, boolean childProtectionPlan) {

    public LinkedContact {
        factors = Set.copyOf(factors);
        indicators = Set.copyOf(indicators);
    }
}
