package uk.frontdoor.infra.bench;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.operations.ProjectionAdmin;
import uk.frontdoor.infra.operations.ProjectionStatus;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import javax.sql.DataSource;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side at a million stored events: each projection rebuilt from them (reset and replay, as the
 * projection admin page does) and timed, beside a floor measured in the same run (a plain batched JDBC
 * insert of the very rows the projection produced); then all seven replaying at once, which is what the
 * read side must sustain when contacts arrive; then the queue's and chronology's queries at the open
 * contacts that leaves (about 100,000).
 *
 * <p>The events are the service's own event classes, serialised by Axon's event serializer and copied
 * into {@code domainevententry} as the JDBC storage engine stores them: per contact a
 * {@code ContactReceived}, {@code ThresholdAssessed} and a decision clock's {@code ClockStarted}; half of
 * the contacts are then claimed, proposed, authorised and their clock stopped, a few hundred contacts
 * later in the store, as in a working day. One contact in five is about a child already known.
 * Not part of the normal build:
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=ReadSideAtAMillionEvents -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true</pre>
 * <p>{@code -Dfrontdoor.bench.events=200000} for a shorter run; {@code -Dfrontdoor.bench.projections=triage-queue,chronology}
 * to rebuild only some; {@code -Dfrontdoor.bench.together=false} to skip rebuilding them all at once.
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
public class ReadSideAtAMillionEvents extends IntegrationTestSupport {

    private static final int EVENTS = Integer.getInteger("frontdoor.bench.events", 1_000_000);
    private static final Actor SOCIAL_WORKER = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    private static final String[] AGENCIES = {"demo-police", "demo-police", "demo-police", "demo-school",
            "demo-health", "bench-housing"};
    private static final String[][] FACTORS = {{"3A"}, {"10A"}, {"16A", "17A"}, {"2C", "3A"}, {"18B"}, {"4A"},
            {"1A", "3B"}, {"12A"}, {"16A"}, {"19B"}};
    private static final ThresholdAssessed.Priority[] PRIORITIES = ThresholdAssessed.Priority.values();
    private static final int QUERIES = 300;

    @Autowired
    private org.axonframework.config.Configuration axon;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ProjectionAdmin admin;
    @Autowired
    private QueryGateway queries;
    @Autowired
    private DataSource dataSource;

    private final List<String> openChildren = new ArrayList<>();

    @Test
    void rebuild_every_projection_and_query_at_a_million_events() throws Exception {
        Map<String, StreamingEventProcessor> processors = streamingProcessors();
        // Nothing else reads the store meanwhile (the linked-history processor, the tests' probes).
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        StringBuilder report = new StringBuilder();
        long start = System.nanoTime();
        int contacts = store(EVENTS);
        long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        long stored = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        report.append(String.format("Stored %,d events (%,d contacts) in %.1f s; %,d events in the store, head %,d.%n%n",
                EVENTS, contacts, seconds(start), stored, head));

        List<String> names = Optional.ofNullable(System.getProperty("frontdoor.bench.projections"))
                .map(list -> List.of(list.split(","))).orElse(List.copyOf(processors.keySet()));
        report.append("| projection | rebuild s | events/s | rows written | floor s (batched JDBC insert of the same rows) "
                + "| floor events/s | rebuild / floor |\n|---|---|---|---|---|---|---|\n");
        StatementStatistics statements = new StatementStatistics(jdbc);
        for (String name : names) {
            statements.reset();
            double rebuild = rebuild(List.of(name), stored);
            // PostgreSQL's time by statement during the rebuild, when pg_stat_statements is preloaded.
            String top = statements.top(12, contacts);
            if (!top.isEmpty()) {
                System.out.println(name + ", calls and time per contact:\n" + top);
            }
            Floor floor = floor(TABLES.get(name));
            report.append(String.format("| %s | %.1f | %,.0f | %,d | %.1f | %,.0f | %.0f%% |%n", name, rebuild,
                    stored / rebuild, floor.rows(), floor.seconds(), stored / floor.seconds(),
                    100 * floor.seconds() / rebuild));
            System.out.println(report);
        }
        if (!"false".equals(System.getProperty("frontdoor.bench.together"))) {
            processors.values().forEach(StreamingEventProcessor::shutDown);
            double together = rebuild(names, stored);
            report.append(String.format("%nAll %d rebuilt at once: %.1f s, %,.0f events/s each, %,.0f contacts/s.%n%n",
                    names.size(), together, stored / together, contacts / together));
            System.out.println(report);
        }

        report.append(queryLatencies(names.contains("chronology")));
        System.out.println(report);
        Files.writeString(Path.of("target/read-side-at-a-million.md"), report);
    }

