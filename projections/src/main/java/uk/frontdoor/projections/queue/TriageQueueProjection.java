package uk.frontdoor.projections.queue;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ThresholdReassessed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.BulkPage;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.UnreadPersonalFields;
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
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.query.TriageQueue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The first-contact triage queue: contacts not yet decided, most urgent first. Handlers are
 * idempotent (a replay or redelivery leaves the same rows), so the table can be rebuilt from the
 * event store at any time.
 */
@Component
@ProcessingGroup(TriageQueueProjection.PROCESSING_GROUP)
// Of its events' personal fields the queue shows the child's name alone.
@UnreadPersonalFields({
        @UnreadPersonalFields.Of(type = ContactSubmission.class, fields = {"referrer", "household", "actionsTaken"}),
        @UnreadPersonalFields.Of(type = ContactSubmission.Concerns.class, fields = "narrative"),
        @UnreadPersonalFields.Of(type = ContactSubmission.Consent.class, fields = "reason"),
        @UnreadPersonalFields.Of(type = PriorityChanged.class, fields = "rationale"),
        @UnreadPersonalFields.Of(type = DecisionProposed.class, fields = "rationale"),
        @UnreadPersonalFields.Of(type = ProposalReturned.class, fields = "reason"),
        @UnreadPersonalFields.Of(type = HandedBackToDayTeam.class, fields = "summary"),
        @UnreadPersonalFields.Of(type = ProposalAuthorised.class, fields = "reason")})
class TriageQueueProjection {

    static final String PROCESSING_GROUP = "triage-queue";

    /** Not yet assessed sorts first: nobody has looked, so it may be the most urgent of all. */
    private static final int UNASSESSED_RANK = QueueCursor.rank(null);

    /** Contacts not yet decided; the predicate of the queue's partial indexes. */
    static final String WAITING = "status <> 'DECIDED'";
    /** The due time in the queue's order: none sorts after every time (V63). */
    private static final String DUE = "coalesce(response_due_at, 'infinity'::timestamptz)";
    /** The queue's sort key and its order, the columns of the partial index {@code triage_queue_waiting_order} (V63). */
    private static final String KEY = "urgency_rank, " + DUE + ", received_at, contact_id";
    private static final String REVERSED = "urgency_rank DESC, " + DUE + " DESC, received_at DESC, contact_id DESC";

    private final JdbcClient jdbc;
    private final RowWrites rows;

    TriageQueueProjection(JdbcClient jdbc, RowWrites rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Every handler changes only its contact's row: held back and sent with the batch's others. The queue's triggers
     * keep its tally (V22, V55, V57) in the same transaction: each row change appends a delta, and the transaction
     * folds its own deltas into the tally's totals at its commit (V62), so nothing here folds it.
     */
    private void write(ContactId contact, String sql, Object... args) {
        rows.write(PROCESSING_GROUP, contact.value(), sql, args);
    }

    /** A new row, every column: what {@link NewRow} holds, in this order. */
    private static final String INSERT = """
            INSERT INTO triage_queue (contact_id, child_id, child_name, referral_source, agency, received_at, status,
                                      level, priority, urgency_rank, response_due_at, factors, claimed_by,
                                      proposed_outcome, proposed_by, proposed_at, handed_back_at, handed_back_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO NOTHING""";

    /**
     * The row of a contact received in the batch being handled, not yet written: the contact's later events in the
     * same batch change it here, each as its statement would change the stored row, and it is written once, with
     * the batch (a replay received, assessed and often decided each contact in one batch: one insert instead of an
     * insert, an update and the triggers' tally rows for each). Its values are the insert's arguments, which
     * {@link RowWrites} reads when the batch is flushed. If the contact's row is already stored (a batch handled
     * again after its row committed, which a processor's one transaction per batch rules out), the insert changes
     * nothing: the stored row already holds these events.
     */
    private static final class NewRow {
        private static final int AGENCY = 4, STATUS = 6, LEVEL = 7, PRIORITY = 8, RANK = 9, DUE = 10, FACTORS = 11, CLAIMED_BY = 12,
                OUTCOME = 13, PROPOSED_BY = 14, PROPOSED_AT = 15, HANDED_BACK_AT = 16, HANDED_BACK_BY = 17;
        private final Object[] values;

        NewRow(Object... values) {
            if (values.length != 18) {
                throw new IllegalArgumentException("a queue row has 18 columns");
            }
            this.values = values;
        }

        void set(int column, Object value) {
            values[column] = value;
        }

        boolean decided() {
            return ContactStatus.DECIDED.name().equals(values[STATUS]);
        }

        /** A bulk page's row read as stored before the page: its values then, which the tally counted. */
        private Object[] stored;
        /** Its {@link #UPDATE_ROW} is among the page's writes. */
        private boolean rewritten;

        static NewRow stored(Object[] values) {
            NewRow row = new NewRow(values);
            row.stored = values.clone();
            return row;
        }
    }

    /** The batch's not yet written rows by contact id; none outside a processor's batch (each write runs at once). */
    private Map<String, NewRow> newRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, NewRow> rows = batch.getResource(NewRow.class.getName());
        if (rows == null) {
            rows = new HashMap<>();
            batch.resources().put(NewRow.class.getName(), rows);
            Map<String, NewRow> page = rows;
            BulkPage.current().ifPresent(events -> readPage(batch, events, page));
        }
        return rows;
    }

