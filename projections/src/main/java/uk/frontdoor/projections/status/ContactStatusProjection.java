package uk.frontdoor.projections.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.AgencyCode;
import uk.frontdoor.triage.api.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactStatus;
import uk.frontdoor.triage.api.ContactStatusView;
import uk.frontdoor.triage.api.FindContactStatus;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Where each contact stands: what its referrer may ask about, and (for staff) the rules' assessment. */
@Component
@ProcessingGroup(ContactStatusProjection.PROCESSING_GROUP)
class ContactStatusProjection {

    static final String PROCESSING_GROUP = "contact-status";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ContactStatusProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ContactReceived event) {
        jdbc.sql("""
                        INSERT INTO contact_status (contact_id, agency, submission_id, status, received_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (contact_id) DO NOTHING""")
                .params(event.contactId().value(), event.agency().value(), event.submission().submissionId(),
                        ContactStatus.RECEIVED.name(), Timestamp.from(event.receivedAt()))
                .update();
    }

    @EventHandler
    void on(ThresholdAssessed event) throws JsonProcessingException {
        jdbc.sql("UPDATE contact_status SET status = ?, threshold = CAST(? AS jsonb) WHERE contact_id = ? AND status = ?")
                .params(ContactStatus.ASSESSED.name(), json.writeValueAsString(event.threshold()),
                        event.contactId().value(), ContactStatus.RECEIVED.name())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM contact_status").update();
    }

    @QueryHandler
    Optional<ContactStatusView> handle(FindContactStatus query) {
        return jdbc.sql("SELECT * FROM contact_status WHERE contact_id = ?")
                .param(query.contactId().value())
                .query(this::view)
                .optional();
    }

    private ContactStatusView view(ResultSet rs, int row) throws SQLException {
        String threshold = rs.getString("threshold");
        try {
            return new ContactStatusView(
                    ContactId.of(rs.getString("contact_id")),
                    AgencyCode.of(rs.getString("agency")),
                    rs.getString("submission_id"),
                    ContactStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("received_at").toInstant(),
                    threshold == null ? null : json.readValue(threshold, ThresholdAssessed.Threshold.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact_status.threshold of contact " + rs.getString("contact_id")
                    + " does not read back", e);
        }
    }
}
