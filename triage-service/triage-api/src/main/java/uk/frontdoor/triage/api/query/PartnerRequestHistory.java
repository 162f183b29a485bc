package uk.frontdoor.triage.api.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;

/**
 * An agency's past partner checks: what it was asked about which child, and how and when each was answered, or that
 * it fell away. Not the answer's text, nor anything else of the record.
 */
public record PartnerRequestHistory(List<Past> requests) {

    public PartnerRequestHistory {
        requests = List.copyOf(requests);
    }

    /**
     * @param answer     INFORMATION_FOUND, NONE_HELD or CANNOT_SHARE (the agency's answer), REPLIED_BY_STAFF (a reply
     *                   the front door's staff typed in), or null when it fell away unanswered
     * @param answeredBy a member of staff's sign-in name, or the agency's system's code
     * @param closedAt   when it fell away unanswered (the contact was decided); null if answered
     * @param childId    the child's record, so that showing it is recorded as a view; never shown to a partner
     * @param contactId  the contact, likewise
     */
    public record Past(String requestId, String agency, String question, Priority priority, Instant requestedAt,
                       Instant dueAt, Instant answeredAt, String answer, String answeredBy, Boolean late,
                       Instant closedAt, PartnerRequests.Subject child,
                       @JsonIgnore ChildId childId, @JsonIgnore ContactId contactId) {
    }
}