    /**
     * The contact's event changes its row: in memory if the batch inserts it, or a bulk page read it
     * ({@code inMemory}), else by the statement.
     */
    private void change(ContactId contact, Consumer<NewRow> inMemory, String sql, Object... args) {
        NewRow row = newRows().get(contact.value());
        if (row != null) {
            inMemory.accept(row);
            if (row.stored != null && !row.rewritten) {
                row.rewritten = true;
                // Its values are read when the page's writes are sent, after the page's last change of it.
                write(contact, UPDATE_ROW, row.values);
            }
        } else {
            write(contact, sql, args);
        }
    }

    // A rebuild in bulk (BulkPage): each stored row the page changes is read first, changed in memory and written
    // once; the page works out its change to the tally itself, the row triggers standing aside (V74).

    /** The columns of {@link #INSERT}, in its order. */
    private static final String COLUMNS = "contact_id, child_id, child_name, referral_source, agency, received_at, "
            + "status, level, priority, urgency_rank, response_due_at, factors, claimed_by, proposed_outcome, "
            + "proposed_by, proposed_at, handed_back_at, handed_back_by";

    /**
     * A stored row rewritten with the page's changes, its arguments those of {@link #INSERT} (a row's values, in
     * their order). What is set at the receipt (the child, the source, the agency, the time, the categories) never
     * changes.
     */
    private static final String UPDATE_ROW = "UPDATE triage_queue t SET status = v.status, level = v.level, "
            + "priority = v.priority, urgency_rank = v.urgency_rank, response_due_at = v.response_due_at, "
            + "claimed_by = v.claimed_by, proposed_outcome = v.proposed_outcome, proposed_by = v.proposed_by, "
            + "proposed_at = v.proposed_at, handed_back_at = v.handed_back_at, handed_back_by = v.handed_back_by "
            + "FROM (VALUES (?::varchar, ?::varchar, ?::varchar, ?::varchar, ?::varchar, ?::timestamptz, ?::varchar, "
            + "?::smallint, ?::varchar, ?::smallint, ?::timestamptz, ?::varchar, ?::varchar, ?::varchar, ?::varchar, "
            + "?::timestamptz, ?::timestamptz, ?::varchar)) AS v(" + COLUMNS + ") WHERE t.contact_id = v.contact_id";

    /** The events whose contact's row this projection writes, and the contact each is about. */
    private static final Map<Class<?>, Function<Object, ContactId>> CONTACT_OF = Map.of(
            ContactReceived.class, event -> ((ContactReceived) event).contactId(),
            ThresholdAssessed.class, event -> ((ThresholdAssessed) event).contactId(),
            ThresholdReassessed.class, event -> ((ThresholdReassessed) event).contactId(),
            ContactClaimed.class, event -> ((ContactClaimed) event).contactId(),
            ContactReleased.class, event -> ((ContactReleased) event).contactId(),
            PriorityChanged.class, event -> ((PriorityChanged) event).contactId(),
            DecisionProposed.class, event -> ((DecisionProposed) event).contactId(),
            ProposalReturned.class, event -> ((ProposalReturned) event).contactId(),
            HandedBackToDayTeam.class, event -> ((HandedBackToDayTeam) event).contactId(),
            ProposalAuthorised.class, event -> ((ProposalAuthorised) event).contactId());

