package uk.frontdoor.triage.identity.history;

import org.axonframework.config.EventProcessingConfigurer;
import uk.frontdoor.triage.InTheCommandsTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.child.LinkedContact;
import uk.frontdoor.triage.child.LinkedContacts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The histories of a child's linked records, as the threshold rules need them. Once two records are
 * found to be one child, accumulating concerns, re-referral and repeat missing must count across
 * both; loading every linked stream on every contact would not scale, so each contact's facts are
 * kept here, one row per contact.
 *
 * <p>A write-side table, not a projection: its processing group is a <em>subscribing</em> processor
 * (see {@code application.yml}), so the rows are written in the transaction that appends the events,
 * and a command that reads them sees every committed contact. Links are followed transitively (A with
 * B and B with C make one child).
 */
@Component
@ProcessingGroup(LinkedHistory.PROCESSING_GROUP)
public class LinkedHistory implements LinkedContacts {

    public static final String PROCESSING_GROUP = "linked-history";

    private static final String PENDING = LinkedHistory.class.getName() + ".pending";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public LinkedHistory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Subscribing, so the rows commit or roll back with the events; never a replayable projection. */
    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        InTheCommandsTransaction.subscribe(processing, PROCESSING_GROUP);
    }

    /**
     * Kept until the unit of work commits and then written in one batched insert: a batch of contacts would
     * otherwise pay a statement each. Nothing reads them sooner: events reach this handler only as the
     * command's transaction commits, and every other statement here writes what is pending first.
     */
    @EventHandler
    void on(ContactReceived event) {
        var concerns = event.submission().concerns();
        Object[] row = {event.contactId().value(), event.childId().value(), Timestamp.from(event.receivedAt()),
                concerns.factors().toArray(String[]::new), concerns.indicators().toArray(String[]::new)};
        if (!CurrentUnitOfWork.isStarted()) {
            insert(List.<Object[]>of(row));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(PENDING, key -> {
            List<Object[]> rows = new ArrayList<>();
            // Commit handlers run latest-registered first: before the transaction's own commit.
            root.onCommit(unitOfWork -> insert(rows));
            return rows;
        }).add(row);
    }

    private void writePending() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (rows != null) {
                insert(rows);
            }
        }
    }

    /** Writes the rows in one JDBC batch (one multi-row insert, with the driver's batch rewriting) and forgets them. */
    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO child_contact_facts (contact_id, child_id, received_at, factors, indicators)
                    VALUES (?, ?, ?, ?::text[], ?::text[]) ON CONFLICT (contact_id) DO NOTHING""", rows);
            if (rows instanceof ArrayList<?>) {
                rows.clear();
            }
        }
    }

    @EventHandler
    void on(ProposalAuthorised event) {
        writePending();
        jdbc.sql("UPDATE child_contact_facts SET outcome = ?, decided_at = ? WHERE contact_id = ?")
                .params(event.outcome().name(), Timestamp.from(event.at()), event.contactId().value())
                .update();
    }

    @EventHandler
    void on(InitialConferenceHeld event) {
        writePending();
        if (event.outcome() == InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN) {
            jdbc.sql("UPDATE child_contact_facts SET child_protection_plan = TRUE WHERE contact_id = ?")
                    .param(event.contactId().value())
                    .update();
        }
    }

    @EventHandler
    void on(ChildRecordLinked event) {
        writePending();
        String one = event.childId().value();
        String other = event.linkedChildId().value();
        jdbc.sql("""
                        INSERT INTO child_record_link (child_id, linked_child_id) VALUES (LEAST(?, ?), GREATEST(?, ?))
                        ON CONFLICT DO NOTHING""")
                .params(one, other, one, other)
                .update();
    }

    @EventHandler
    void on(ChildRecordUnlinked event) {
        writePending();
        String one = event.childId().value();
        String other = event.unlinkedChildId().value();
        jdbc.sql("DELETE FROM child_record_link WHERE child_id = LEAST(?, ?) AND linked_child_id = GREATEST(?, ?)")
                .params(one, other, one, other)
                .update();
    }

    /** Every record linked to this child, directly or through another linked record; not the child itself. */
    public List<ChildId> linkedRecords(ChildId childId) {
        return group(Set.of(childId), null).stream().filter(record -> !record.equals(childId)).toList();
    }

    /**
     * The record to join when a contact matches all these records confidently: if they are all one child
     * (linked, however many links away), the one whose first contact came earliest (the lowest id on a
     * tie), so that every such contact goes to the same record; empty if they are not all one child.
     */
    public Optional<ChildId> recordToJoin(Set<ChildId> records) {
        writePending();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        ChildId any = records.iterator().next();
        if (!group(Set.of(any), null).containsAll(records)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT r.child_id FROM unnest(?::varchar[]) AS r(child_id)
                        ORDER BY (SELECT min(received_at) FROM child_contact_facts f WHERE f.child_id = r.child_id)
                                 NULLS LAST, r.child_id
                        LIMIT 1""")
                .param(records.stream().map(ChildId::value).toArray(String[]::new))
                .query((rs, row) -> ChildId.of(rs.getString(1)))
                .optional();
    }

    @Override
    public List<LinkedContact> of(Set<ChildId> records, ChildId self) {
        writePending();
        List<ChildId> group = group(records, self);
        return jdbc.sql("""
                        SELECT contact_id, child_id, received_at, factors, indicators, outcome, decided_at,
                               child_protection_plan
                        FROM child_contact_facts WHERE child_id = ANY (?::varchar[]) AND child_id <> ?
                        ORDER BY received_at, contact_id""")
                .params(group.stream().map(ChildId::value).toArray(String[]::new), self.value())
                .query((rs, row) -> contact(rs))
                .list();
    }

    /**
     * These records and every record linked to any of them, followed through chains of links but never
     * through {@code self}: a link being made or undone on {@code self} in this transaction is not in the
     * table yet (events reach this handler as the transaction commits), so the caller names the records
     * {@code self} is linked to as it will stand, and the old links of {@code self} are not followed.
     */
    private List<ChildId> group(Set<ChildId> records, ChildId self) {
        return jdbc.sql("""
                        WITH RECURSIVE linked(child_id) AS (
                            SELECT unnest(?::varchar[])
                            UNION
                            SELECT CASE WHEN l.child_id = linked.child_id THEN l.linked_child_id ELSE l.child_id END
                            FROM child_record_link l JOIN linked
                              ON (l.child_id = linked.child_id OR l.linked_child_id = linked.child_id)
                             AND linked.child_id IS DISTINCT FROM ?)
                        SELECT child_id FROM linked ORDER BY child_id""")
                .params(records.stream().map(ChildId::value).toArray(String[]::new), self == null ? null : self.value())
                .query((rs, row) -> ChildId.of(rs.getString(1)))
                .list();
    }

    private static LinkedContact contact(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new LinkedContact(ContactId.of(rs.getString("contact_id")), ChildId.of(rs.getString("child_id")),
                rs.getTimestamp("received_at").toInstant(), texts(rs.getArray("factors")),
                texts(rs.getArray("indicators")), outcome == null ? null : DecisionOutcome.valueOf(outcome),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getBoolean("child_protection_plan"));
    }

    private static Set<String> texts(Array array) throws SQLException {
        return Set.copyOf(List.of((String[]) array.getArray()));
    }
}