    /** The read-model tables each processing group writes (its reset handlers empty them). */
    public static final Map<String, List<String>> TABLES = Map.of(
            "contact-submissions", List.of("contact_submissions"),
            "triage-queue", List.of("triage_queue"),
            "contact-status", List.of("contact_status"),
            "chronology", List.of("child_chronology", "child_links"),
            "alerts", List.of("timeliness_clocks"),
            "performance", List.of("performance_contacts", "performance_clocks", "performance_strategy_discussions",
                    "performance_child_links"),
            "family", List.of("family_contact", "family_key", "family_link"));

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> found = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming && TABLES.containsKey(entry.getKey())) {
                found.put(entry.getKey(), streaming);
            }
        }
        return found;
    }

    /** Resets and restarts the processors together; seconds until every one has passed the head. */
    private double rebuild(List<String> names, long head) {
        long start = System.nanoTime();
        for (String name : names) {
            admin.rebuild(name, new Actor("sysadmin1", StaffRole.SYSTEM_MANAGER, "demo-council"));
        }
        for (String name : names) {
            int segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = ?").param(name)
                    .query(Integer.class).single();
            Awaitility.await(name).atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
                ProjectionStatus status = admin.projection(name).orElseThrow();
                assertThat(status.error()).as(name + " in error").isFalse();
                // Not the rebuild's "complete": Axon keeps a replay token until an event past the head arrives,
                // and none will here. Every segment having handled the head is the end of the work.
                return status.running() && status.segments().size() == segments && status.position() >= head;
            });
        }
        return seconds(start);
    }

    private record Floor(long rows, double seconds) {
    }

    /**
     * The same rows, read back and inserted by batches of 1,000 (autocommit per batch) into an empty copy
     * of each table with the same indexes: what writing them costs PostgreSQL with nothing else around.
     */
    private Floor floor(List<String> tables) throws Exception {
        long rows = 0;
        double seconds = 0;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        for (String table : tables) {
            String copy = "bench_floor_" + table;
            template.execute("DROP TABLE IF EXISTS " + copy);
            template.execute("CREATE TABLE " + copy + " (LIKE " + table + " INCLUDING ALL)");
            List<Object[]> all = new ArrayList<>();
            int[] columns = {0};
            template.query("SELECT * FROM " + table, (ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                columns[0] = meta.getColumnCount();
                Object[] row = new Object[columns[0]];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                all.add(row);
            });
            if (all.isEmpty()) {
                template.execute("DROP TABLE " + copy);
                continue;
            }
            String insert = "INSERT INTO " + copy + " VALUES (" + String.join(", ", java.util.Collections.nCopies(
                    columns[0], "?")) + ")";
            long start = System.nanoTime();
            for (int from = 0; from < all.size(); from += 1_000) {
                template.batchUpdate(insert, all.subList(from, Math.min(all.size(), from + 1_000)));
            }
            seconds += seconds(start);
            rows += all.size();
            template.execute("DROP TABLE " + copy);
        }
        return new Floor(rows, seconds);
    }

    /** The queries' latencies; the chronology's only when it was rebuilt (else it is empty). */
    private String queryLatencies(boolean chronology) {
        // The tally after the rebuild, before autovacuum has been by: its folds leave dead rows behind.
        String tally = jdbc.sql("SELECT format('%s rows, %s pages', count(*), pg_relation_size('triage_queue_tally') / 8192)"
                + " FROM triage_queue_tally").query(String.class).single();
        jdbc.sql("VACUUM ANALYZE triage_queue").update();
        jdbc.sql("VACUUM ANALYZE triage_queue_tally").update();
        jdbc.sql("VACUUM ANALYZE child_chronology").update();
        tally += jdbc.sql("SELECT format(' (%s pages after VACUUM)', pg_relation_size('triage_queue_tally') / 8192)")
                .query(String.class).single();
        // Its deltas' table (V62), which no query reads: each transaction folds its own at its commit.
        tally += jdbc.sql("SELECT format('; deltas waiting: %s, in %s pages', count(*),"
                + " pg_relation_size('triage_queue_tally_delta') / 8192) FROM triage_queue_tally_delta")
                .query(String.class).single();
        long open = jdbc.sql("SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED'").query(Long.class).single();
        Random random = new Random(7);
        Map<String, java.util.function.IntFunction<Object>> cases = new LinkedHashMap<>();
        cases.put("queue (FindTriageQueue, first 50)", i -> queries.query(new FindTriageQueue(50, 0),
                ResponseTypes.instanceOf(TriageQueue.class)).join());
        cases.put("queue (FindTriageQueue, page 1,000 of 50)", i -> queries.query(new FindTriageQueue(50, 49_950),
                ResponseTypes.instanceOf(TriageQueue.class)).join());
        // The same page found by a cursor after the previous page's last contact (V63), as the API's next address does.
        List<TriageQueue.Item> before = queries.query(new FindTriageQueue(50, 49_900),
                ResponseTypes.instanceOf(TriageQueue.class)).join().items();
        // (None when the triage queue was not among the projections rebuilt: its rows are then not all there.)
        if (!before.isEmpty()) {
            QueueCursor after = QueueCursor.of(before.get(before.size() - 1));
            cases.put("queue (FindTriageQueue, page 1,000 of 50, by cursor)", i -> queries.query(
                    new FindTriageQueue(50, 49_950, after, null), ResponseTypes.instanceOf(TriageQueue.class)).join());
        }
        cases.put("queue filtered: RAG red (FindWaitingContacts)", i -> queries.query(new FindWaitingContacts(
                ThresholdAssessed.Priority.RED, null, Set.of(), null, false, 50), ResponseTypes.instanceOf(
                WaitingContacts.class)).join());
        cases.put("queue filtered: one agency, unclaimed", i -> queries.query(new FindWaitingContacts(
                null, AgencyCode.of("demo-school"), Set.of(), null, true, 50), ResponseTypes.instanceOf(
                WaitingContacts.class)).join());
        // What the unclaimed filter's count was before the tally kept it (V55): counting the matching rows.
        cases.put("floor of the above: its matching rows counted (before V55)", i -> jdbc.sql(
                "SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED' AND agency = 'demo-school' "
                        + "AND claimed_by IS NULL").query(Long.class).single());
        cases.put("queue filtered: category 12A", i -> queries.query(new FindWaitingContacts(
                null, null, Set.of("12A"), null, false, 50), ResponseTypes.instanceOf(WaitingContacts.class)).join());
        // The floor beside them, at the same load: a round trip to the database that does no work.
        cases.put("floor: SELECT 1 (a round trip doing nothing)", i -> jdbc.sql("SELECT 1").query(Integer.class).single());
        if (chronology) {
            cases.put("chronology of a random child with an open contact", i -> queries.query(new FindChildChronology(
                            ChildId.of(openChildren.get(random.nextInt(openChildren.size())))),
                    ResponseTypes.optionalInstanceOf(ChildChronology.class)).join().orElseThrow());
        }
        StringBuilder table = new StringBuilder(String.format(
                "Queries through the query bus (in process, no HTTP, no sign-in) at %,d open contacts, %d each after 30 "
                        + "to warm up; the queue's tally after the rebuild: %s:%n%n| query | p50 ms | p95 ms | p99 ms | max ms |%n"
                        + "|---|---|---|---|---|%n", open, QUERIES, tally));
        for (Map.Entry<String, java.util.function.IntFunction<Object>> each : cases.entrySet()) {
            for (int i = 0; i < 30; i++) {
                each.getValue().apply(i);
            }
            double[] times = new double[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                long start = System.nanoTime();
                each.getValue().apply(i);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f |%n", each.getKey(), percentile(times, 50),
                    percentile(times, 95), percentile(times, 99), percentile(times, 100)));
        }
        return table.toString();
    }

    /**
     * Writes {@code events} events as the storage engine would, with PostgreSQL's COPY (CSV, payloads
     * as hex bytea). Returns how many contacts they hold.
     */
    private int store(int events) throws Exception {
        Serializer serializer = axon.eventSerializer();
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        String metaHex = "\\x" + HexFormat.of().formatHex(metaData);
        Random random = new Random(42);
        Map<String, Long> sequences = new HashMap<>();
        List<String> children = new ArrayList<>();
        Deque<ChildEvent[]> decisionsLater = new ArrayDeque<>();
        Instant at = Instant.parse("2026-11-02T07:00:00Z");
        StringBuilder csv = new StringBuilder(1 << 24);
        int written = 0;
        int contacts = 0;
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                    + "payload, payloadrevision, payloadtype, timestamp) FROM STDIN WITH (FORMAT csv)";
            while (written < events) {
                at = at.plusMillis(400);
                ChildId child;
                if (!children.isEmpty() && random.nextInt(5) == 0) {
                    child = ChildId.of(children.get(random.nextInt(children.size())));
                } else {
                    child = ChildId.of(UUID.randomUUID().toString());
                    children.add(child.value());
                }
                ContactId contact = ContactId.of(UUID.randomUUID().toString());
                contacts++;
                boolean decided = random.nextBoolean();
                List<ChildEvent> now = contactArrives(child, contact, at, random);
                if (decided) {
                    decisionsLater.addLast(decision(child, contact, at, random));
                } else {
                    openChildren.add(child.value());
                }
                // A decision lands about 300 contacts after its contact (minutes later in a busy morning).
                if (decisionsLater.size() > 300 || (written + now.size() >= events && !decisionsLater.isEmpty())) {
                    now = new ArrayList<>(now);
                    now.addAll(Arrays.asList(decisionsLater.removeFirst()));
                }
                for (ChildEvent event : now) {
                    if (written >= events) {
                        break;
                    }
                    long sequence = sequences.merge(event.childId().value(), 1L, Long::sum) - 1;
                    SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
                    csv.append(event.childId().value()).append(',').append(sequence).append(",Child,")
                            .append(UUID.randomUUID()).append(',').append(metaHex).append(",\\x")
                            .append(HexFormat.of().formatHex(payload.getData())).append(',')
                            .append(payload.getType().getRevision() == null ? "" : payload.getType().getRevision())
                            .append(',').append(payload.getType().getName()).append(',')
                            .append(DateTimeUtils.formatInstant(at)).append('\n');
                    written++;
                }
                if (csv.length() > (1 << 24) - (1 << 16) || written >= events) {
                    copy.copyIn(sql, new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
        }
        return contacts;
    }

    private static List<ChildEvent> contactArrives(ChildId child, ContactId contact, Instant at, Random random) {
        String agency = AGENCIES[random.nextInt(AGENCIES.length)];
        String[] factors = FACTORS[random.nextInt(FACTORS.length)];
        String given = "Kid" + Integer.toString(random.nextInt(1 << 20), 36);
        String family = "Fam" + Integer.toString(random.nextInt(1 << 16), 36);
        ContactSubmission submission = new ContactSubmission("SUB-" + contact.value().substring(0, 8), "6",
                new ContactSubmission.Referrer("PC Dee Officer", "Constable", "Demo Police", null, null),
                new ContactSubmission.Child(given, family, LocalDate.of(2011, 1, 1).plusDays(random.nextInt(5_000)),
                        null, ContactSubmission.Sex.MALE, null,
                        new ContactSubmission.Address(random.nextInt(200) + " Long Road", null, "Reading",
                                "RG" + (1 + random.nextInt(40)) + " " + random.nextInt(10) + "AB"),
                        null, null, null),
                List.of(new ContactSubmission.HouseholdMember("Mum" + given, family, "mother", null)),
                new ContactSubmission.Concerns(List.of(factors), List.of("CHILD_PRESENT"),
                        "The child was present during an assault at home; officers attended and the child was spoken to."),
                at.minus(2, ChronoUnit.HOURS), new ContactSubmission.Consent(ContactSubmission.ConsentStatus.GIVEN, null),
                false, null);
        ThresholdAssessed.Priority priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
        Instant due = at.plus(Duration.ofHours(4 + random.nextInt(40)));
        ThresholdAssessed assessed = new ThresholdAssessed(child, contact, at, new ThresholdAssessed.Threshold(
                2 + random.nextInt(3), priority, due, due, List.of(), new ThresholdAssessed.RuleSet("berkshire-threshold",
                "2026.1"), List.of(new ThresholdAssessed.RuleFired("DA-CHILD-PRESENT", "Domestic abuse, child present"))));
        ClockStarted clock = new ClockStarted(child, contact, contact.value() + "/CONTACT_DECISION",
                ClockType.CONTACT_DECISION, contact.value(), "MASH", priority, at, due.minus(Duration.ofHours(2)), due,
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        return List.of(new ContactReceived(child, contact, AgencyCode.of(agency), Channel.KAFKA, at, submission),
                assessed, clock);
    }

    private static ChildEvent[] decision(ChildId child, ContactId contact, Instant received, Random random) {
        Instant claimed = received.plus(Duration.ofMinutes(20));
        Instant decided = claimed.plus(Duration.ofMinutes(40));
        DecisionOutcome outcome = DecisionOutcome.values()[random.nextInt(DecisionOutcome.values().length)];
        return new ChildEvent[]{
                new ContactClaimed(child, contact, SOCIAL_WORKER, claimed),
                new DecisionProposed(child, contact, outcome, "Seen the police report and the school's reply.",
                        List.of("demo-police", "demo-school"), false, SOCIAL_WORKER, claimed.plus(Duration.ofMinutes(30))),
                new ProposalAuthorised(child, contact, outcome, SOCIAL_WORKER.userId(), outcome.level(), false,
                        "Agreed.", false, MANAGER, decided),
                new ClockStopped(child, contact, contact.value() + "/CONTACT_DECISION", ClockType.CONTACT_DECISION,
                        ClockStopped.Reason.DONE, received, received.plus(Duration.ofHours(24)), decided, false,
                        Duration.between(received, decided), decided)};
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
