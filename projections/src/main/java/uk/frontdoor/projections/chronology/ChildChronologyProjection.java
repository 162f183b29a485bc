package uk.frontdoor.projections.chronology;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.ChildLinkRows;
import uk.frontdoor.projections.ReadModelUpdates;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.UnreadPersonalFields;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.FindChildChronology;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each child's chronology: one row per event in their stream, with a plain-English summary, and the
 * links between records found to be the same child. A chronology is read across every record
 * linked to the child, directly or through another link, merged in time order.
 *
 * <p>Rows are keyed by the event's place in its stream (child id and sequence number), and every
 * write is an insert that ignores a row already there, so a redelivered or replayed event leaves
 * the tables as they were. Resetting the processing group rebuilds both tables from the event store.
 */
@Component
@ProcessingGroup(ChildChronologyProjection.PROCESSING_GROUP)
// Of what a referrer submitted, a child's history shows the concerns' narrative alone (ChronologyLine).
@UnreadPersonalFields({
        @UnreadPersonalFields.Of(type = ContactSubmission.class,
                fields = {"referrer", "child", "household", "actionsTaken"}),
        @UnreadPersonalFields.Of(type = ContactSubmission.Consent.class, fields = "reason")})
class ChildChronologyProjection {

    static final String PROCESSING_GROUP = "chronology";
    private static final String CHRONOLOGY_COLUMNS =
            "child_id, seq, at, contact_id, type, summary, detail, actor_user_id, actor_role, actor_agency";

    private final JdbcClient jdbc;
    private final RowWrites rows;
    private final QueryUpdateEmitter updates;

    ChildChronologyProjection(JdbcClient jdbc, RowWrites rows, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.updates = updates;
    }

    @EventHandler
    void on(ChildEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant storedAt) {
        ChronologyLine line = ChronologyLine.of(event, storedAt);
        Actor actor = line.actor();
        // The handler never reads these tables, so the rows go with the batch's others (RowWrites); a rebuild's page
        // sends its rows by COPY.
        rows.append(PROCESSING_GROUP, event.childId().value(), "child_chronology", CHRONOLOGY_COLUMNS, """
                        INSERT INTO child_chronology (child_id, seq, at, contact_id, type, summary, detail,
                                                      actor_user_id, actor_role, actor_agency)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (child_id, seq) DO NOTHING""",
                event.childId().value(), sequence, Timestamp.from(line.at()),
                line.contactId() == null ? null : line.contactId().value(),
                event.getClass().getSimpleName(), line.summary(), line.detail(),
                actor == null ? null : actor.userId(),
                actor == null ? null : actor.role().name(),
                actor == null ? null : actor.agency());
        if (event instanceof ChildRecordLinked linked) {
            // Each of the two streams carries its own copy of the link; either one links both ways.
            ChildLinkRows.insertBothWays(rows, PROCESSING_GROUP, "child_links", linked.childId(),
                    linked.linkedChildId());
        }
        if (event instanceof ChildRecordUnlinked unlinked) {
            // The histories separate: neither chronology shows the other's from now on; the undoing stays in both.
            ChildLinkRows.deleteBothWays(rows, PROCESSING_GROUP, "child_links", unlinked.childId(),
                    unlinked.unlinkedChildId());
        }
        if (event instanceof ChildErased) {
            // Erased: the child's history goes, and no linked record reads it any more. After the batch's other
            // writes, so that a replay's batch that inserted the child's rows deletes them too.
            rows.writeAfter(PROCESSING_GROUP, "DELETE FROM child_chronology WHERE child_id = ?", event.childId().value());
            rows.writeAfter(PROCESSING_GROUP, "DELETE FROM child_links WHERE child_id = ? OR linked_child_id = ?",
                    event.childId().value(), event.childId().value());
        }
        changed(event.childId());
    }

    /**
     * A page waiting for a change it made to show (a subscription query) is sent the child's chronology.
     * Only the child's own: a page waits on the record it acted on.
     */
    private void changed(ChildId childId) {
        ReadModelUpdates.afterCommit(updates, FindChildChronology.class, query -> query.childId().equals(childId),
                () -> handle(new FindChildChronology(childId)));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM child_chronology").update();
        jdbc.sql("DELETE FROM child_links").update();
    }

    @QueryHandler
    Optional<ChildChronology> handle(FindChildChronology query) {
        String childId = query.childId().value();
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM child_chronology WHERE child_id = ?)")
                .param(childId).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        // Every record linked to this one, however many links away; UNION stops at a cycle.
        List<ChildId> linked = jdbc.sql("""
                        WITH RECURSIVE linked (child_id) AS (
                            SELECT l.linked_child_id FROM child_links l WHERE l.child_id = :child
                            UNION
                            SELECT l.linked_child_id FROM child_links l JOIN linked ON l.child_id = linked.child_id
                        )
                        SELECT child_id FROM linked WHERE child_id <> :child ORDER BY child_id""")
                .param("child", childId)
                .query((rs, row) -> ChildId.of(rs.getString("child_id")))
                .list();
        List<String> children = new ArrayList<>(linked.size() + 1);
        children.add(childId);
        linked.forEach(id -> children.add(id.value()));
        List<ChildChronology.Entry> entries = jdbc.sql("""
                        SELECT * FROM child_chronology WHERE child_id IN (:children)
                        ORDER BY at, child_id, seq""")
                .param("children", children)
                .query(ChildChronologyProjection::entry)
                .list();
        return Optional.of(new ChildChronology(query.childId(), linked, entries));
    }

    private static ChildChronology.Entry entry(ResultSet rs, int row) throws SQLException {
        String contactId = rs.getString("contact_id");
        return new ChildChronology.Entry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                ChildId.of(rs.getString("child_id")),
                contactId == null ? null : ContactId.of(contactId),
                rs.getString("type"),
                rs.getString("summary"),
                rs.getString("actor_user_id"),
                rs.getString("actor_role"),
                rs.getString("actor_agency"));
    }
}
