package uk.frontdoor.projections.submission;

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
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.FindContactSubmission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Each contact's submission as the referrer wrote it, for the staff contact page. One row per
 * contact, inserted once (a redelivered event finds its row there), so the table can be rebuilt by
 * resetting its processing group.
 */
@Component
@ProcessingGroup(ContactSubmissionProjection.PROCESSING_GROUP)
class ContactSubmissionProjection {

    static final String PROCESSING_GROUP = "contact-submissions";

    private final JdbcClient jdbc;
    private final RowWrites rows;
    private final ObjectMapper json;

    ContactSubmissionProjection(JdbcClient jdbc, RowWrites rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
    }

    @EventHandler
    void on(ContactReceived event) throws JsonProcessingException {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        INSERT INTO contact_submissions (contact_id, child_id, agency, channel, received_at,
                                                         submission, logged_by)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                        ON CONFLICT (contact_id) DO NOTHING""",
                event.contactId().value(), event.childId().value(), event.agency().value(),
                event.channel().name(), Timestamp.from(event.receivedAt()),
                json.writeValueAsString(event.submission()),
                event.loggedBy() == null ? null : json.writeValueAsString(event.loggedBy()));
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM contact_submissions WHERE child_id = ?",
                event.childId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM contact_submissions").update();
    }

    @QueryHandler
    Optional<ContactSubmissionView> handle(FindContactSubmission query) {
        return jdbc.sql("SELECT * FROM contact_submissions WHERE contact_id = ?")
                .param(query.contactId().value())
                .query(this::view)
                .optional();
    }

    private ContactSubmissionView view(ResultSet rs, int row) throws SQLException {
        String loggedBy = rs.getString("logged_by");
        try {
            return new ContactSubmissionView(
                    ContactId.of(rs.getString("contact_id")),
                    ChildId.of(rs.getString("child_id")),
                    AgencyCode.of(rs.getString("agency")),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getTimestamp("received_at").toInstant(),
                    json.readValue(rs.getString("submission"), ContactSubmission.class),
                    loggedBy == null ? null : json.readValue(loggedBy, Actor.class));
        } catch (JsonProcessingException e) {
            // The class name only: the parser's message can quote the child's details.
            throw new IllegalStateException("contact_submissions row of contact " + rs.getString("contact_id")
                    + " does not read back (" + e.getClass().getSimpleName() + ")");
        }
    }
}
