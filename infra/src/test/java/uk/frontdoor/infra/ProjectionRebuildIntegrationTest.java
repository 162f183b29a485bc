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
import uk.frontdoor.infra.bench.ReadSideAtAMillionEvents;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.SQLException;
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

    @Autowired
    private DataSource dataSource;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private org.axonframework.config.Configuration axon;

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

    /** Every segment has handled the head the rebuild started at (what the replay must reproduce). */
    private void awaitReplayedTo(String name, long head) {
        Awaitility.await(name).until(() -> projection(name), p -> {
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
