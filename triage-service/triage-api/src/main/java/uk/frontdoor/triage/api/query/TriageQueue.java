package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;

import java.time.Instant;
import java.util.List;

/** A page of the triage queue. Staff-only: it names children. */
public record TriageQueue(List<Item> items, long totalWaiting) {

    public TriageQueue {
        items = List.copyOf(items);
    }

    public record Item(
            ContactId contactId,
            ChildId childId,
            String childName,
            String referralSource,
            AgencyCode agency,
            Instant receivedAt,
            ContactStatus status,
            Integer level,
            ThresholdAssessed.Priority priority,
            Instant responseDueAt,
            List<String> factors,
            /* sign-in name of the worker holding it; null when unclaimed */
            String claimedBy) {

        public Item {
            factors = List.copyOf(factors);
        }
    }
}
