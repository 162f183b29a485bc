package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.infra.axon.BulkReplayPages;
import uk.frontdoor.infra.bench.ReadSideAtAMillionEvents;
import uk.frontdoor.infra.operations.ProjectionAdmin;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild's replay in bulk ({@code BulkReplay}, the projection admin's default) against the whole service: every
 * read model it rebuilds equals the one built live, the others are left alone, events stored while it runs are
 * handled once, a failing handler is counted and its event retried, and another instance cannot take the segments
 * while it runs.
 */
class ProjectionRebuildIntegrationTest extends IntegrationTestSupport {

    private static final String SYSADMIN = staff("sysadmin1");
    private static final String ADMIN = "/api/v1/admin/projections";
    private static final Pattern PROBE_FAILURES = Pattern.compile(
            "frontdoor_projection_failures_total\\{[^}]*projection=\"FailureProbeProjection\"[^}]*} ([0-9.]+)");
    /** The read models' tables, by the processing group that writes them (its reset handlers empty them). */
    private static final Map<String, List<String>> TABLES = new TreeMap<>(ReadSideAtAMillionEvents.TABLES);

    static {
        // The queue's tally too: a bulk page works it out itself, without the row triggers (V74).
        TABLES.put("triage-queue", List.of("triage_queue", "triage_queue_tally"));
    }

    /** The tally as the queue's rows make it (V57): what its totals must hold whichever way they were kept. */
    private static final String TALLY_OF_THE_ROWS = """
            SELECT coalesce(priority, '') AS priority, agency, factors, count(*) AS waiting,
                   count(*) FILTER (WHERE claimed_by IS NULL) AS unclaimed
            FROM triage_queue WHERE status <> 'DECIDED' GROUP BY 1, 2, 3""";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private org.axonframework.config.Configuration axon;
    @Autowired
    private ProjectionAdmin admin;

    @Test
    void every_read_model_rebuilt_in_bulk_equals_the_one_built_live_and_the_others_are_untouched() {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> posted = postContact(POLICE_KEY, submission());
            assertThat(posted.statusCode()).isEqualTo(202);
            contacts.add(contactIdOf(posted));
        }
        contacts.forEach(this::awaitQueueItem);
        assertThat(postJson("/api/v1/contacts/" + contacts.get(0) + "/claim", staff("sw1"), null).statusCode())
                .isEqualTo(204);
        Awaitility.await().until(() -> "sw1".equals(queueItems().stream()
                .filter(item -> contacts.get(0).equals(item.get("contactId"))).findFirst().orElseThrow()
                .get("claimedBy")));
        TABLES.keySet().forEach(this::awaitUpToDate);
        Map<String, Object> live = readModels();

