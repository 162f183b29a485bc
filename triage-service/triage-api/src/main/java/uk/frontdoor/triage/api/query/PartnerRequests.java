package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a partner agency is asked, and exactly what it needs to search its own systems for the child: who the
 * child is, where they live and who lives with them. Never the concern, the referrer or anything the front
 * door decided: the partner answers a question, it does not read the record.
 */
public record PartnerRequests(List<Request> requests) {

    public PartnerRequests {
        requests = List.copyOf(requests);
    }

    /**
     * @param requestId the partner check's id
     * @param childId   the child's record, for the front door's own routing of the answer; never shown to a partner
     * @param contactId the contact, likewise
     * @param priority  the contact's RAG rating when the check was asked
     * @param answered  whether the check has an answer (from the agency, or typed in by front-door staff)
     * @param closed    whether it fell away unanswered: the contact was decided
     */
    public record Request(String requestId, ChildId childId, ContactId contactId, String agency, String question,
                          Priority priority, Instant requestedAt, Instant dueAt, boolean answered, boolean closed,
                          Subject child) {

        public boolean open() {
            return !answered && !closed;
        }
    }

    /** The child as the referrer described them, and the household, to search with. */
    public record Subject(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                          ContactSubmission.Sex sex, String nhsNumber, ContactSubmission.Address address,
                          List<ContactSubmission.HouseholdMember> household) {

        public Subject {
            household = household == null ? List.of() : List.copyOf(household);
        }
    }
}
