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
            String claimedBy,
            /* restricted to others: only that it exists, how urgent it is and who holds it are shown */
            boolean restricted) {

        public Item {
            factors = List.copyOf(factors);
        }

        public Item(ContactId contactId, ChildId childId, String childName, String referralSource, AgencyCode agency,
                    Instant receivedAt, ContactStatus status, Integer level, ThresholdAssessed.Priority priority,
                    Instant responseDueAt, List<String> factors, String claimedBy) {
            this(contactId, childId, childName, referralSource, agency, receivedAt, status, level, priority,
                    responseDueAt, factors, claimedBy, false);
        }

        /**
         * As someone the record is restricted from sees it: that a contact is waiting, how urgent it is and
         * who holds it (so the queue's work is still seen to be done), never who it is about or what it says.
         */
        public Item withheld() {
            return new Item(contactId, childId, "", null, null, receivedAt, status, null, priority, responseDueAt,
                    List.of(), claimedBy, true);
        }
    }
}
