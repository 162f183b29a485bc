package uk.frontdoor.projections.queue;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ChildEvents;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.FindProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.FindQueueHealth;
import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.ProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.QueueHealth;
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.SW2;
import static uk.frontdoor.projections.ChildEvents.assessed;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;
import static uk.frontdoor.projections.ChildEvents.received;

/** The triage queue and the queries read from its table, alone on a real PostgreSQL. */
class TriageQueueProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final TriageQueueProjection projection = new TriageQueueProjection(database.jdbc(),
            new RowWrites(database.dataSource()));
    private final WaitingContactsQuery waiting = new WaitingContactsQuery(database.jdbc());
    private final DutyBoardQueries board = new DutyBoardQueries(database.jdbc());
    private ProjectionFeed feed;

    private final ChildId childA = child();
    private final ChildId childB = child();
    private final ChildId childC = child();
    private final ChildId childD = child();
    private final ContactId a = contact();
    private final ContactId b = contact();
    private final ContactId c = contact();
    private final ContactId d = contact();

    @BeforeEach
    void queueOfFourContacts() {
        projection.reset();
        feed = new ProjectionFeed(projection);
        queueOfFourContacts(feed);
    }

    private void queueOfFourContacts(ProjectionFeed feed) {
        // A: amber, re-rated red, claimed by sw1.
        feed.apply(T0, received(childA, a, "demo-police", "6", T0, "3A"),
                assessed(childA, a, 4, Priority.AMBER, T0, T0.plus(Duration.ofHours(8))),
                new PriorityChanged(childA, a, Priority.AMBER, Priority.RED, T0.plus(Duration.ofHours(1)), "Injury seen",
                        SW1, T0.plusSeconds(60)),
                new ContactClaimed(childA, a, SW1, T0.plusSeconds(120)));
        // B: amber, proposed for early help by sw2.
        feed.apply(T0, received(childB, b, "demo-school", "2A", T0.plus(Duration.ofMinutes(10)), "16A", "17A"),
                assessed(childB, b, 3, Priority.AMBER, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofHours(8))),
                new DecisionProposed(childB, b, DecisionOutcome.EARLY_HELP, "Needs met by early help", List.of(), false,
                        SW2, T0.plus(Duration.ofHours(2))));
        // C: not yet assessed; claimed by sw2 and released by a manager.
        feed.apply(T0, received(childC, c, "demo-police", "6", T0.plus(Duration.ofMinutes(20)), "3A"),
                new ContactClaimed(childC, c, SW2, T0.plus(Duration.ofMinutes(25))),
                new ContactReleased(childC, c, "sw2", MANAGER1, T0.plus(Duration.ofMinutes(30))));
        // D: green, proposed, returned, proposed again and authorised: decided, off the queue.
        feed.apply(T0, received(childD, d, "demo-school", "2A", T0.minus(Duration.ofHours(5)), "21"),
                assessed(childD, d, 2, Priority.GREEN, T0.minus(Duration.ofHours(5)), T0.plus(Duration.ofHours(30))),
                new DecisionProposed(childD, d, DecisionOutcome.NO_FURTHER_ACTION, "No concerns", List.of(), false, SW1, T0),
                new ProposalReturned(childD, d, "Ask the school first", MANAGER1, T0.plusSeconds(60)),
                new DecisionProposed(childD, d, DecisionOutcome.INFORMATION_AND_ADVICE, "Advice given", List.of(), false,
                        SW1, T0.plusSeconds(120)),
                new ProposalAuthorised(childD, d, DecisionOutcome.INFORMATION_AND_ADVICE, "sw1", 2, false, null, false,
                        MANAGER1, T0.plusSeconds(180)));
    }

    @Test
    void the_queue_holds_what_is_waiting_most_urgent_first_and_a_replay_writes_the_same_rows() {
        TriageQueue queue = projection.handle(new FindTriageQueue(50));
        assertThat(queue.totalWaiting()).isEqualTo(3);
        // Not yet assessed first (nobody has looked), then by RAG.
        assertThat(queue.items()).extracting(TriageQueue.Item::contactId).containsExactly(c, a, b);
        TriageQueue.Item red = queue.items().get(1);
        assertThat(red.priority()).isEqualTo(Priority.RED);
        assertThat(red.level()).isEqualTo(4);
        assertThat(red.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(red.claimedBy()).isEqualTo("sw1");
        assertThat(red.childName()).isEqualTo("Jamie Smith");
        assertThat(red.factors()).containsExactly("3A");
        assertThat(queue.items().get(0).claimedBy()).isNull();
        assertThat(queue.items().get(2).status()).isEqualTo(ContactStatus.PROPOSED);
        assertThat(queue.items().get(2).factors()).containsExactly("16A", "17A");
        assertThat(projection.handle(new FindTriageQueue(1)).items()).extracting(TriageQueue.Item::contactId)
                .containsExactly(c);

        assertThatTheTallyAgreesWithTheQueue();
        List<Map<String, Object>> rows = database.rows("triage_queue", "contact_id");
        assertThat(rows).hasSize(4).filteredOn(row -> d.value().equals(row.get("contact_id")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "DECIDED")
                        .containsEntry("claimed_by", null));
        feed.replay();
        assertThat(database.rows("triage_queue", "contact_id")).isEqualTo(rows);
        assertThat(projection.handle(new FindTriageQueue(50))).isEqualTo(queue);
        assertThatTheTallyAgreesWithTheQueue();
        // Replayed as one processor batch (writes held back and sent as JDBC batches): the same rows.
        feed.replayInOneBatch();
        assertThat(database.rows("triage_queue", "contact_id")).isEqualTo(rows);
        assertThatTheTallyAgreesWithTheQueue();
        assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally").query(Long.class).single())
                .as("folded to one row per rating, agency and set of categories").isEqualTo(3);
    }

    @Test
    void the_tally_is_folded_by_each_transaction_that_changes_the_queue_whoever_writes_it() throws Exception {
        // Two writers at once, outside the projection: each appends deltas and folds its own at its commit (V62).
        // The first folds early (its constraint set immediate) and holds the totals' rows it changed; the second's
        // commit waits for them, neither is lost, and no delta is left behind.
        try (Connection first = database.dataSource().getConnection();
             Connection second = database.dataSource().getConnection();
             Connection rolledBack = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            rolledBack.setAutoCommit(false);
            insertWaiting(first, contact(), "demo-police", "3A");
            update(first, "UPDATE triage_queue SET claimed_by = 'sw2' WHERE contact_id = ?", c);
            insertWaiting(second, contact(), "demo-police", "3A");
            update(second, "UPDATE triage_queue SET status = 'DECIDED', claimed_by = NULL WHERE contact_id = ?", a);
            insertWaiting(rolledBack, contact(), "demo-police", "3A");
            assertThatTheTallyAgreesWithTheQueue();

            try (Statement statement = first.createStatement()) {
                statement.execute("SET CONSTRAINTS triage_queue_tally_fold IMMEDIATE");
            }
            assertThat(deltas(first)).as("folded early: none left in its own transaction").isZero();
            int secondPid = backendPid(second);
            CompletableFuture<Void> secondCommits = CompletableFuture.runAsync(() -> {
                try {
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await("the second commit waits for the first's totals").atMost(Duration.ofSeconds(30))
                    .until(() -> database.jdbc().sql("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")
                            .param(secondPid).query(String.class).optional().filter("Lock"::equals).isPresent());
            assertThat(secondCommits).isNotDone();
            // A change after the first's fold is folded too (its constraint still immediate: at once).
            insertWaiting(first, contact(), "demo-police", "3A");
            assertThat(deltas(first)).as("folded again").isZero();
            first.commit();
            secondCommits.get(30, TimeUnit.SECONDS);
            rolledBack.rollback();
        }
        assertThatTheTallyAgreesWithTheQueue();
        assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single())
                .as("deltas left").isZero();
        assertThat(waiting.handle(FindWaitingContacts.all(1)).matching()).isEqualTo(5);
        assertThat(waiting.handle(new FindWaitingContacts(null, null, Set.of("3A"), null, true, 1)).matching())
                .as("the three new ones; c claimed, a decided").isEqualTo(3);
    }

    @Test
    void a_transaction_of_many_changes_folds_them_once_at_its_commit() {
        // A rebuild's batch, or a reset, changes many rows in one transaction: its commit folds them in one pass (each
        // delta's call at commit sees it was taken, without reading the table again).
        database.jdbc().sql("""
                INSERT INTO triage_queue (contact_id, child_id, child_name, referral_source, agency, received_at,
                                          status, urgency_rank, factors, claimed_by)
                SELECT 'many-' || g, 'child-' || g, 'Sam Jones', '6', 'agency-' || (g % 7), now(), 'RECEIVED', 0,
                       (ARRAY['3A', '12A', '4A,3A'])[1 + g % 3], CASE WHEN g % 5 = 0 THEN 'sw1' END
                FROM generate_series(1, 5000) g""").update();
        assertThatTheTallyAgreesWithTheQueue();
        assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single())
                .isZero();
        database.jdbc().sql("UPDATE triage_queue SET status = 'DECIDED' WHERE contact_id LIKE 'many-%' AND agency = 'agency-3'")
                .update();
        assertThatTheTallyAgreesWithTheQueue();
        database.jdbc().sql("DELETE FROM triage_queue WHERE contact_id LIKE 'many-%'").update();
        assertThatTheTallyAgreesWithTheQueue();
        assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally").query(Long.class).single())
                .as("the groups emptied are gone").isEqualTo(3);
    }

    private static void insertWaiting(Connection connection, ContactId contact, String agency, String factors)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO triage_queue (contact_id, child_id, child_name, referral_source, agency, received_at, status,
                                          urgency_rank, factors)
                VALUES (?, ?, 'Sam Jones', '6', ?, now(), 'RECEIVED', 0, ?)""")) {
            insert.setString(1, contact.value());
            insert.setString(2, child().value());
            insert.setString(3, agency);
            insert.setString(4, factors);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static void update(Connection connection, String sql, ContactId contact) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, contact.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static long deltas(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM triage_queue_tally_delta")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void a_replay_in_batches_of_any_size_writes_the_same_rows_and_tally() {
        // A contact received in a batch has its later events of that batch folded into the row it inserts; events in
        // a later batch update the stored row. Every split of the events between batches gives the same rows.
        List<Map<String, Object>> rows = database.rows("triage_queue", "contact_id");
        TriageQueue queue = projection.handle(new FindTriageQueue(50));
        for (int size : new int[]{1, 2, 3, 4, 5, 7, 100}) {
            feed.replayInBatchesOf(size);
            assertThat(database.rows("triage_queue", "contact_id")).as("batches of %d", size).isEqualTo(rows);
            assertThat(projection.handle(new FindTriageQueue(50))).as("batches of %d", size).isEqualTo(queue);
            assertThatTheTallyAgreesWithTheQueue();
            assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single())
                    .as("deltas left after batches of %d", size).isZero();
            assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally").query(Long.class).single())
                    .as("one row a group that has contacts waiting, after batches of %d", size).isEqualTo(3);
        }
    }

    @Test
    void a_rebuild_in_bulk_pages_writes_the_rows_and_tally_the_live_path_writes() {
        // A child's name with what COPY's text format must escape; received twice (the second changes nothing); then
        // assessed and claimed, on the receipt's page or a later one depending on the page size.
        ChildId awkwardChild = child();
        ContactId awkward = contact();
        ContactSubmission plain = ChildEvents.submission(awkward, "3A", T0, "4A");
        ContactSubmission named = new ContactSubmission(plain.submissionId(), plain.referralSource(), plain.referrer(),
                new ContactSubmission.Child("Tab\tand\nline\r\nbreak", "Back\\slash \\N \\. £ ü — 子", LocalDate.of(2018, 1, 2),
                        null, ContactSubmission.Sex.FEMALE, null, null, null, null, null),
                plain.household(), plain.concerns(), plain.awareSince(), plain.consent(), false, null);
        ContactReceived receipt = new ContactReceived(awkwardChild, awkward, AgencyCode.of("demo-health"),
                Channel.HTTP, T0.plusSeconds(5), named);
        feed.apply(T0, receipt, receipt,
                assessed(awkwardChild, awkward, 3, Priority.AMBER, T0.plusSeconds(5), T0.plus(Duration.ofHours(8))),
                new ContactClaimed(awkwardChild, awkward, SW2, T0.plusSeconds(90)));
        List<Map<String, Object>> rows = database.rows("triage_queue", "contact_id");
        assertThat(rows).filteredOn(row -> awkward.value().equals(row.get("contact_id"))).singleElement()
                .satisfies(row -> assertThat(row.get("child_name"))
                        .isEqualTo("Tab\tand\nline\r\nbreak Back\\slash \\N \\. £ ü — 子"));
        TriageQueue queue = projection.handle(new FindTriageQueue(50));
        for (int size : new int[]{1, 2, 3, 4, 5, 7, 100}) {
            feed.replayInBulkPagesOf(size, database.dataSource());
            assertThat(database.rows("triage_queue", "contact_id")).as("bulk pages of %d", size).isEqualTo(rows);
            assertThat(projection.handle(new FindTriageQueue(50))).as("bulk pages of %d", size).isEqualTo(queue);
            assertThatTheTallyAgreesWithTheQueue();
            assertThat(database.jdbc().sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single())
                    .as("deltas left after bulk pages of %d", size).isZero();
        }
    }

    @Test
    void pages_follow_one_another_in_a_total_order_even_when_contacts_tie_on_everything_but_their_id() {
        // Twelve more green contacts from one agency, received at the same moment and due at the same
        // moment: only their ids tell them apart, so only the tie-break keeps the pages from overlapping.
        Instant same = T0.plus(Duration.ofHours(3));
        List<ContactId> tied = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ChildId child = child();
            ContactId contact = contact();
            tied.add(contact);
            feed.apply(T0, received(child, contact, "demo-health", "3A", same, "4A"),
                    assessed(child, contact, 2, Priority.GREEN, same, same.plus(Duration.ofHours(24))));
        }
        List<ContactId> whole = ids(waiting.handle(FindWaitingContacts.all(100)));
        assertThat(whole).hasSize(15).startsWith(c, a, b);
        assertThat(whole.subList(3, 15)).containsExactlyElementsOf(
                tied.stream().sorted(java.util.Comparator.comparing(ContactId::value)).toList());

        List<ContactId> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 15; offset += 4) {
            WaitingContacts page = waiting.handle(new FindWaitingContacts(null, null, Set.of(), null, false, 4, offset));
            assertThat(page.matching()).isEqualTo(15);
            paged.addAll(ids(page));
        }
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(projection.handle(new FindTriageQueue(4, 12)).items()).extracting(TriageQueue.Item::contactId)
                .containsExactlyElementsOf(whole.subList(12, 15));

        // Filtered: the last, short page knows how many match without counting again, and a page past
        // the end is empty but still says how many there are.
        AgencyCode health = AgencyCode.of("demo-health");
        WaitingContacts last = waiting.handle(new FindWaitingContacts(null, health, Set.of(), null, false, 5, 10));
        assertThat(ids(last)).containsExactlyElementsOf(whole.subList(13, 15));
        assertThat(last.matching()).isEqualTo(12);
        WaitingContacts beyond = waiting.handle(new FindWaitingContacts(null, health, Set.of(), null, false, 5, 20));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.matching()).isEqualTo(12);
    }

    @Test
    void a_page_by_cursor_is_the_page_by_number_forwards_and_backwards() {
        // Ties on everything but the id, contacts with no due time among those with one (no due time sorts last
        // within a rating), and contacts not yet assessed (no rating, no due time).
        Instant same = T0.plus(Duration.ofHours(3));
        for (int i = 0; i < 9; i++) {
            ChildId child = child();
            ContactId contact = contact();
            String agency = i % 3 == 0 ? "demo-police" : "demo-health";
            feed.apply(T0, received(child, contact, agency, "3A", same, "4A"));
            if (i % 4 != 3) {
                feed.apply(T0, assessed(child, contact, 2, Priority.GREEN, same, i % 4 == 2 ? null : same.plusSeconds(i % 2)));
            }
        }
        List<TriageQueue.Item> whole = projection.handle(new FindTriageQueue(100)).items();
        assertThat(whole).hasSize(12).extracting(TriageQueue.Item::responseDueAt).containsNull();

        for (int limit : new int[]{1, 4, 5}) {
            List<TriageQueue.Item> forwards = new java.util.ArrayList<>();
            QueueCursor after = null;
            for (int page = 0; page < 20; page++) {
                List<TriageQueue.Item> items = projection.handle(new FindTriageQueue(limit, 0, after, null)).items();
                if (items.isEmpty()) {
                    break;
                }
                assertThat(items).as("page %d of %d", page + 1, limit)
                        .isEqualTo(projection.handle(new FindTriageQueue(limit, (long) page * limit)).items());
                forwards.addAll(items);
                // Through the text a client holds.
                after = QueueCursor.decode(QueueCursor.of(items.get(items.size() - 1)).encode()).orElseThrow();
            }
            assertThat(forwards).as("limit %d", limit).containsExactlyElementsOf(whole);
            for (int end = 0; end < whole.size(); end++) {
                QueueCursor before = QueueCursor.of(whole.get(end));
                assertThat(projection.handle(new FindTriageQueue(limit, 0, null, before)).items())
                        .as("the %d before contact %d", limit, end)
                        .containsExactlyElementsOf(whole.subList(Math.max(0, end - limit), end));
            }
        }

        // Filtered, the same: the cursor is a place in the whole queue, the page the matches beside it.
        FindWaitingContacts health = new FindWaitingContacts(null, AgencyCode.of("demo-health"), Set.of(), null, false, 2);
        List<ContactId> matches = ids(waiting.handle(
                new FindWaitingContacts(null, AgencyCode.of("demo-health"), Set.of(), null, false, 100)));
        List<ContactId> paged = new java.util.ArrayList<>();
        QueueCursor after = null;
        for (WaitingContacts page = waiting.handle(health); !page.items().isEmpty();
             page = waiting.handle(health.at(after, null))) {
            assertThat(page.matching()).isEqualTo(6);
            paged.addAll(ids(page));
            after = QueueCursor.of(page.items().get(page.items().size() - 1));
        }
        assertThat(paged).hasSize(6).containsExactlyElementsOf(matches);
        FindWaitingContacts mine = new FindWaitingContacts(null, null, Set.of(), "sw1", false, 2);
        assertThat(waiting.handle(mine.at(null, QueueCursor.of(whole.get(whole.size() - 1)))).matching())
                .as("counted, not guessed from a page found by a cursor").isEqualTo(1);
    }

    @Test
    void a_cursor_is_only_what_the_service_encoded() {
        TriageQueue.Item first = projection.handle(new FindTriageQueue(1)).items().get(0);
        QueueCursor cursor = QueueCursor.of(first);
        assertThat(QueueCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+").doesNotContain(first.childName());
        for (String bad : new String[]{"", "x", "!!!", "MS4wLi0uMC4", cursor.encode() + "A", "a".repeat(201),
                java.util.Base64.getUrlEncoder().encodeToString("2.0.-.0.abc".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("1.0.-.99999999999999999999.abc".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("1.0.-.0.".getBytes())}) {
            assertThat(QueueCursor.decode(bad)).as(bad).isEmpty();
        }
        assertThat(QueueCursor.decode(null)).isEmpty();
    }

    /** The tally the queue's triggers keep (V22, V55, V57, V62) says what counting the waiting rows says. */
    private void assertThatTheTallyAgreesWithTheQueue() {
        assertThat(database.jdbc().sql("""
                        SELECT priority, agency, factors, sum(waiting)::bigint AS waiting,
                               sum(unclaimed)::bigint AS unclaimed
                        FROM triage_queue_tally
                        GROUP BY priority, agency, factors HAVING sum(waiting) <> 0 ORDER BY priority, agency, factors""")
                .query().listOfRows())
                .isEqualTo(database.jdbc().sql("""
                                SELECT coalesce(priority, '') AS priority, agency, factors, count(*) AS waiting,
                                       count(*) FILTER (WHERE claimed_by IS NULL) AS unclaimed FROM triage_queue
                                WHERE status <> 'DECIDED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                        .query().listOfRows());
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        List<Map<String, Object>> rows = database.rows("triage_queue", "contact_id");
        feed.redeliverLast();
        assertThat(database.rows("triage_queue", "contact_id")).isEqualTo(rows);
    }

    @Test
    void a_worker_narrows_the_queue_by_rating_agency_category_and_who_holds_it() {
        assertThat(ids(waiting.handle(new FindWaitingContacts(Priority.RED, null, Set.of(), null, false, 50))))
                .containsExactly(a);
        assertThat(ids(waiting.handle(new FindWaitingContacts(null, AgencyCode.of("demo-police"), Set.of(), null, false,
                50)))).containsExactly(c, a);
        assertThat(ids(waiting.handle(new FindWaitingContacts(null, null, Set.of("16A", "9A"), null, false, 50))))
                .containsExactly(b);
        assertThat(ids(waiting.handle(new FindWaitingContacts(null, null, Set.of(), "sw1", false, 50)))).containsExactly(a);
        assertThat(ids(waiting.handle(new FindWaitingContacts(null, null, Set.of(), null, true, 50)))).containsExactly(c, b);

        WaitingContacts all = waiting.handle(FindWaitingContacts.all(2));
        assertThat(all.items()).hasSize(2);
        assertThat(all.matching()).isEqualTo(3);
        assertThat(all.totalWaiting()).isEqualTo(3);
        assertThat(all.notYetAssessed()).isEqualTo(1);
        assertThat(all.waitingByPriority()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Priority.RED, 1L, Priority.AMBER, 1L, Priority.GREEN, 0L, Priority.BLUE, 0L));
        assertThat(all.agencies()).containsExactly(AgencyCode.of("demo-police"), AgencyCode.of("demo-school"));
        // A full page of a filtered queue says how many match beyond it: for unclaimed contacts, from the tally
        // (c was claimed and released, a is claimed), of the whole queue or of one agency.
        WaitingContacts unclaimedOnePage = waiting.handle(new FindWaitingContacts(null, null, Set.of(), null, true, 1));
        assertThat(unclaimedOnePage.items()).hasSize(1);
        assertThat(unclaimedOnePage.matching()).isEqualTo(2);
        WaitingContacts policeUnclaimed = waiting.handle(new FindWaitingContacts(null, AgencyCode.of("demo-police"),
                Set.of(), null, true, 1));
        assertThat(ids(policeUnclaimed)).containsExactly(c);
        assertThat(policeUnclaimed.matching()).isEqualTo(1);
        // And for categories, from the tally's sets of categories (V57): "any of these" is every set holding one of
        // them, each contact counted once however many of them it has (b has 16A and 17A).
        WaitingContacts anyCategory = waiting.handle(new FindWaitingContacts(null, null, Set.of("3A", "16A", "17A"),
                null, false, 1));
        assertThat(ids(anyCategory)).containsExactly(c);
        assertThat(anyCategory.matching()).isEqualTo(3);
        WaitingContacts policeCategory = waiting.handle(new FindWaitingContacts(null, AgencyCode.of("demo-police"),
                Set.of("3A", "17A"), null, true, 1));
        assertThat(ids(policeCategory)).containsExactly(c);
        assertThat(policeCategory.matching()).isEqualTo(1);
        WaitingContacts amberCategory = waiting.handle(new FindWaitingContacts(Priority.AMBER, null, Set.of("17A", "9A"),
                null, false, 1));
        assertThat(ids(amberCategory)).containsExactly(b);
        assertThat(amberCategory.matching()).isEqualTo(1);
        assertThat(waiting.handle(new FindWaitingContacts(null, null, Set.of("21"), null, false, 1)).matching())
                .as("d, decided, is not counted").isZero();
    }

    @Test
    void narrowed_by_agency_or_category_the_queue_leaves_out_and_does_not_count_what_is_withheld_from_the_worker() {
        // B (the school's only waiting contact, 16A and 17A) is restricted from the worker; C's whole record is.
        Withheld withheld = new Withheld(Set.of(childC), Set.of(b));
        FindWaitingContacts bySchool = new FindWaitingContacts(null, AgencyCode.of("demo-school"), Set.of(), null, false,
                50);
        WaitingContacts school = waiting.handle(bySchool.withholding(withheld));
        assertThat(school.items()).isEmpty();
        assertThat(school.matching()).as("not counted from the tally either").isZero();
        assertThat(waiting.handle(bySchool).matching()).isEqualTo(1);
        WaitingContacts police = waiting.handle(new FindWaitingContacts(null, AgencyCode.of("demo-police"), Set.of(),
                null, false, 50).withholding(withheld));
        assertThat(ids(police)).containsExactly(a);
        assertThat(police.matching()).isEqualTo(1);
        WaitingContacts neglect = waiting.handle(new FindWaitingContacts(null, null, Set.of("16A"), null, false, 50)
                .withholding(withheld));
        assertThat(neglect.items()).isEmpty();
        assertThat(neglect.matching()).isZero();
        // Only agencies with something the worker may read are offered as filters.
        assertThat(police.agencies()).containsExactly(AgencyCode.of("demo-police"));
        // Narrowed by what a placeholder shows (its RAG, who holds it), or not at all, withheld contacts stay
        // listed, for the caller to show as placeholders, and counted.
        WaitingContacts amber = waiting.handle(new FindWaitingContacts(Priority.AMBER, null, Set.of(), null, false, 50)
                .withholding(withheld));
        assertThat(ids(amber)).containsExactly(b);
        assertThat(amber.matching()).isEqualTo(1);
        WaitingContacts all = waiting.handle(FindWaitingContacts.all(50).withholding(withheld));
        assertThat(ids(all)).containsExactly(c, a, b);
        assertThat(all.matching()).isEqualTo(3);
        assertThat(all.totalWaiting()).isEqualTo(3);
    }

    @Test
    void the_duty_board_sees_the_queue_health_and_the_proposals_waiting_for_a_manager() {
        QueueHealth health = board.handle(new FindQueueHealth(T0.plus(Duration.ofHours(3))));
        assertThat(health.lines()).extracting(QueueHealth.Line::priority)
                .containsExactly(Priority.RED, Priority.AMBER, null);
        assertThat(health.waiting()).isEqualTo(3);
        assertThat(health.overdue()).isEqualTo(1);
        QueueHealth.Line red = health.lines().get(0);
        assertThat(red.overdue()).isEqualTo(1);
        assertThat(red.byAge()).containsExactly(1L, 0L, 0L, 0L);
        assertThat(red.oldestReceivedAt()).isEqualTo(T0);
        // A day and a half on, everything waiting is between one and three days old.
        assertThat(board.handle(new FindQueueHealth(T0.plus(Duration.ofHours(36)))).lines())
                .allSatisfy(line -> assertThat(line.byAge()).containsExactly(0L, 0L, 1L, 0L));

        ProposalsAwaitingAuthorisation proposals = board.handle(new FindProposalsAwaitingAuthorisation(10));
        assertThat(proposals.total()).isEqualTo(1);
        assertThat(proposals.items()).singleElement().isEqualTo(new ProposalsAwaitingAuthorisation.Item(b,
                Priority.AMBER, 3, DecisionOutcome.EARLY_HELP, "sw2", T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofHours(8))));

        // A returned proposal leaves the board; the contact waits again as assessed.
        feed.apply(T0, new ProposalReturned(childB, b, "Check with health", MANAGER1, T0.plus(Duration.ofHours(3))));
        assertThat(board.handle(new FindProposalsAwaitingAuthorisation(10)).total()).isZero();
        assertThat(projection.handle(new FindTriageQueue(50)).items()).filteredOn(item -> item.contactId().equals(b))
                .singleElement().extracting(TriageQueue.Item::status).isEqualTo(ContactStatus.ASSESSED);
    }

    /**
     * The emergency duty team hands C back in the night: the day team's queue marks it, with who and when (what was
     * done stays on the contact page), the filtered queue too, a placeholder of it as well, and a replay the same.
     */
    @Test
    void a_contact_the_emergency_duty_team_handed_back_is_marked_on_the_queue() {
        Actor edt1 = new Actor("edt1", StaffRole.SOCIAL_WORKER, "demo-council");
        Instant handedBack = T0.plus(Duration.ofMinutes(40));
        feed.apply(T0, new HandedBackToDayTeam(childC, c, "Visited with police; safe with an aunt.", edt1, handedBack));

        TriageQueue queue = projection.handle(new FindTriageQueue(50));
        TriageQueue.Item marked = queue.items().stream().filter(item -> item.contactId().equals(c)).findFirst().orElseThrow();
        assertThat(marked.handedBack()).isTrue();
        assertThat(marked.handedBackAt()).isEqualTo(handedBack);
        assertThat(marked.handedBackBy()).isEqualTo("edt1");
        assertThat(marked.withheld().handedBackBy()).isEqualTo("edt1");
        assertThat(queue.items()).filteredOn(item -> !item.contactId().equals(c))
                .allSatisfy(item -> assertThat(item.handedBack()).isFalse())
                .extracting(TriageQueue.Item::handedBackBy).containsOnlyNulls();
        assertThat(waiting.handle(new FindWaitingContacts(null, null, Set.of(), null, false, 50, 0)).items())
                .filteredOn(item -> item.contactId().equals(c)).singleElement()
                .extracting(TriageQueue.Item::handedBackAt).isEqualTo(handedBack);
        assertThat(database.rows("triage_queue", "contact_id")).filteredOn(row -> c.value().equals(row.get("contact_id")))
                .singleElement().satisfies(row -> assertThat(row).doesNotContainValue("Visited with police; safe with an aunt."));

        List<Map<String, Object>> rows = database.rows("triage_queue", "contact_id");
        feed.replay();
        assertThat(database.rows("triage_queue", "contact_id")).isEqualTo(rows);
        assertThat(projection.handle(new FindTriageQueue(50))).isEqualTo(queue);
    }

    private static List<ContactId> ids(WaitingContacts contacts) {
        return contacts.items().stream().map(TriageQueue.Item::contactId).toList();
    }
}
