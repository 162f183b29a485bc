package uk.frontdoor.projections.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Partner checks as each agency sees them: its requests, most urgent first, with the child's details to search
 * its own systems by. Every write is keyed by its contact, so a contact's events are applied in order.
 */
@Component
@ProcessingGroup(PartnerRequestsProjection.PROCESSING_GROUP)
class PartnerRequestsProjection {

    static final String PROCESSING_GROUP = "partner-requests";

    private static final String SELECT = """
            SELECT r.*, s.submission FROM partner_requests r
            JOIN contact_submissions s ON s.contact_id = r.contact_id
            """;

    private final JdbcClient jdbc;
    private final RowWrites rows;
    private final ObjectMapper json;

    PartnerRequestsProjection(JdbcClient jdbc, RowWrites rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
    }

    @EventHandler
    void on(PartnerCheckRequested event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        INSERT INTO partner_requests (check_id, child_id, contact_id, agency, question, requested_at,
                                                      due_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (check_id) DO NOTHING""",
                event.checkId(), event.childId().value(), event.contactId().value(), event.agency(),
                event.question(), Timestamp.from(event.at()), Timestamp.from(event.dueAt()));
    }

    /** The check's clock says the contact's RAG rating when it was asked. */
    @EventHandler
    void on(ClockStarted event) {
        if (event.type() == ClockType.PARTNER_CHECK && event.reference() != null && event.priority() != null) {
            rows.write(PROCESSING_GROUP, event.contactId().value(),
                    "UPDATE partner_requests SET priority = ? WHERE check_id = ?",
                    event.priority().name(), event.reference());
        }
    }

    @EventHandler
    void on(PartnerCheckAnswered event) {
        answered(event.contactId(), event.checkId(), event.at());
    }

    @EventHandler
    void on(PartnerCheckReplied event) {
        answered(event.contactId(), event.checkId(), event.at());
    }

    private void answered(ContactId contactId, String checkId, java.time.Instant at) {
        rows.write(PROCESSING_GROUP, contactId.value(),
                "UPDATE partner_requests SET answered_at = ? WHERE check_id = ? AND answered_at IS NULL",
                Timestamp.from(at), checkId);
    }

    /** A decided contact needs no more answers: its unanswered checks leave the agencies' lists. */
    @EventHandler
    void on(ProposalAuthorised event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        UPDATE partner_requests SET closed_at = ?
                        WHERE contact_id = ? AND answered_at IS NULL AND closed_at IS NULL""",
                Timestamp.from(event.at()), event.contactId().value());
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM partner_requests WHERE child_id = ?", event.childId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM partner_requests").update();
    }

    @QueryHandler
    PartnerRequests handle(FindPartnerRequests query) {
        return new PartnerRequests(jdbc.sql(SELECT + """
                        WHERE r.agency = ? AND r.answered_at IS NULL AND r.closed_at IS NULL
                        ORDER BY r.due_at, r.requested_at, r.check_id""")
                .param(query.agency())
                .query(this::request)
                .list());
    }

    @QueryHandler
    Optional<PartnerRequests.Request> handle(FindPartnerRequest query) {
        var select = query.agency() == null
                ? jdbc.sql(SELECT + "WHERE r.check_id = ?").param(query.requestId())
                : jdbc.sql(SELECT + "WHERE r.check_id = ? AND r.agency = ?").params(query.requestId(), query.agency());
        return select.query(this::request).optional();
    }

    private PartnerRequests.Request request(ResultSet rs, int row) throws SQLException {
        ContactSubmission submission;
        try {
            submission = json.readValue(rs.getString("submission"), ContactSubmission.class);
        } catch (JsonProcessingException e) {
            // The class name only: the parser's message can quote the child's details.
            throw new IllegalStateException("contact_submissions row of contact " + rs.getString("contact_id")
                    + " does not read back (" + e.getClass().getSimpleName() + ")");
        }
        ContactSubmission.Child child = submission.child();
        String priority = rs.getString("priority");
        return new PartnerRequests.Request(rs.getString("check_id"), ChildId.of(rs.getString("child_id")),
                ContactId.of(rs.getString("contact_id")), rs.getString("agency"), rs.getString("question"),
                priority == null ? null : Priority.valueOf(priority), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("answered_at") != null,
                rs.getTimestamp("closed_at") != null,
                child == null ? null : new PartnerRequests.Subject(child.givenName(), child.familyName(),
                        child.dateOfBirth(), child.expectedDateOfBirth(), child.sex(), child.nhsNumber(),
                        child.address(), submission.household()));
    }
}
