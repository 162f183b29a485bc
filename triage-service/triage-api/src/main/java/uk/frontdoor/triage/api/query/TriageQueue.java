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
            boolean restricted,
            /* when the emergency duty team handed it back to the day team (out of hours); null if it never did */
            Instant handedBackAt,
            /* sign-in name of the emergency duty team's worker who handed it back; null if nobody did */
            String handedBackBy) {

        public Item {
            factors = List.copyOf(factors);
        }

        public Item(ContactId contactId, ChildId childId, String childName, String referralSource, AgencyCode agency,
                    Instant receivedAt, ContactStatus status, Integer level, ThresholdAssessed.Priority priority,
                    Instant responseDueAt, List<String> factors, String claimedBy) {
            this(contactId, childId, childName, referralSource, agency, receivedAt, status, level, priority,
                    responseDueAt, factors, claimedBy, false, null, null);
        }

        /** Whether the emergency duty team handed it back to the day team. */
        public boolean handedBack() {
            return handedBackAt != null;
        }

        /**
         * As someone the record is restricted from sees it: that a contact is waiting, how urgent it is and
         * who holds it (so the queue's work is still seen to be done), and that the emergency duty team handed it
         * back (work done on it, like who holds it), never who it is about or what it says.
         */
        public Item withheld() {
            return new Item(contactId, childId, "", null, null, receivedAt, status, null, priority, responseDueAt,
                    List.of(), claimedBy, true, handedBackAt, handedBackBy);
        }
    }
}
