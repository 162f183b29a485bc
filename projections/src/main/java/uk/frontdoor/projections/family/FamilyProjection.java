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
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What every contact says about the family around its child: the contact itself (when, whether it is
 * still open, its level and RAG rating) and the match keys it gives (the child's names and date of
 * birth, the address, named siblings and parents), plus the links between records of one child.
 * {@link FamilyQueries} finds relatives from these tables.
 *
 * <p>A contact's row is inserted with every column, and its later events in the same processor batch (its threshold
 * decision, which arrives with it) are folded into that insert ({@link RowWrites#insert}): one row write a contact
 * instead of an insert and an update.
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

    /** A contact's row, every column; its later events of the same batch are folded into these values. */
    private static final String INSERT_CONTACT = """
            INSERT INTO family_contact (contact_id, child_id, received_at, given_name, family_name, date_of_birth,
                                        level, urgency, decided)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO NOTHING""";
    private static final String CONTACT_TABLE = "family_contact";
    /** The positions in {@link #INSERT_CONTACT}'s values of the columns later events change. */
    private static final int LEVEL = 6, URGENCY = 7, DECIDED = 8;

    @EventHandler
    void on(ContactReceived event) {
        ContactSubmission submission = event.submission();
        ContactSubmission.Child child = submission == null ? null : submission.child();
        rows.insert(PROCESSING_GROUP, CONTACT_TABLE, event.contactId().value(), INSERT_CONTACT,
                event.contactId().value(), event.childId().value(), Timestamp.from(event.receivedAt()),
                child == null ? null : child.givenName(), child == null ? null : child.familyName(),
                child == null || child.dateOfBirth() == null ? null : Date.valueOf(child.dateOfBirth()),
                null, null, Boolean.FALSE);
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

    /** The contact's row changes: folded into its insert if this batch inserts it, else by the statement. */
    private void change(ContactId contact, Consumer<Object[]> inMemory, String sql, Object... args) {
        rows.change(PROCESSING_GROUP, CONTACT_TABLE, contact.value(), inMemory, sql, args);
    }

    @EventHandler
    void on(ThresholdAssessed event) {
        assessed(event.contactId(), event.threshold());
    }

    @EventHandler
    void on(ThresholdReassessed event) {
        assessed(event.contactId(), event.threshold());
    }

    private void assessed(ContactId contact, ThresholdAssessed.Threshold threshold) {
        int urgency = threshold.priority().urgency();
        change(contact, row -> {
                    row[LEVEL] = threshold.level();
                    row[URGENCY] = urgency;
                }, "UPDATE family_contact SET level = ?, urgency = ? WHERE contact_id = ?",
                threshold.level(), urgency, contact.value());
    }

    @EventHandler
    void on(PriorityChanged event) {
        int urgency = event.to().urgency();
        change(event.contactId(), row -> row[URGENCY] = urgency,
                "UPDATE family_contact SET urgency = ? WHERE contact_id = ?", urgency, event.contactId().value());
    }

    /** An authorised decision closes the contact: it no longer counts as open for the family. */
    @EventHandler
    void on(ProposalAuthorised event) {
        change(event.contactId(), row -> row[DECIDED] = Boolean.TRUE,
                "UPDATE family_contact SET decided = TRUE WHERE contact_id = ?", event.contactId().value());
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