        for (String projection : TABLES.keySet()) {
            long head = rebuild(projection);
            awaitReplayedTo(projection, head);

            assertThat(readModels()).as("after rebuilding " + projection).isEqualTo(live);
        }
    }

    /** The read models with a bulk path of their own (BulkPage, RowWrites' COPY), rebuilt in pages of every size. */
    private static final List<String> BULK_READ_MODELS = List.of("triage-queue", "chronology", "contact-status");

    @Test
    void the_read_models_with_a_bulk_path_rebuilt_in_pages_of_every_size_equal_the_ones_built_live() {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(contactIdOf(postContact(POLICE_KEY, submission())));
        }
        contacts.forEach(this::awaitQueueItem);
        // Rows changed after their receipt, in every way the queue's tally follows: claimed, released, decided.
        claim(contacts.get(0));
        claim(contacts.get(1));
        assertThat(postJson("/api/v1/contacts/" + contacts.get(1) + "/release", staff("sw1"), null).statusCode())
                .isEqualTo(204);
        claim(contacts.get(2));
        propose(contacts.get(2));
        claim(contacts.get(3));
        propose(contacts.get(3));
        authorise(contacts.get(3));
        // Two records linked (the chronology's links), and a child erased: its rows written on one page and deleted
        // on a later one, and none of its personal data read back through the page's keys.
        String linked = childOf(contacts.get(4));
        assertThat(postJson("/api/v1/children/" + linked + "/links", staff("sw1"),
                Map.of("otherChildId", childOf(contacts.get(5)), "reason", "Linked for the test")).statusCode())
                .isEqualTo(204);
        ChildIdentity erased = ChildIdentity.fresh();
        String erasedContact = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), erased)));
        awaitQueueItem(erasedContact);
        String erasedChild = childOf(erasedContact);
        assertThat(postJson("/api/v1/children/" + erasedChild + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY")).statusCode()).isEqualTo(202);
        HttpResponse<String> erasure = postJson("/api/v1/children/" + erasedChild + "/erasure/authorise",
                staff("manager2"), null);
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(200);
        BULK_READ_MODELS.forEach(this::awaitUpToDate);
        assertThat(holding(erased.givenName())).as("live, after the erasure").isEmpty();
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();

        try {
            for (String readModel : BULK_READ_MODELS) {
                // One event a page (each change of a row in a later page than its receipt), a few, and all in one.
                for (int size : new int[]{1, 2, 3, 5, 8, 13, 1_000, (int) events + 100}) {
                    Map<String, Object> live = readModels();
                    assertThat(tally()).isEqualTo(tallyOfTheRows());
                    BulkReplayPages.pageSize(admin, size);
                    long head = rebuild(readModel);
                    awaitReplayedTo(readModel, head);

                    assertThat(readModels()).as(readModel + " in pages of " + size).isEqualTo(live);
                    assertThat(jdbc.sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single())
                            .as("deltas left, pages of " + size).isZero();
                    assertThat(holding(erased.givenName())).as(readModel + " in pages of " + size).isEmpty();
                    // An event past the head ends the replay (Axon's replay token), so that the next rebuild may
                    // start; its contact is handled live, and the next rebuild must make that too.
                    awaitQueueItem(contactIdOf(postContact(POLICE_KEY, submission())));
                    BULK_READ_MODELS.forEach(this::awaitUpToDate);
                    Awaitility.await().until(() -> !Boolean.TRUE.equals(projection(readModel).get("replaying")));
                }
            }
        } finally {
            BulkReplayPages.pageSize(admin, 5_000);
        }
    }

    /** The read models' tables in which this text appears anywhere in a row. */
    private List<String> holding(String text) {
        return TABLES.values().stream().flatMap(List::stream)
                .filter(table -> jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?")
                        .param("%" + text + "%").query(Long.class).single() > 0)
                .toList();
    }

    @Test
    void contacts_stored_and_changed_while_the_triage_queue_is_rebuilt_leave_its_tally_exact() {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(contactIdOf(postContact(POLICE_KEY, submission())));
        }
        before.forEach(this::awaitQueueItem);
        awaitUpToDate("triage-queue");
        List<String> during = new ArrayList<>();
        try {
            // Pages of one event: the replay is still under way while contacts arrive and are claimed and decided.
            BulkReplayPages.pageSize(admin, 1);
            long head = rebuild("triage-queue");
            for (int i = 0; i < 3; i++) {
                during.add(contactIdOf(postContact(POLICE_KEY, submission())));
            }
            claim(before.get(0));
            claim(before.get(1));
            propose(before.get(1));
            authorise(before.get(1));
            awaitReplayedTo("triage-queue", head);
        } finally {
            BulkReplayPages.pageSize(admin, 5_000);
        }
        during.forEach(this::awaitQueueItem);
        awaitUpToDate("triage-queue");

        assertThat(tally()).isEqualTo(tallyOfTheRows());
        assertThat(jdbc.sql("SELECT count(*) FROM triage_queue_tally_delta").query(Long.class).single()).isZero();
    }

    private void claim(String contact) {
        assertThat(postJson("/api/v1/contacts/" + contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
    }

    private void propose(String contact) {
        assertThat(postJson("/api/v1/contacts/" + contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN"))
                .statusCode()).isEqualTo(204);
        assertThat(postJson("/api/v1/contacts/" + contact + "/proposal", staff("sw1"), Map.of("outcome", "EARLY_HELP",
                "rationale", "Family support is enough.")).statusCode()).isEqualTo(204);
    }

    private void authorise(String contact) {
        HttpResponse<String> authorised = postJson("/api/v1/contacts/" + contact + "/proposal/authorise",
                staff("manager1"), Map.of("reason", "Agreed."));
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(204);
        Awaitility.await().until(() -> "DECIDED".equals(jdbc.sql("SELECT status FROM triage_queue WHERE contact_id = ?")
                .param(contact).query(String.class).optional().orElse(null)));
    }

    private List<String> tally() {
        return jdbc.sql("SELECT priority, agency, factors, waiting, unclaimed FROM triage_queue_tally")
                .query().listOfRows().stream().map(ProjectionRebuildIntegrationTest::comparable).sorted().toList();
    }

    private List<String> tallyOfTheRows() {
        return jdbc.sql(TALLY_OF_THE_ROWS).query().listOfRows().stream()
                .map(ProjectionRebuildIntegrationTest::comparable).sorted().toList();
    }

    @Test
    void events_stored_while_a_rebuild_runs_are_handled_once_and_another_instance_cannot_take_its_segments() {
        postContact(POLICE_KEY, submission());
        awaitUpToDate(ReplayProbeProjection.NAME);
        var held = new CountDownLatch(1);
        ReplayProbeProjection.gate.set(held);
        List<String> during = new ArrayList<>();
        try {
            long head = rebuild(ReplayProbeProjection.NAME);
            Awaitility.await().until(() -> Boolean.TRUE.equals(projection(ReplayProbeProjection.NAME).get("replaying")));
            for (int i = 0; i < 3; i++) {
                during.add(contactIdOf(postContact(POLICE_KEY, submission())));
            }
            during.forEach(this::awaitQueueItem);
            assertThat(projection(ReplayProbeProjection.NAME)).containsEntry("state", "REBUILDING");
            assertThat(head).isPositive();

            TokenStore elsewhere = JdbcTokenStore.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .serializer(axon.serializer())
                    .nodeId("another-instance")
                    .build();
            TransactionTemplate transaction = new TransactionTemplate(transactionManager);
            int[] segments = transaction.execute(status -> elsewhere.fetchSegments(ReplayProbeProjection.NAME));
            assertThat(segments).isNotEmpty();
            for (int segment : segments) {
                assertThatThrownBy(() -> transaction.executeWithoutResult(
                        status -> elsewhere.fetchToken(ReplayProbeProjection.NAME, segment)))
                        .as("segment " + segment).isInstanceOf(UnableToClaimTokenException.class);
            }
        } finally {
            held.countDown();
        }
        Awaitility.await().until(() -> ReplayProbeProjection.handled.size() >= storedReceipts());

        assertThat(ReplayProbeProjection.handled).hasSize((int) storedReceipts());
        assertThat(ReplayProbeProjection.handled.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
    }

    @Test
    void a_handler_failing_during_a_rebuild_is_counted_and_its_event_is_retried_not_skipped() {
        ObjectNode submission = submission();
        String submissionId = FailureProbeProjection.PREFIX + UUID.randomUUID();
        submission.put("submissionId", submissionId);
        assertThat(postContact(POLICE_KEY, submission).statusCode()).isEqualTo(202);
        Awaitility.await().until(() -> FailureProbeProjection.processed.contains(submissionId));
        awaitUpToDate("failure-probe");
        FailureProbeProjection.processed.clear();
        double failuresBefore = probeFailures();
        // The first failure is the bulk replay's; the processor, started after it, meets the others.
        FailureProbeProjection.failuresToGo.set(3);

        long head = rebuild("failure-probe");

        Awaitility.await().until(() -> FailureProbeProjection.processed.contains(submissionId));
        awaitReplayedTo("failure-probe", head);
        assertThat(probeFailures() - failuresBefore).isEqualTo(3);
    }

    private double probeFailures() {
        Matcher matcher = PROBE_FAILURES.matcher(get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Starts a rebuild; the store's head when it started. */
    private long rebuild(String name) {
        HttpResponse<String> started = postJson(ADMIN + "/" + name + "/rebuild", SYSADMIN, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(body(started)).containsEntry("state", "REBUILDING");
        return ((Number) ((Map<?, ?>) body(started).get("lastRebuild")).get("headAtStart")).longValue();
    }

    /**
     * Every segment has handled the head the rebuild started at (what the replay must reproduce). The wait grows with
     * the events to replay: in pages of one event, each is a transaction of its own, and a loaded machine (two test
     * JVMs on two cores) took the default 30 s over about 950 of them, which take 8 s on a quiet one.
     */
    private void awaitReplayedTo(String name, long head) {
        Awaitility.await(name).atMost(Duration.ofSeconds(30 + head / 10)).until(() -> projection(name), p -> {
            assertThat(p.get("state")).as(name).isNotEqualTo("ERROR");
            List<?> segments = (List<?>) p.get("segments");
            return Boolean.TRUE.equals(p.get("running")) && !segments.isEmpty()
                    && ((Number) p.get("position")).longValue() >= head;
        });
    }

    private Map<String, Object> projection(String name) {
        HttpResponse<String> status = get(ADMIN + "/" + name, SYSADMIN);
        assertThat(status.statusCode()).isEqualTo(200);
        return body(status);
    }

    private long storedReceipts() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'")
                .query(Long.class).single();
    }

    /** Every read model's rows, each table's in a fixed order, values as comparable text. */
    private Map<String, Object> readModels() {
        Map<String, Object> all = new LinkedHashMap<>();
        TABLES.values().stream().flatMap(List::stream).forEach(table -> all.put(table,
                jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                        .map(ProjectionRebuildIntegrationTest::comparable)
                        .sorted()
                        .toList()));
        return all;
    }

    private static String comparable(Map<String, Object> row) {
        Map<String, String> values = new TreeMap<>();
        row.forEach((column, value) -> values.put(column, value == null ? "null"
                : value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                : value instanceof Array array ? arrayText(array)
                : value.toString()));
        return values.toString();
    }

    private static String arrayText(Array array) {
        try {
            return java.util.Arrays.deepToString((Object[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
