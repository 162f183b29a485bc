package uk.frontdoor.projections.family;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ThresholdReassessed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.ChildLinkRows;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every contact says about the family around its child: the contact itself (when, whether it is
 * still open, its level and RAG rating) and the match keys it gives (the child's names and date of
 * birth, the address, named siblings and parents), plus the links between records of one child.
 * {@link FamilyQueries} finds relatives from these tables.
 *
 * <p>Every write either inserts a row that is ignored when already there or sets a column to what the
 * event says, so a redelivered or replayed event leaves the tables as they were; resetting the
 * processing group rebuilds them from the event store.
 */
@Component
@ProcessingGroup(FamilyProjection.PROCESSING_GROUP)
class FamilyProjection {

    static final String PROCESSING_GROUP = "family";

    private final JdbcClient jdbc;
    private final RowWrites rows;

    FamilyProjection(JdbcClient jdbc, RowWrites rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(ContactReceived event) {
        ContactSubmission submission = event.submission();
        ContactSubmission.Child child = submission == null ? null : submission.child();
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        INSERT INTO family_contact (contact_id, child_id, received_at, given_name, family_name, date_of_birth)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (contact_id) DO NOTHING""",
                event.contactId().value(), event.childId().value(), Timestamp.from(event.receivedAt()),
                child == null ? null : child.givenName(), child == null ? null : child.familyName(),
                child == null || child.dateOfBirth() == null ? null : Date.valueOf(child.dateOfBirth()));
        Set<MatchKey> keys = submission == null ? Set.of() : MatchKey.of(submission);
        if (keys.isEmpty()) {
            return;
        }
        // One statement for all of a contact's keys.
        StringBuilder sql = new StringBuilder("INSERT INTO family_key (child_id, kind, match_key) VALUES ");
        List<Object> params = new ArrayList<>(keys.size() * 3);
        for (MatchKey key : keys) {
            sql.append(params.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
            params.add(event.childId().value());
            params.add(key.kind().name());
            params.add(key.key());
        }
        sql.append(" ON CONFLICT DO NOTHING");
        rows.write(PROCESSING_GROUP, event.contactId().value(), sql.toString(), params.toArray());
    }

    @EventHandler
    void on(ThresholdAssessed event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(),
                "UPDATE family_contact SET level = ?, urgency = ? WHERE contact_id = ?",
                event.threshold().level(), event.threshold().priority().urgency(), event.contactId().value());
    }

    @EventHandler
    void on(ThresholdReassessed event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(),
                "UPDATE family_contact SET level = ?, urgency = ? WHERE contact_id = ?",
                event.threshold().level(), event.threshold().priority().urgency(), event.contactId().value());
    }

    @EventHandler
    void on(PriorityChanged event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(),
                "UPDATE family_contact SET urgency = ? WHERE contact_id = ?",
                event.to().urgency(), event.contactId().value());
    }

    /** An authorised decision closes the contact: it no longer counts as open for the family. */
    @EventHandler
    void on(ProposalAuthorised event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(),
                "UPDATE family_contact SET decided = TRUE WHERE contact_id = ?",
                event.contactId().value());
    }

    @EventHandler
    void on(ChildRecordLinked event) {
        ChildLinkRows.insertBothWays(rows, PROCESSING_GROUP, "family_link", event.childId(), event.linkedChildId());
    }

    /** A wrong link undone: the two records are two children again, who may be each other's relatives. */
    @EventHandler
    void on(ChildRecordUnlinked event) {
        ChildLinkRows.deleteBothWays(rows, PROCESSING_GROUP, "family_link", event.childId(), event.unlinkedChildId());
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        String child = event.childId().value();
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM family_contact WHERE child_id = ?", child);
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM family_key WHERE child_id = ?", child);
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM family_link WHERE child_id = ? OR linked_child_id = ?", child,
                child);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM family_contact").update();
        jdbc.sql("DELETE FROM family_key").update();
        jdbc.sql("DELETE FROM family_link").update();
    }
}
