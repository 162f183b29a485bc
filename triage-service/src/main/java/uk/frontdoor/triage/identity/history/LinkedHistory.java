package uk.frontdoor.triage.identity.history;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
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

    private final JdbcClient jdbc;

    LinkedHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Subscribing, so the rows commit or roll back with the events; never a replayable projection. */
    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PROCESSING_GROUP);
    }

    @EventHandler
    void on(ContactReceived event) {
        var concerns = event.submission().concerns();
        jdbc.sql("""
                        INSERT INTO child_contact_facts (contact_id, child_id, received_at, factors, indicators)
                        VALUES (?, ?, ?, ?::text[], ?::text[]) ON CONFLICT (contact_id) DO NOTHING""")
                .params(event.contactId().value(), event.childId().value(), Timestamp.from(event.receivedAt()),
                        concerns.factors().toArray(String[]::new), concerns.indicators().toArray(String[]::new))
                .update();
    }

    @EventHandler
    void on(ProposalAuthorised event) {
        jdbc.sql("UPDATE child_contact_facts SET outcome = ?, decided_at = ? WHERE contact_id = ?")
                .params(event.outcome().name(), Timestamp.from(event.at()), event.contactId().value())
                .update();
    }

    @EventHandler
    void on(InitialConferenceHeld event) {
        if (event.outcome() == InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN) {
            jdbc.sql("UPDATE child_contact_facts SET child_protection_plan = TRUE WHERE contact_id = ?")
                    .param(event.contactId().value())
                    .update();
        }
    }

    @EventHandler
    void on(ChildRecordLinked event) {
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