    /**
     * A bulk page, at its first event here: the stored rows of every contact its events are about, read in one
     * statement, so that each is changed in memory and written once ({@link #UPDATE_ROW}) however many of the page's
     * events change it (a decision's claim, proposal and authorisation were three updates), and a receipt of a
     * contact already stored is left out, as its insert's {@code ON CONFLICT DO NOTHING} would leave it. Nothing else
     * writes the table meanwhile (the processor is shut down, its claims held by the replay), so the rows read are
     * the rows the page changes. The tally: this transaction's row changes append no deltas (V74); the page adds its
     * own change instead, at its commit ({@link #countPage}).
     */
    private void readPage(UnitOfWork<?> batch, List<EventMessage<?>> events, Map<String, NewRow> rows) {
        Set<String> contacts = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            Function<Object, ContactId> contact = CONTACT_OF.get(event.getPayloadType());
            if (contact != null) {
                contacts.add(contact.apply(event.getPayload()).value());
            }
        }
        jdbc.sql("SELECT set_config('frontdoor.triage_queue_tally', 'bulk', true)").query(String.class).single();
        if (!contacts.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM triage_queue WHERE contact_id = ANY (?)")
                    .param(contacts.toArray(String[]::new))
                    .query(rs -> {
                        Object[] values = new Object[18];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = rs.getObject(i + 1);
                        }
                        rows.put((String) values[0], NewRow.stored(values));
                    });
        }
        batch.onPrepareCommit(unitOfWork -> countPage(rows.values()));
    }

    /**
     * The page's change to the tally: each row's place as written less its place as stored before the page, counted
     * as the row triggers (V57) count them, added to the totals in the groups' order as the fold (V62) adds them, and
     * the groups left at zero removed. An erasure's deletion, sent after the page's rows, keeps its trigger and takes
     * away what it deletes.
     */
    private void countPage(Iterable<NewRow> rows) {
        Map<List<String>, long[]> change = new HashMap<>();
        for (NewRow row : rows) {
            if (row.stored != null) {
                count(change, row.stored, -1);
            }
            count(change, row.values, 1);
        }
        List<String> priority = new ArrayList<>(), agency = new ArrayList<>(), factors = new ArrayList<>();
        List<Long> waiting = new ArrayList<>(), unclaimed = new ArrayList<>();
        change.forEach((group, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                priority.add(group.get(0));
                agency.add(group.get(1));
                factors.add(group.get(2));
                waiting.add(counts[0]);
                unclaimed.add(counts[1]);
            }
        });
        if (priority.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO triage_queue_tally AS tally (priority, agency, factors, waiting, unclaimed)
                        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[])
                                      AS page (priority, agency, factors, waiting, unclaimed)
                        ORDER BY priority, agency, factors
                        ON CONFLICT (priority, agency, factors) DO UPDATE
                            SET waiting = tally.waiting + excluded.waiting,
                                unclaimed = tally.unclaimed + excluded.unclaimed""")
                .params(priority.toArray(String[]::new), agency.toArray(String[]::new),
                        factors.toArray(String[]::new), waiting.toArray(Long[]::new), unclaimed.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        DELETE FROM triage_queue_tally WHERE ctid IN (
                            SELECT ctid FROM triage_queue_tally WHERE waiting = 0 AND unclaimed = 0 FOR UPDATE SKIP LOCKED)""")
                .update();
    }

    /** A row's place in the tally (V57): waiting unless decided, and unclaimed if nobody has claimed it either. */
    private static void count(Map<List<String>, long[]> change, Object[] values, int sign) {
        if (ContactStatus.DECIDED.name().equals(values[NewRow.STATUS])) {
            return;
        }
        List<String> group = List.of(values[NewRow.PRIORITY] == null ? "" : (String) values[NewRow.PRIORITY],
                (String) values[NewRow.AGENCY], (String) values[NewRow.FACTORS]);
        long[] counts = change.computeIfAbsent(group, k -> new long[2]);
        counts[0] += sign;
        if (values[NewRow.CLAIMED_BY] == null) {
            counts[1] += sign;
        }
    }

    @EventHandler
    void on(ContactReceived event) {
        ContactSubmission submission = event.submission();
        NewRow row = new NewRow(event.contactId().value(), event.childId().value(), displayName(submission.child()),
                submission.referralSource(), event.agency().value(), Timestamp.from(event.receivedAt()),
                ContactStatus.RECEIVED.name(), null, null, UNASSESSED_RANK, null,
                String.join(",", submission.concerns().factors()), null, null, null, null, null, null);
        if (CurrentUnitOfWork.isStarted()) {
            NewRow present = newRows().putIfAbsent(event.contactId().value(), row);
            if (present != null && present.stored != null) {
                // A bulk page's contact already stored: its insert would change nothing.
                return;
            }
            if (BulkPage.current().isPresent()) {
                if (present == null) {
                    // A bulk page's new rows go by one COPY (the page read every stored row it is about, so none of
                    // these is there); their values are read when the page is written, after its last change here.
                    rows.append(PROCESSING_GROUP, event.contactId().value(), "triage_queue", COLUMNS, INSERT,
                            row.values);
                }
                // Received twice in the page: the first receipt's row stands, as the second insert's ON CONFLICT
                // would leave it.
                return;
            }
        }
        write(event.contactId(), INSERT, row.values);
    }

    @EventHandler
    void on(ThresholdAssessed event) {
        var threshold = event.threshold();
        Timestamp due = threshold.responseDueAt() == null ? null : Timestamp.from(threshold.responseDueAt());
        change(event.contactId(), row -> {
                    row.set(NewRow.STATUS, ContactStatus.ASSESSED.name());
                    row.set(NewRow.LEVEL, threshold.level());
                    row.set(NewRow.PRIORITY, threshold.priority().name());
                    row.set(NewRow.RANK, QueueCursor.rank(threshold.priority()));
                    row.set(NewRow.DUE, due);
                }, """
                        UPDATE triage_queue SET status = ?, level = ?, priority = ?, urgency_rank = ?, response_due_at = ?
                        WHERE contact_id = ?""",
                ContactStatus.ASSESSED.name(), threshold.level(), threshold.priority().name(),
                QueueCursor.rank(threshold.priority()), due, event.contactId().value());
    }

    /** Assessed again with a changed history: the queue follows the new level and rating; the status stays. */
    @EventHandler
    void on(ThresholdReassessed event) {
        var threshold = event.threshold();
        Timestamp due = threshold.responseDueAt() == null ? null : Timestamp.from(threshold.responseDueAt());
        change(event.contactId(), row -> {
                    row.set(NewRow.LEVEL, threshold.level());
                    row.set(NewRow.PRIORITY, threshold.priority().name());
                    row.set(NewRow.RANK, QueueCursor.rank(threshold.priority()));
                    row.set(NewRow.DUE, due);
                },
                "UPDATE triage_queue SET level = ?, priority = ?, urgency_rank = ?, response_due_at = ? WHERE contact_id = ?",
                threshold.level(), threshold.priority().name(), QueueCursor.rank(threshold.priority()), due,
                event.contactId().value());
    }

    @EventHandler
    void on(ContactClaimed event) {
        change(event.contactId(), row -> row.set(NewRow.CLAIMED_BY, event.actor().userId()),
                "UPDATE triage_queue SET claimed_by = ? WHERE contact_id = ?",
                event.actor().userId(), event.contactId().value());
    }

    @EventHandler
    void on(ContactReleased event) {
        change(event.contactId(), row -> row.set(NewRow.CLAIMED_BY, null),
                "UPDATE triage_queue SET claimed_by = NULL WHERE contact_id = ?", event.contactId().value());
    }

    @EventHandler
    void on(PriorityChanged event) {
        Timestamp due = event.responseDueAt() == null ? null : Timestamp.from(event.responseDueAt());
        change(event.contactId(), row -> {
                    row.set(NewRow.PRIORITY, event.to().name());
                    row.set(NewRow.RANK, QueueCursor.rank(event.to()));
                    row.set(NewRow.DUE, due);
                },
                "UPDATE triage_queue SET priority = ?, urgency_rank = ?, response_due_at = ? WHERE contact_id = ?",
                event.to().name(), QueueCursor.rank(event.to()), due, event.contactId().value());
    }

    /** A proposal waits for a manager: what, by whom and since when, for the duty manager's board. */
    @EventHandler
    void on(DecisionProposed event) {
        Timestamp at = Timestamp.from(event.at());
        change(event.contactId(), row -> {
                    if (!row.decided()) {
                        row.set(NewRow.STATUS, ContactStatus.PROPOSED.name());
                        row.set(NewRow.OUTCOME, event.outcome().name());
                        row.set(NewRow.PROPOSED_BY, event.actor().userId());
                        row.set(NewRow.PROPOSED_AT, at);
                    }
                }, """
                        UPDATE triage_queue SET status = ?, proposed_outcome = ?, proposed_by = ?, proposed_at = ?
                        WHERE contact_id = ? AND status <> 'DECIDED'""",
                ContactStatus.PROPOSED.name(), event.outcome().name(), event.actor().userId(), at,
                event.contactId().value());
    }

    @EventHandler
    void on(ProposalReturned event) {
        change(event.contactId(), row -> {
                    if (!row.decided()) {
                        row.set(NewRow.STATUS, ContactStatus.ASSESSED.name());
                        row.set(NewRow.OUTCOME, null);
                        row.set(NewRow.PROPOSED_BY, null);
                        row.set(NewRow.PROPOSED_AT, null);
                    }
                }, """
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
        Timestamp at = Timestamp.from(event.at());
        change(event.contactId(), row -> {
                    row.set(NewRow.HANDED_BACK_AT, at);
                    row.set(NewRow.HANDED_BACK_BY, event.actor().userId());
                }, "UPDATE triage_queue SET handed_back_at = ?, handed_back_by = ? WHERE contact_id = ?",
                at, event.actor().userId(), event.contactId().value());
    }

    /** A decided contact leaves the queue. */
    @EventHandler
    void on(ProposalAuthorised event) {
        change(event.contactId(), row -> {
                    row.set(NewRow.STATUS, ContactStatus.DECIDED.name());
                    row.set(NewRow.CLAIMED_BY, null);
                }, "UPDATE triage_queue SET status = ?, claimed_by = NULL WHERE contact_id = ?",
                ContactStatus.DECIDED.name(), event.contactId().value());
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM triage_queue WHERE child_id = ?", event.childId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM triage_queue").update();
        // The deletion's own deltas too, or its commit would fold them into the emptied totals.
        jdbc.sql("DELETE FROM triage_queue_tally_delta").update();
        jdbc.sql("DELETE FROM triage_queue_tally").update();
    }

    @QueryHandler
    TriageQueue handle(FindTriageQueue query) {
        Page page = Page.of(WAITING, List.of(), query.after(), query.before(), query.offset(), query.limit());
        List<TriageQueue.Item> items = jdbc.sql(page.sql()).params(page.params()).query(TriageQueueProjection::item).list();
        long waiting = jdbc.sql("SELECT coalesce(sum(waiting), 0) FROM triage_queue_tally")
                .query(Long.class).single();
        return new TriageQueue(items, waiting);
    }

    /**
     * One page of the waiting contacts that a filter selects, most urgent first, then soonest due, then longest
     * waiting; the contact id settles ties, so the order is total and a page boundary never moves between two equal
     * contacts. The page's ids are found first and only its rows read whole (a deferred join): the ids come from the
     * partial index {@code triage_queue_waiting_order} (V63) alone where the filter allows.
     *
     * <p>By a cursor, the page starts just after a place in the queue ({@code after}) or ends just before one
     * ({@code before}, read backwards and put back in order): one comparison of the whole sort key, which the index
     * turns into the start of its range, so a deep page costs what the first does. Otherwise it skips {@code offset}
     * matching contacts, walking them in the index.
     *
     * @param sql    the statement
     * @param params the filter's parameters, then the cursor's, then the offset and the limit
     */
    record Page(String sql, List<Object> params) {

        static Page of(String where, List<Object> filterParams, QueueCursor after, QueueCursor before, long offset,
                       int limit) {
            List<Object> params = new java.util.ArrayList<>(filterParams);
            QueueCursor cursor = after != null ? after : before;
            String condition = where;
            if (cursor != null) {
                condition += " AND (" + KEY + ") " + (after != null ? ">" : "<")
                        + " (?::smallint, coalesce(?::timestamptz, 'infinity'::timestamptz), ?::timestamptz, ?::varchar)";
                params.add(cursor.urgencyRank());
                params.add(cursor.responseDueAt() == null ? null : Timestamp.from(cursor.responseDueAt()));
                params.add(Timestamp.from(cursor.receivedAt()));
                params.add(cursor.contactId());
            }
            params.add(cursor == null ? offset : 0L);
            params.add(limit);
            String sql = "SELECT t.* FROM (SELECT contact_id, urgency_rank, " + DUE + " AS due, received_at"
                    + " FROM triage_queue WHERE " + condition + " ORDER BY " + (before != null ? REVERSED : KEY)
                    + " OFFSET ? LIMIT ?) page JOIN triage_queue t USING (contact_id)"
                    + " ORDER BY page.urgency_rank, page.due, page.received_at, page.contact_id";
            return new Page(sql, params);
        }
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
