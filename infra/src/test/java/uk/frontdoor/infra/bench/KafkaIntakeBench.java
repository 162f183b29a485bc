package uk.frontdoor.infra.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.load.LoadMix;
import uk.frontdoor.infra.load.LoadSettings;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write path from Kafka, timed: N valid partner submissions (the load generator's mix: police half,
 * schools and health the rest; NHS numbers as each partner knows them, so most police contacts are
 * recognised by name, birth date and address alone; 20% repeats about a child of an earlier contact) are
 * produced to the topic, and the clock stops when the last contact is committed: its registry row holds its
 * child, which is written in the same transaction as its events. The time until every contact has its
 * triage-queue row (the read side) is reported beside it.
 *
 * <p>The floor, measured in the same run on the same database: the rows the write path stored for those
 * contacts (events, registry, identity, matching, linked-history and scheduler rows), read back and
 * inserted again with plain batched JDBC (1,000 rows a batch and a commit) into empty copies of the same
 * tables with the same indexes. Rows and commits per contact come from PostgreSQL's statistics views.
 *
 * <p>Needs a fresh database (the floor copies whole tables): run it on its own.
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=KafkaIntakeBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfrontdoor.bench=true [-Dfrontdoor.bench.contacts=10000]</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
@Import(DecodingCount.class)
class KafkaIntakeBench extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    /** The tables a contact's own transaction writes; the floor inserts exactly their rows again. */
    private static final List<String> WRITE_PATH = List.of("domainevententry", "contact_registry", "child_identity",
            "child_identity_variant", "child_contact_facts", "scheduled_tasks");

    @Autowired
    DataSource dataSource;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<uk.frontdoor.infra.wakeup.DecodedEvents> decodedEvents;

    @Test
    void kafka_to_committed_contacts_beside_a_plain_jdbc_floor() throws Exception {
        int contacts = Integer.getInteger("frontdoor.bench.contacts", 10_000);
        warmUpOverKafka();
        String run = "LOAD-BENCH" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ProducerRecord<byte[], byte[]>> records = submissions(run, contacts);
        // -Dfrontdoor.bench.read-side=false: every read model stopped, to see what the write path does alone.
        boolean readSide = Boolean.parseBoolean(System.getProperty("frontdoor.bench.read-side", "true"));
        if (!readSide) {
            axon.eventProcessingConfiguration().eventProcessors().values()
                    .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
        }

        StatementStatistics statements = new StatementStatistics(jdbc);
        Map<String, long[]> tablesBefore = tableStats();
        long[] databaseBefore = databaseStats();
        double[] matchingBefore = matchingSearches();
        statements.reset();
        DecodingCount.reset();
        ProcessorCpu processorCpu = new ProcessorCpu();
        DatabaseCpu databaseCpu = new DatabaseCpu(jdbc);
        Map<String, Double> locksBefore = receptionLocks();
        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>(contacts);
        for (ProducerRecord<byte[], byte[]> record : records) {
            sent.add(kafka.send(record));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long produced = System.nanoTime();
        // Kafka is asked first: the listener commits a batch's offsets once its contacts are committed, and the count
        // below scans contact_registry, which in PostgreSQL's CPU would be counted as the service's.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            awaitConsumed(admin, "contact-submissions", "frontdoor-intake");
        }
        awaitCount("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ? AND child_id IS NOT NULL",
                run + "%", contacts);
        long committed = System.nanoTime();
        String locks = receptionLocksSince(locksBefore);
        if (readSide) {
            // Likewise the triage queue's processor first, then one count.
            long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> processorAt("triage-queue", head));
            awaitCount("SELECT count(*) FROM triage_queue q JOIN contact_registry r USING (contact_id) "
                    + "WHERE r.submission_id LIKE ?", run + "%", contacts);
        }
        long queued = System.nanoTime();
        if (readSide) {
            // Every read model at the head, so that what they read and decoded is counted whole.
            long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
            Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> allAt(head));
            // And every email they queued sent, so the outbox's sending is counted whole too.
            Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> unsentEmails() == 0);
        }
        Map<String, Long> decoded = DecodingCount.counts();
        String cpu = processorCpu.report(contacts);
        long databaseSpent = databaseCpu.available() ? databaseCpu.spent() : -1;
        long serviceThreads = processorCpu.spent("Kafka listener") + processorCpu.processors();
        // PostgreSQL publishes a backend's counters at the end of its transactions, at most once a second.
        Thread.sleep(1_500);
        Map<String, long[]> tablesAfter = tableStats();
        long[] databaseAfter = databaseStats();
        double[] matchingAfter = matchingSearches();
        String statementTimes = statements.top(25, contacts);

        // Every accepted submission is one contact, in its child's stream, with its threshold decision.
        assertThat(count("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?", run + "%"))
                .isEqualTo(contacts);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = ?")
                .param("uk.frontdoor.triage.api.ThresholdAssessed").query(Long.class).single())
                .isGreaterThanOrEqualTo(contacts);

        double writeSeconds = seconds(start, committed);
        System.out.printf("Kafka -> committed contacts: %.2f s, %,.0f contacts/s%n", writeSeconds, contacts / writeSeconds);
        Map<String, Long> floorRows = new LinkedHashMap<>();
        double floorSeconds = floor(floorRows);

        StringBuilder report = new StringBuilder();
        report.append(String.format("contacts %,d; produced in %.2f s; load average at the end %s%n", contacts,
                seconds(start, produced), Files.readString(Path.of("/proc/loadavg")).trim()));
        report.append(String.format("Kafka -> committed contacts: %.2f s, %,.0f contacts/s%n", writeSeconds,
                contacts / writeSeconds));
        report.append(readSide ? String.format("Kafka -> triage-queue rows:  %.2f s, %,.0f contacts/s%n",
                seconds(start, queued), contacts / seconds(start, queued)) : "read side stopped\n");
        double floorRate = floorRows.get("contact_registry") / floorSeconds;
        report.append(String.format("floor (batched JDBC, %s rows of %s contacts): %.2f s, %,.0f contacts/s; "
                        + "service at %.1f%% of it%n", floorRows.values().stream().mapToLong(Long::longValue).sum(),
                floorRows.get("contact_registry"), floorSeconds, floorRate, 100.0 * contacts / writeSeconds / floorRate));
        report.append(locks).append(System.lineSeparator());
        report.append(String.format("per contact, whole database (write and read side): %.2f commits, "
                        + "%.1f rows inserted, %.1f updated, %.1f deleted%n",
                per(databaseAfter[0] - databaseBefore[0], contacts), per(databaseAfter[1] - databaseBefore[1], contacts),
                per(databaseAfter[2] - databaseBefore[2], contacts), per(databaseAfter[3] - databaseBefore[3], contacts)));
        report.append(String.format("emails queued in the outbox in the run: %,d%n", jdbc.sql(
                "SELECT count(*) FROM notification_outbox WHERE created_at >= now() - make_interval(secs => ?)")
                .param(seconds(start, System.nanoTime())).query(Long.class).single()));
        report.append(String.format("matching: %,.0f first searches of a batch; %,.0f contacts matched on a search "
                        + "made again, in %,.0f statements%n", matchingAfter[0] - matchingBefore[0],
                matchingAfter[2] - matchingBefore[2], matchingAfter[1] - matchingBefore[1]));
        double fromMemory = matchingAfter[3] - matchingBefore[3];
        double read = matchingAfter[4] - matchingBefore[4];
        report.append(String.format("candidates' variants: %,.0f from memory, %,.0f read from the store (%.1f%% from "
                + "memory)%n", fromMemory, read, fromMemory + read == 0 ? 0 : 100 * fromMemory / (fromMemory + read)));
        report.append("per contact, by table (inserted / updated / deleted):\n");
        tablesAfter.forEach((table, after) -> {
            long[] before = tablesBefore.getOrDefault(table, new long[3]);
            if (after[0] + after[1] + after[2] > before[0] + before[1] + before[2]) {
                report.append(String.format("  %-34s %6.2f %6.2f %6.2f%s%n", table, per(after[0] - before[0], contacts),
                        per(after[1] - before[1], contacts), per(after[2] - before[2], contacts),
                        WRITE_PATH.contains(table) ? "  (write path)" : ""));
            }
        });
        long stored = tablesAfter.get("domainevententry")[0] - tablesBefore.getOrDefault("domainevententry", new long[3])[0];
        report.append(String.format("events stored %,d (%.2f a contact); payloads deserialised %,d (%.2f per stored "
                        + "event), by thread: %s%n", stored, per(stored, contacts),
                decoded.values().stream().mapToLong(Long::longValue).sum(),
                decoded.values().stream().mapToLong(Long::longValue).sum() / (double) stored, decoded));
        report.append(statements.trackingReads(stored));
        report.append(cpu);
        report.append(cpuBesideFloor(databaseSpent, serviceThreads,
                readSide ? "the listener and the processors" : "the listener", contacts, floorRows.get("contact_registry")));
        decodedEvents.ifAvailable(shared -> report.append(shared.statistics()).append('\n'));
        report.append(statementTimes);
        System.out.println(report);
        Files.writeString(Path.of("target", "kafka-intake-bench.txt"), report.toString());
    }

    /** The reception transactions so far, by the lock they took and whether they waited, and the keys they locked. */
    private Map<String, Double> receptionLocks() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        meters.find("frontdoor.reception.transactions").counters().forEach(counter -> counts.put(
                counter.getId().getTag("lock") + (Boolean.parseBoolean(counter.getId().getTag("waited")) ? " waited"
                        : " at once"), counter.count()));
        io.micrometer.core.instrument.DistributionSummary keys = meters.find("frontdoor.reception.lock.keys").summary();
        if (keys != null) {
            counts.put("~keys locked", keys.totalAmount());
            counts.put("~keyed transactions", (double) keys.count());
        }
        return counts;
    }

    private String receptionLocksSince(Map<String, Double> before) {
        Map<String, Double> after = receptionLocks();
        StringBuilder report = new StringBuilder("reception transactions in the run:");
        after.forEach((name, count) -> {
            if (!name.startsWith("~")) {
                report.append(String.format(" %s %,.0f;", name, count - before.getOrDefault(name, 0.0)));
            }
        });
        double keyed = after.getOrDefault("~keyed transactions", 0.0) - before.getOrDefault("~keyed transactions", 0.0);
        if (keyed > 0) {
            report.append(String.format(" %.0f keys a keyed transaction", (after.get("~keys locked")
                    - before.getOrDefault("~keys locked", 0.0)) / keyed));
        }
        return report.toString();
    }

    /**
     * The same mix posted over HTTP by {@code frontdoor.bench.clients} (8) clients at once, each waiting for
     * its answer (202, after the commit) before sending the next; the latency of each post and the rate.
     */
    @Test
    void http_clients_to_committed_contacts() throws Exception {
        int contacts = Integer.getInteger("frontdoor.bench.contacts", 10_000);
        int clients = Integer.getInteger("frontdoor.bench.clients", 8);
        post(warmUpSubmissions("LOAD-BENCHWARM" + UUID.randomUUID().toString().substring(0, 8) + "-"), clients);
        String run = "LOAD-BENCHHTTP" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ProducerRecord<byte[], byte[]>> records = submissions(run, contacts);
        // -Dfrontdoor.bench.read-side=false: every read model stopped, to see what the write path does alone.
        if (!Boolean.parseBoolean(System.getProperty("frontdoor.bench.read-side", "true"))) {
            axon.eventProcessingConfiguration().eventProcessors().values()
                    .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
        }
        StatementStatistics statements = new StatementStatistics(jdbc);
        statements.reset();
        ConnectionPoolFigures pool = ConnectionPoolFigures.from(meters);
        GroupCommitFigures groups = GroupCommitFigures.from(meters);
        ProcessorCpu threadCpu = new ProcessorCpu();
        DatabaseCpu databaseCpu = new DatabaseCpu(jdbc);
        Map<String, Double> locksBefore = receptionLocks();
        MachineCpu machine = new MachineCpu();
        long start = System.nanoTime();
        long[] latencies = post(records, clients);
        String machineFigures = machine.report();
        double seconds = seconds(start, System.nanoTime());
        String locks = receptionLocksSince(locksBefore);
        String groupFigures = GroupCommitFigures.from(meters).since(groups);
        String poolFigures = ConnectionPoolFigures.from(meters).since(pool);
        long databaseSpent = databaseCpu.available() ? databaseCpu.spent() : -1;
        String threadFigures = threadCpu.report(contacts);
        String statementTimes = statements.top(25, contacts);
        long writePathThreads = threadCpu.spent("group committers") + threadCpu.spent("HTTP request threads");
        java.util.Arrays.sort(latencies);
        assertThat(count("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ? AND child_id IS NOT NULL",
                run + "%")).isEqualTo(contacts);
        String figures = String.format("HTTP, %,d contacts from %d clients: %.2f s, %,.0f contacts/s; latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", contacts, clients, seconds, contacts / seconds,
                latencies[contacts / 2] / 1e6, latencies[(int) (contacts * 0.99)] / 1e6, latencies[contacts - 1] / 1e6)
                + groupFigures + System.lineSeparator() + poolFigures + System.lineSeparator() + machineFigures
                + System.lineSeparator() + locks
                + System.lineSeparator();
        System.out.print(figures);
        Map<String, Long> floorRows = new LinkedHashMap<>();
        double floorSeconds = floor(floorRows);
        double floorRate = floorRows.get("contact_registry") / floorSeconds;
        String report = figures + String.format("floor (batched JDBC, the write path's rows of %s contacts): %,.0f "
                        + "contacts/s; HTTP at %.1f%% of it; load average at the end %s%n", floorRows.get("contact_registry"),
                floorRate, 100.0 * contacts / seconds / floorRate, Files.readString(Path.of("/proc/loadavg")).trim())
                + threadFigures + cpuBesideFloor(databaseSpent, writePathThreads,
                "the request threads and the committers", contacts, floorRows.get("contact_registry"))
                + statementTimes;
        System.out.println(report);
        Files.writeString(Path.of("target", "http-intake-bench.txt"), report);
    }

    /**
     * Issue 14's "dead letters do not slow the good messages": the same number of valid contacts sent three
     * times, alone, then with invalid submissions among them ({@code frontdoor.bench.invalid-share}, 10%; each
     * one dead-lettered with its reason), then alone again. Each time, the clock stops when the last valid contact
     * is committed. The runs without dead letters are the floor, in the same JVM on the same database.
     */
    @Test
    void kafka_dead_letters_beside_the_same_contacts_without_them() throws Exception {
        int contacts = Integer.getInteger("frontdoor.bench.contacts", 5_000);
        double invalidShare = Double.parseDouble(System.getProperty("frontdoor.bench.invalid-share", "0.1"));
        warmUpOverKafka();
        double alone, poisoned, aloneAgain;
        int invalid = (int) Math.round(contacts * invalidShare / (1 - invalidShare));
        long deadLettered;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            alone = validContactsPerSecond(admin, contacts, 0, 11);
            long deadBefore = endOffsets(admin, "contact-submissions.dlq");
            poisoned = validContactsPerSecond(admin, contacts, invalid, 12);
            deadLettered = endOffsets(admin, "contact-submissions.dlq") - deadBefore;
            aloneAgain = validContactsPerSecond(admin, contacts, 0, 13);
        }
        String report = String.format("Kafka, %,d valid contacts each run; load average at the end %s%n"
                        + "  alone:                          %,.0f valid contacts/s%n"
                        + "  with %,d invalid among them:    %,.0f valid contacts/s (%,d dead letters)%n"
                        + "  alone again:                    %,.0f valid contacts/s%n"
                        + "  with dead letters / alone (mean of the two): %.2f%n",
                contacts, Files.readString(Path.of("/proc/loadavg")).trim(), alone, invalid, poisoned, deadLettered,
                aloneAgain, poisoned / ((alone + aloneAgain) / 2));
        System.out.println(report);
        Files.writeString(Path.of("target", "kafka-dead-letters-bench.txt"), report);
        assertThat(deadLettered).as("every invalid submission dead-lettered once").isEqualTo(invalid);
    }

    /**
     * Sends {@code valid} valid submissions with {@code invalid} invalid ones spread evenly among them; the valid
     * contacts committed a second, counted until the last of them is committed and every invalid one is on the
     * dead-letter topic.
     */
    private double validContactsPerSecond(Admin admin, int valid, int invalid, long seed) throws Exception {
        String run = "LOAD-BENCHDL" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ProducerRecord<byte[], byte[]>> good = submissions(run, valid, seed);
        List<ProducerRecord<byte[], byte[]>> bad = new ArrayList<>();
        LoadMix broken = new LoadMix(LoadSettings.parse("--run-id=" + run.substring("LOAD-".length(), run.length() - 1)
                + "X", "--invalid-share=1", "--seed=" + seed), Clock.systemUTC());
        for (int i = 0; i < invalid; i++) {
            LoadMix.Submission submission = broken.next(false);
            var record = new ProducerRecord<>(TOPIC, submission.submissionId().getBytes(StandardCharsets.UTF_8),
                    submission.body());
            record.headers().add("agency", "demo-police".getBytes(StandardCharsets.UTF_8));
            bad.add(record);
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(valid + invalid);
        for (int i = 0, b = 0; i < valid; i++) {
            records.add(good.get(i));
            while (b < invalid && (long) b * valid <= (long) i * invalid) {
                records.add(bad.get(b++));
            }
        }
        long deadBefore = endOffsets(admin, "contact-submissions.dlq");
        long start = System.nanoTime();
        records.forEach(kafka::send);
        kafka.flush();
        awaitCount("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ? AND child_id IS NOT NULL",
                run + "%", valid);
        long committed = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(2))
                .until(() -> endOffsets(admin, "contact-submissions.dlq") - deadBefore >= invalid);
        return valid / seconds(start, committed);
    }

    /** Records ever written to the topic: the sum of its partitions' end offsets. */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /**
     * Contacts sent and handled before the measured ones ({@code frontdoor.bench.warm-up}, 3,000), so that the
     * figures are the service's steady state: in a cold run the JIT compilers took a quarter of the machine.
     */
    private static int warmUp() {
        return Integer.getInteger("frontdoor.bench.warm-up", 3_000);
    }

    private void warmUpOverKafka() throws InterruptedException {
        String run = "LOAD-BENCHWARM" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ProducerRecord<byte[], byte[]>> records = warmUpSubmissions(run);
        records.forEach(kafka::send);
        kafka.flush();
        awaitCount("SELECT count(*) FROM triage_queue q JOIN contact_registry r USING (contact_id) "
                + "WHERE r.submission_id LIKE ?", run + "%", records.size());
    }

    /** Posts the records from {@code clients} clients, each waiting for its 202; the latency of each post. */
    private long[] post(List<ProducerRecord<byte[], byte[]>> records, int clients) throws Exception {
        Map<String, String> keys = Map.of("demo-police", POLICE_KEY, "demo-school", SCHOOL_KEY, "demo-health", HEALTH_KEY);
        long[] latencies = new long[records.size()];
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < records.size(); i = next.getAndIncrement()) {
                    ProducerRecord<byte[], byte[]> record = records.get(i);
                    String agency = new String(record.headers().lastHeader("agency").value(), StandardCharsets.UTF_8);
                    long sentAt = System.nanoTime();
                    var response = postContact(keys.get(agency), "application/json", record.value());
                    latencies[i] = System.nanoTime() - sentAt;
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("not accepted: " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        try {
            for (var client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    /**
     * The load generator's mix (police first, then schools and health; NHS numbers as each partner knows
     * them; a fifth of the contacts about a child already contacted about in the run), in a fixed order:
     * every child its own, as in a council's register, not thousands of children sharing one name, birth
     * date and address (as this benchmark's own generator had them until 6 December 2026, which made
     * every candidate search read the same 60 children).
     */
    private List<ProducerRecord<byte[], byte[]>> submissions(String run, int contacts) {
        return submissions(run, contacts, 42);
    }

    /** A warm-up's children are others than the measured run's (another seed), which must be new to the service. */
    private List<ProducerRecord<byte[], byte[]>> warmUpSubmissions(String run) {
        return submissions(run, warmUp(), 7);
    }

    private List<ProducerRecord<byte[], byte[]>> submissions(String run, int contacts, long seed) {
        LoadMix mix = new LoadMix(LoadSettings.parse("--run-id=" + run.substring("LOAD-".length(), run.length() - 1),
                "--repeat-share=0.2", "--invalid-share=0", "--seed=" + seed), Clock.systemUTC());
        Map<LoadSettings.Partner, String> agencies = Map.of(LoadSettings.Partner.POLICE, "demo-police",
                LoadSettings.Partner.SCHOOL, "demo-school", LoadSettings.Partner.HEALTH, "demo-health");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            LoadMix.Submission submission = mix.next(false);
            var record = new ProducerRecord<>(TOPIC, submission.submissionId().getBytes(StandardCharsets.UTF_8),
                    submission.body());
            record.headers().add("agency", agencies.get(submission.partner()).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return records;
    }

    private void awaitCount(String sql, String prefix, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (count(sql, prefix) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count(sql, prefix) + " of " + expected + " after 10 minutes");
            }
            // Not more often: each look scans contact_registry, and at every 20 ms the benchmark's own looks took
            // 3.8 s of PostgreSQL's time in a 10,000-contact run, from the service it measures.
            Thread.sleep(100);
        }
    }

    /** Every streaming processor of this node caught up, at or past the given global index. */
    private long unsentEmails() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    /** Waits until the consumer group has committed every record written to the topic so far. */
    private static void awaitConsumed(Admin admin, String topic, String group) throws Exception {
        long end = endOffsets(admin, topic);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                        .mapToLong(entry -> entry.getValue().offset()).sum() >= end);
    }

    /** The named processor's every segment at or past the given global index. */
    private boolean processorAt(String name, long head) {
        return axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head))
                .orElseThrow(() -> new AssertionError("no streaming processor " + name));
    }

    private boolean allAt(long head) {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private long count(String sql, String prefix) {
        return jdbc.sql(sql).param(prefix).query(Long.class).single();
    }

    /** Rows inserted, updated and deleted per table since the database started. */
    private Map<String, long[]> tableStats() {
        Map<String, long[]> stats = new LinkedHashMap<>();
        jdbc.sql("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relname")
                .query(rs -> {
                    stats.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return stats;
    }

    /**
     * The matching counters: first searches of a batch, searches again, contacts matched on a search again, and
     * candidates' variants from memory and read.
     */
    private double[] matchingSearches() {
        return new double[]{meters.get("frontdoor.matching.searches").tag("search", "ahead").counter().count(),
                meters.get("frontdoor.matching.searches").tag("search", "again").counter().count(),
                meters.get("frontdoor.matching.searched.again").counter().count(),
                meters.get("frontdoor.matching.candidate.variants").tag("from", "memory").functionCounter().count(),
                meters.get("frontdoor.matching.candidate.variants").tag("from", "store").functionCounter().count()};
    }

    private long[] databaseStats() {
        return jdbc.sql("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database "
                        + "WHERE datname = current_database()")
                .query((rs, row) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
    }

    /** The last floor's CPU: PostgreSQL's processes' and the inserting thread's, in nanoseconds. */
    private long[] floorCpu;

    /**
     * CPU per contact, the service's beside the floor's: PostgreSQL's processes (-1 where they cannot be read) and
     * the given JVM threads' for the service, PostgreSQL's and the inserting thread's for the floor. Neither depends
     * on how loaded the machine is, as rates do.
     */
    private String cpuBesideFloor(long serviceDatabase, long serviceThreads, String threads, int contacts,
                                  long floorContacts) {
        if (serviceDatabase < 0 || floorCpu[0] < 0) {
            return "PostgreSQL's CPU could not be read (not a local server)\n";
        }
        double service = (serviceDatabase + serviceThreads) / 1e6 / contacts;
        double floor = (floorCpu[0] + floorCpu[1]) / 1e6 / floorContacts;
        return String.format(java.util.Locale.ROOT, "CPU per contact: PostgreSQL %.3f ms + %s %.3f ms = %.3f ms; "
                        + "the floor's: PostgreSQL %.3f ms + its inserting thread %.3f ms = %.3f ms; the service "
                        + "spends %.1f times the floor's CPU a contact (%.1f%% of the floor by CPU)%n",
                serviceDatabase / 1e6 / contacts, threads, serviceThreads / 1e6 / contacts, service,
                floorCpu[0] / 1e6 / floorContacts, floorCpu[1] / 1e6 / floorContacts, floor, service / floor,
                100 * floor / service);
    }

    /** The write path's rows inserted again, batched, into empty copies of their tables; seconds taken. */
    private double floor(Map<String, Long> rowsPerTable) throws Exception {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : WRITE_PATH) {
                statement.execute("DROP TABLE IF EXISTS floor_" + table);
                statement.execute("CREATE TABLE floor_" + table + " (LIKE " + table + " INCLUDING ALL)");
                // Generated columns are computed by PostgreSQL on insert, as they are for the service.
                columns.put(table, jdbc.sql("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                                + "FROM information_schema.columns WHERE table_schema = current_schema() "
                                + "AND table_name = ? AND is_generated = 'NEVER'")
                        .param(table).query(String.class).single());
                List<Object[]> copy = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT " + columns.get(table) + " FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Object[] row = new Object[meta.getColumnCount()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = rs.getObject(c + 1);
                        }
                        copy.add(row);
                    }
                }
                rows.put(table, copy);
                rowsPerTable.put(table, (long) copy.size());
            }
        }
        DatabaseCpu databaseCpu = new DatabaseCpu(jdbc);
        long threadCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
                if (table.getValue().isEmpty()) {
                    continue;
                }
                int width = table.getValue().get(0).length;
                String sql = "INSERT INTO floor_" + table.getKey() + " (" + columns.get(table.getKey()) + ") VALUES ("
                        + "?,".repeat(width - 1) + "?)";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int pending = 0;
                    for (Object[] row : table.getValue()) {
                        for (int c = 0; c < width; c++) {
                            insert.setObject(c + 1, row[c]);
                        }
                        insert.addBatch();
                        if (++pending == 1_000) {
                            insert.executeBatch();
                            connection.commit();
                            pending = 0;
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        double seconds = seconds(start, System.nanoTime());
        floorCpu = new long[]{databaseCpu.available() ? databaseCpu.spent() : -1,
                java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu};
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : WRITE_PATH) {
                statement.execute("DROP TABLE floor_" + table);
            }
        }
        return seconds;
    }

    private static double per(long total, int contacts) {
        return (double) total / contacts;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
