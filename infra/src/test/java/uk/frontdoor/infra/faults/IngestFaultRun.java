package uk.frontdoor.infra.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.infra.cluster.LoopbackCluster;
import uk.frontdoor.infra.cluster.LoopbackCluster.Node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's ingest runs (Maven profile {@code faults}, script {@code infra/fault-run.sh}): the packaged
 * service jar as its own process on the prod profile, against a PostgreSQL and a one-node KRaft Kafka that this
 * run starts and that outlive the service. Each run sends the load generator's contacts over Kafka and HTTP at
 * once (2% of them invalid) while something fails:
 * <ol>
 *     <li>the service is killed with SIGKILL mid-ingest and started again;</li>
 *     <li>the Kafka broker is stopped and started again;</li>
 *     <li>PostgreSQL is stopped and started again.</li>
 * </ol>
 * After each, it proves that every HTTP 202 and every valid Kafka record acknowledged by the broker is in the
 * event store exactly once (by submission id), that every invalid record is on the dead-letter topic and
 * nothing valid is, and that every projection catches up to the event store's count. During the outages the
 * health endpoint says DOWN (503) naming the component, and so does readiness for PostgreSQL; for the broker
 * readiness stays UP (every instance shares it; HTTP intake works without it) and the gauge
 * {@code frontdoor_kafka_reachable} says 0. Liveness stays UP, and everything comes back UP by itself. Figures are the {@code FAULT-RUN} lines. The contact count is
 * {@code -Dfrontdoor.faults.contacts} (the kill run; each restart run sends half), the rate
 * {@code -Dfrontdoor.faults.rate} a second (the kill run: faster than the service takes them, so the kill finds
 * work in flight; each restart run a third of it, so sending goes on through the outage).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestFaultRun {

    private static final int CONTACTS = Integer.getInteger("frontdoor.faults.contacts", 3000);
    private static final double RATE = Double.parseDouble(System.getProperty("frontdoor.faults.rate", "150"));
    private static final Duration CATCH_UP = Duration.ofMinutes(Long.getLong("frontdoor.faults.catch-up-minutes", 10));
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackCluster cluster;
    private Node service;
    private JdbcClient jdbc;
    private Admin admin;
    private DeadLetterWatch deadLetters;
    private long startedAt;

    @BeforeAll
    void start() throws Exception {
        startedAt = System.nanoTime();
        cluster = new LoopbackCluster(Path.of("target/fault-run"), Path.of("target/frontdoor.jar"));
        cluster.startPostgres();
        cluster.startIdentityProvider();
        cluster.startKafka(1);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1);
        service = cluster.startInstance();
        cluster.awaitReady(service, Duration.ofMinutes(5));
        // A new connection each time, so the test's own reads survive PostgreSQL's restart.
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(cluster.postgresJdbcUrl());
        jdbc = JdbcClient.create(dataSource);
        deadLetters = new DeadLetterWatch(cluster.bootstrapServers(), "contact-submissions.dlq");
        figure("service ready (PostgreSQL, Kafka, the jar)", System.nanoTime() - startedAt);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (deadLetters != null) {
                deadLetters.close();
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        figure("the whole fault run", System.nanoTime() - startedAt);
    }

    @Test
    @Order(1)
    void killed_with_sigkill_mid_ingest_and_started_again_it_loses_and_duplicates_nothing() throws Exception {
        long start = System.nanoTime();
        try (FaultIngest ingest = new FaultIngest("kill", cluster.bootstrapServers(), address(service), CONTACTS, RATE, 15)) {
            ingest.start();
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                    .until(() -> stored(ingest.prefix()) >= CONTACTS * 2 / 5);

            int acceptedBefore = ingest.accepted.size();
            ingest.killing();
            service.kill();
            int dispatchedAtKill = ingest.dispatched.get();
            Set<String> storedAtKill = storedIds(ingest.prefix());
            long kafkaStoredAtKill = storedAtKill.stream().filter(ingest.kafkaValid::contains).count();
            long kafkaDeadAtKill = deadLetters.keys(ingest.prefix()).size();
            long committed = committedOffsets();
            // Handled (stored or dead-lettered) but not committed: Kafka gives them to the restarted service again.
            long redelivered = Math.max(0, kafkaStoredAtKill + kafkaDeadAtKill - committed);
            System.out.printf("FAULT-RUN kill -9 after %d of %d dispatched: %d stored, %d HTTP 202s answered, %d Kafka"
                            + " records handled but not committed%n", dispatchedAtKill, CONTACTS, storedAtKill.size(),
                    acceptedBefore, redelivered);

            long killedAt = System.nanoTime();
            service = cluster.startInstance(service.port());
            cluster.awaitReady(service, Duration.ofMinutes(5));
            figure("kill -9 to ready again", System.nanoTime() - killedAt);
            assertThat(ingest.awaitFinished(CATCH_UP)).as("every submission sent and answered").isTrue();
            int httpCut = ingest.cutOff.size();
            assertThat(ingest.accepted).as("every HTTP request cut off by the kill answered 202 on a retry")
                    .containsAll(ingest.cutOff.stream().filter(ingest.httpValid::contains).toList());

            Counts counts = verify(ingest);
            System.out.printf("FAULT-RUN kill -9: sent %d (kafka %d valid + %d invalid, http %d valid + %d invalid);"
                            + " HTTP 202 %d, of them %d alreadyReceived on a retry after the kill; HTTP requests"
                            + " retried %d; killed mid-flight %d (HTTP %d + Kafka %d); found in the event store %d,"
                            + " each once; dead letters %s; projections %s%n",
                    ingest.sent(), ingest.kafkaValid.size(), ingest.kafkaInvalid.size(), ingest.httpValid.size(),
                    ingest.httpInvalid.size(), ingest.accepted.size(), ingest.alreadyReceived.size(),
                    ingest.retried.size(), httpCut + redelivered, httpCut, redelivered, counts.stored(),
                    counts.deadLetters(), counts.projections());
            figure("kill -9 run", System.nanoTime() - start);
        }
    }

    @Test
    @Order(2)
    void the_kafka_broker_stopped_and_started_mid_ingest_the_service_recovers_by_itself() throws Exception {
        restartMidIngest("broker", 16, "kafka", () -> cluster.stopBroker(1), () -> cluster.restartBroker(1));
    }

    @Test
    @Order(3)
    void postgresql_stopped_and_started_mid_ingest_the_service_recovers_by_itself() throws Exception {
        restartMidIngest("postgres", 17, "db", () -> cluster.stopPostgres(), () -> cluster.startPostgres());
    }

    private interface Step {
        void run() throws Exception;
    }

    private void restartMidIngest(String run, long seed, String component, Step stop, Step restart) throws Exception {
        long start = System.nanoTime();
        int contacts = Math.max(100, CONTACTS / 2);
        // A third of the kill run's rate, so that contacts are still being sent while the dependency is away.
        try (FaultIngest ingest = new FaultIngest(run, cluster.bootstrapServers(), address(service), contacts, RATE / 3, seed)) {
            ingest.start();
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                    .until(() -> stored(ingest.prefix()) >= contacts / 3);

            long stoppedAt = System.nanoTime();
            stop.run();
            String down = "\"" + component + "\":{\"status\":\"DOWN\"}";
            Probe health = awaitProbe("/actuator/health", p -> p.status() == 503 && p.body().contains(down));
            figure(component + " stopped to health DOWN", System.nanoTime() - stoppedAt);
            assertThat(health.body()).startsWith("{\"status\":\"DOWN\"");
            if (component.equals("kafka")) {
                // Every instance shares the broker: readiness leaves it out, so HTTP intake and the pages stay in
                // service; the gauge an alert watches says it is away.
                Probe readiness = probe("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(200);
                assertThat(readiness.body()).doesNotContain("\"kafka\"");
                awaitProbe("/actuator/prometheus", p -> p.body().contains("\nfrontdoor_kafka_reachable 0.0\n"));
            } else {
                Probe readiness = awaitProbe("/actuator/health/readiness", p -> p.status() == 503);
                assertThat(readiness.body()).contains(down);
            }
            Probe liveness = probe("/actuator/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"status\":\"UP\"");
            int dispatchedWhenDown = ingest.dispatched.get();

            long restartedAt = System.nanoTime();
            restart.run();
            awaitProbe("/actuator/health", p -> p.status() == 200);
            assertThat(probe("/actuator/health/readiness").status()).isEqualTo(200);
            if (component.equals("kafka")) {
                awaitProbe("/actuator/prometheus", p -> p.body().contains("\nfrontdoor_kafka_reachable 1.0\n"));
            }
            figure(component + " started to health UP", System.nanoTime() - restartedAt);
            assertThat(service.alive()).as("the service carried on through the outage").isTrue();
            assertThat(ingest.awaitFinished(CATCH_UP)).as("every submission sent and answered").isTrue();

            // A request that failed because the database was away was told so, and when to try again.
            assertThat(ingest.serverErrors).as("server errors answered during the %s outage", component)
                    .allMatch(answer -> answer.equals("503 with Retry-After"));
            Counts counts = verify(ingest);
            System.out.printf("FAULT-RUN %s restart: %d answered 503 with Retry-After; %s down %.1f s (%d of %d dispatched when health said DOWN); sent %d; HTTP 202 %d"
                            + " (%d alreadyReceived), HTTP requests retried %d (%d failed tries); found in the event"
                            + " store %d, each once; dead letters %s; projections %s%n", run,
                    ingest.serverErrors.size(), component, (restartedAt - stoppedAt) / 1e9, dispatchedWhenDown, contacts, ingest.sent(),
                    ingest.accepted.size(), ingest.alreadyReceived.size(), ingest.retried.size(),
                    ingest.failedTries.sum(), counts.stored(), counts.deadLetters(), counts.projections());
            figure(run + " restart run", System.nanoTime() - start);
        }
    }

    private record Counts(long stored, String deadLetters, Map<String, Long> projections) {
    }

    /**
     * Nothing lost, nothing twice: the event store holds exactly the submissions answered 202 over HTTP and the
     * valid ones acknowledged by Kafka, each once, with its threshold decision; every invalid Kafka record is
     * dead-lettered (and nothing valid is), every invalid HTTP one refused; every projection has them all.
     */
    private Counts verify(FaultIngest ingest) {
        String prefix = ingest.prefix();
        assertThat(ingest.kafkaFailed).as("records Kafka did not take").isEmpty();
        assertThat(ingest.httpFailed).as("HTTP submissions never answered").isEmpty();
        assertThat(ingest.accepted).as("HTTP 202s: every valid submission").isEqualTo(ingest.httpValid);
        assertThat(ingest.refused).as("HTTP refusals: every invalid submission").isEqualTo(ingest.httpInvalid);
        Set<String> expected = new HashSet<>(ingest.accepted);
        expected.addAll(ingest.kafkaValid);

        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> stored(prefix) >= expected.size()
                        && deadLetters.keys(prefix).size() >= ingest.kafkaInvalid.size());
        Map<String, Long> received = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' AS id, count(*) AS n
                        FROM domainevententry WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' LIKE ?
                        GROUP BY 1""").param(prefix + "%")
                .query((row, i) -> Map.entry(row.getString("id"), row.getLong("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(received.keySet()).as("submissions in the event store").isEqualTo(expected);
        assertThat(received).as("ContactReceived events per submission").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(stored(prefix)).as("contact registry").isEqualTo(expected.size());
        Map<String, String> dead = deadLetters.reasons(prefix);
        assertThat(dead.keySet()).as("dead letters: the invalid Kafka records, nothing else").isEqualTo(ingest.kafkaInvalid);
        assertThat(dead.values()).as("dead-letter reasons").containsOnly("INVALID_SUBMISSION");

        Map<String, String> projections = new LinkedHashMap<>();
        projections.put("threshold decisions (event store)", """
                SELECT count(*) FROM domainevententry e JOIN contact_registry r
                  ON r.contact_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'contactId'
                WHERE e.payloadtype = 'uk.frontdoor.triage.api.ThresholdAssessed' AND r.submission_id LIKE ?""");
        projections.put("contact_status", "SELECT count(*) FROM contact_status WHERE submission_id LIKE ?");
        projections.put("contact_status assessed", """
                SELECT count(*) FROM contact_status WHERE submission_id LIKE ? AND threshold IS NOT NULL""");
        projections.put("triage_queue", """
                SELECT count(*) FROM triage_queue q JOIN contact_registry r ON r.contact_id = q.contact_id
                WHERE r.submission_id LIKE ?""");
        projections.put("triage_queue assessed", """
                SELECT count(*) FROM triage_queue q JOIN contact_registry r ON r.contact_id = q.contact_id
                WHERE r.submission_id LIKE ? AND q.level IS NOT NULL""");
        projections.put("contact_submissions", """
                SELECT count(*) FROM contact_submissions s JOIN contact_registry r ON r.contact_id = s.contact_id
                WHERE r.submission_id LIKE ?""");
        projections.put("child_chronology received", """
                SELECT count(*) FROM child_chronology c JOIN contact_registry r ON r.contact_id = c.contact_id
                WHERE r.submission_id LIKE ? AND c.type = 'ContactReceived'""");
        projections.put("child_chronology assessed", """
                SELECT count(*) FROM child_chronology c JOIN contact_registry r ON r.contact_id = c.contact_id
                WHERE r.submission_id LIKE ? AND c.type = 'ThresholdAssessed'""");
        projections.put("performance_contacts", """
                SELECT count(*) FROM performance_contacts p JOIN contact_registry r ON r.contact_id = p.contact_id
                WHERE r.submission_id LIKE ?""");
        Map<String, Long> counts = new LinkedHashMap<>();
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
            projections.forEach((name, sql) -> counts.put(name, jdbc.sql(sql).param(prefix + "%").query(Long.class).single()));
            return counts.values().stream().allMatch(n -> n >= expected.size());
        });
        assertThat(counts).as("every projection caught up to the event store").allSatisfy((name, n) ->
                assertThat(n).as(name).isEqualTo(expected.size()));
        long deadRecords = deadLetters.records(prefix);
        return new Counts(received.size(), dead.size() + " keys in " + deadRecords + " records", counts);
    }

    private long stored(String prefix) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    private Set<String> storedIds(String prefix) {
        return new HashSet<>(jdbc.sql("SELECT submission_id FROM contact_registry WHERE submission_id LIKE ?")
                .param(prefix + "%").query(String.class).list());
    }

    /** The intake consumer group's committed offsets on the agencies' topics, summed over their partitions. */
    private long committedOffsets() throws Exception {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin
                .listConsumerGroupOffsets("frontdoor-intake").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().startsWith(FaultIngest.AGENCY_TOPIC_PREFIX)
                        && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private record Probe(int status, String body) {
    }

    private Probe probe(String path) throws InterruptedException {
        try {
            // Long enough for the db component, which waits for a connection up to the pool's timeout (30 s).
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(address(service).resolve(path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Probe(answer.statusCode(), answer.body());
        } catch (IOException noAnswer) {
            return new Probe(-1, String.valueOf(noAnswer));
        }
    }

    private Probe awaitProbe(String path, Predicate<Probe> wanted) {
        Probe[] last = new Probe[1];
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> wanted.test(last[0] = probe(path)));
        return last[0];
    }

    private static URI address(Node node) {
        return URI.create("http://localhost:" + node.port());
    }

    private static void figure(String name, long nanos) {
        System.out.printf("FAULT-RUN %s: %.1f s%n", name, nanos / 1e9);
    }
}
