package uk.frontdoor.projections.queue;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ThresholdReassessed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.query.TriageQueue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/**
 * The first-contact triage queue: contacts not yet decided, most urgent first. Handlers are
 * idempotent (a replay or redelivery leaves the same rows), so the table can be rebuilt from the
 * event store at any time.
 */
@Component
@ProcessingGroup(TriageQueueProjection.PROCESSING_GROUP)
class TriageQueueProjection {

    static final String PROCESSING_GROUP = "triage-queue";

    /** Not yet assessed sorts first: nobody has looked, so it may be the most urgent of all. */
    private static final int UNASSESSED_RANK = 0;

    /** Contacts not yet decided; the predicate of the queue's partial indexes. */
    static final String WAITING = "status <> 'DECIDED'";
    /** The queue's order, the order of the partial index {@code triage_queue_waiting}. */
    static final String ORDER = "urgency_rank, response_due_at NULLS LAST, received_at, contact_id";

    private final JdbcClient jdbc;
    private final RowWrites rows;

    TriageQueueProjection(JdbcClient jdbc, RowWrites rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Folds the tally of waiting contacts (V22: deltas the queue's triggers append; V55: and of those unclaimed)
     * into one row per rating and agency. Rows another transaction is folding are skipped, not waited for; the next fold takes them.
     */
    static final String FOLD_TALLY = """
            WITH folded AS (
                DELETE FROM triage_queue_tally
                WHERE ctid IN (SELECT ctid FROM triage_queue_tally FOR UPDATE SKIP LOCKED)
                RETURNING priority, agency, waiting, unclaimed)
            INSERT INTO triage_queue_tally (priority, agency, waiting, unclaimed)
            SELECT priority, agency, sum(waiting), sum(unclaimed) FROM folded GROUP BY priority, agency
            HAVING sum(waiting) <> 0 OR sum(unclaimed) <> 0""";

    /**
     * Every handler changes only its contact's row: held back and sent with the batch's others, then the
     * tally its triggers appended to is folded once for the batch.
     */
    private void write(ContactId contact, String sql, Object... args) {
        rows.write(PROCESSING_GROUP, contact.value(), sql, args);
        rows.writeOnce(PROCESSING_GROUP, FOLD_TALLY);
    }

    @EventHandler
    void on(ContactReceived event) {
        ContactSubmission submission = event.submission();
        write(event.contactId(), """
                        INSERT INTO triage_queue (contact_id, child_id, child_name, referral_source, agency,
                                                  received_at, status, urgency_rank, factors)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (contact_id) DO NOTHING""",
                event.contactId().value(), event.childId().value(), displayName(submission.child()),
                submission.referralSource(), event.agency().value(), Timestamp.from(event.receivedAt()),
                ContactStatus.RECEIVED.name(), UNASSESSED_RANK,
                String.join(",", submission.concerns().factors()));
    }

    @EventHandler
    void on(ThresholdAssessed event) {
        var threshold = event.threshold();
        write(event.contactId(), """
                        UPDATE triage_queue SET status = ?, level = ?, priority = ?, urgency_rank = ?, response_due_at = ?
                        WHERE contact_id = ?""",
                ContactStatus.ASSESSED.name(), threshold.level(), threshold.priority().name(),
                threshold.priority().urgency() + 1,
                threshold.responseDueAt() == null ? null : Timestamp.from(threshold.responseDueAt()),
                event.contactId().value());
    }

    /** Assessed again with a changed history: the queue follows the new level and rating; the status stays. */
    @EventHandler
    void on(ThresholdReassessed event) {
        var threshold = event.threshold();
        write(event.contactId(),
                "UPDATE triage_queue SET level = ?, priority = ?, urgency_rank = ?, response_due_at = ? WHERE contact_id = ?",
                threshold.level(), threshold.priority().name(), threshold.priority().urgency() + 1,
                threshold.responseDueAt() == null ? null : Timestamp.from(threshold.responseDueAt()),
                event.contactId().value());
    }

    @EventHandler
    void on(ContactClaimed event) {
        write(event.contactId(), "UPDATE triage_queue SET claimed_by = ? WHERE contact_id = ?",
                event.actor().userId(), event.contactId().value());
    }

    @EventHandler
    void on(ContactReleased event) {
        write(event.contactId(), "UPDATE triage_queue SET claimed_by = NULL WHERE contact_id = ?",
                event.contactId().value());
    }

    @EventHandler
    void on(PriorityChanged event) {
        write(event.contactId(),
                "UPDATE triage_queue SET priority = ?, urgency_rank = ?, response_due_at = ? WHERE contact_id = ?",
                event.to().name(), event.to().urgency() + 1,
                event.responseDueAt() == null ? null : Timestamp.from(event.responseDueAt()),
                event.contactId().value());
    }

    /** A proposal waits for a manager: what, by whom and since when, for the duty manager's board. */
    @EventHandler
    void on(DecisionProposed event) {
        write(event.contactId(), """
                        UPDATE triage_queue SET status = ?, proposed_outcome = ?, proposed_by = ?, proposed_at = ?
                        WHERE contact_id = ? AND status <> 'DECIDED'""",
                ContactStatus.PROPOSED.name(), event.outcome().name(), event.actor().userId(),
                Timestamp.from(event.at()), event.contactId().value());
    }

    @EventHandler
    void on(ProposalReturned event) {
        write(event.contactId(), """
                        UPDATE triage_queue SET status = ?, proposed_outcome = NULL, proposed_by = NULL, proposed_at = NULL
                        WHERE contact_id = ? AND status <> 'DECIDED'""",
                ContactStatus.ASSESSED.name(), event.contactId().value());
    }

    /**
     * The emergency duty team handed it back: the day team's queue marks it, so the morning starts with what the
     * night already acted on. What was done (personal, sealed) stays on the contact page.
     */
    @EventHandler
    void on(HandedBackToDayTeam event) {
        write(event.contactId(), "UPDATE triage_queue SET handed_back_at = ?, handed_back_by = ? WHERE contact_id = ?",
                Timestamp.from(event.at()), event.actor().userId(), event.contactId().value());
    }

    /** A decided contact leaves the queue. */
    @EventHandler
    void on(ProposalAuthorised event) {
        write(event.contactId(), "UPDATE triage_queue SET status = ?, claimed_by = NULL WHERE contact_id = ?",
                ContactStatus.DECIDED.name(), event.contactId().value());
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM triage_queue WHERE child_id = ?", event.childId().value());
        rows.writeOnce(PROCESSING_GROUP, FOLD_TALLY);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM triage_queue").update();
        jdbc.sql("DELETE FROM triage_queue_tally").update();
    }

    @QueryHandler
    TriageQueue handle(FindTriageQueue query) {
        List<TriageQueue.Item> items = jdbc.sql(page(WAITING))
                .params(query.offset(), query.limit())
                .query(TriageQueueProjection::item)
                .list();
        long waiting = jdbc.sql("SELECT coalesce(sum(waiting), 0) FROM triage_queue_tally")
                .query(Long.class).single();
        return new TriageQueue(items, waiting);
    }

    /**
     * One page of the waiting contacts that {@code where} selects, most urgent first, then soonest due,
     * then longest waiting; the contact id settles ties, so the order is total and a page boundary never
     * moves between two equal contacts. The page's ids are found first and only its rows read whole (a
     * deferred join): unfiltered, the skipped rows come from the partial index {@code triage_queue_waiting}
     * alone, so a deep page does not read the rows it skips. Takes the offset, then the limit, after the
     * filter's own parameters.
     */
    static String page(String where) {
        return "SELECT t.* FROM (SELECT contact_id, urgency_rank, response_due_at, received_at FROM triage_queue"
                + " WHERE " + where + " ORDER BY " + ORDER + " OFFSET ? LIMIT ?) page"
                + " JOIN triage_queue t USING (contact_id)"
                + " ORDER BY page.urgency_rank, page.response_due_at NULLS LAST, page.received_at, page.contact_id";
    }

    static TriageQueue.Item item(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("response_due_at");
        String priority = rs.getString("priority");
        Integer level = rs.getObject("level", Integer.class);
        String factors = rs.getString("factors");
        Timestamp handedBack = rs.getTimestamp("handed_back_at");
        return new TriageQueue.Item(
                ContactId.of(rs.getString("contact_id")),
                ChildId.of(rs.getString("child_id")),
                rs.getString("child_name"),
                rs.getString("referral_source"),
                AgencyCode.of(rs.getString("agency")),
                rs.getTimestamp("received_at").toInstant(),
                ContactStatus.valueOf(rs.getString("status")),
                level,
                priority == null ? null : ThresholdAssessed.Priority.valueOf(priority),
                due == null ? null : due.toInstant(),
                factors.isEmpty() ? List.of() : Arrays.asList(factors.split(",")),
                rs.getString("claimed_by"),
                false,
                handedBack == null ? null : handedBack.toInstant(),
                rs.getString("handed_back_by"));
    }

    static String displayName(ContactSubmission.Child child) {
        String given = child.givenName() == null ? "" : child.givenName();
        String family = child.familyName() == null ? "" : child.familyName();
        String name = (given + " " + family).trim();
        if (child.unborn()) {
            return name.isEmpty() ? "Unborn baby" : "Unborn baby (" + name + ")";
        }
        return name;
    }
}
