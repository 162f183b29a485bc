package uk.frontdoor.infra.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Latency from sending a contact to its committed triage-queue row, at a steady rate (100 contacts a second
 * unless {@code -Dfrontdoor.bench.rate} says otherwise)
 * over HTTP (issue 14's target: p99 under 50 ms). The floor, measured in the same run, is the HTTP
 * answer itself: the service answers 202 once the contact's events are committed to the event store,
 * so the difference is the time the read side takes to notice and project them.
 * <p>
 * When a queue row commits is seen exactly: a trigger made for the run sends {@code NOTIFY} with the
 * contact id from the projection's transaction, which PostgreSQL delivers at its commit to a listening
 * connection of the benchmark's own. Not part of the normal build; run it on its own (add
 * {@code -Dfrontdoor.events.wake-up=false} for the processors' default polling):
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=SendToQueueRowLatency -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class SendToQueueRowLatency extends IntegrationTestSupport {

    private static final int RATE_PER_SECOND = Integer.getInteger("frontdoor.bench.rate", 100);
    /** A gentler warm-up: a cold JVM on a shared 2-core box cannot take 100/s in its first seconds. */
    private static final int WARM_UP_RATE = Math.min(25, RATE_PER_SECOND);
    private static final int WARM_UP = Integer.getInteger("frontdoor.bench.warm-up", 400);
    private static final int TIMED = Integer.getInteger("frontdoor.bench.contacts", 3_000);
    /**
     * Every contact about a child of its own (a unique name, birth date and address, no NHS number, as most police
     * contacts come), unless {@code -Dfrontdoor.bench.same-child-details=true}: the workload of the runs until
     * 7 December 2026, the police example's one name, birth date and address with a fresh NHS number each, where
     * every contact's candidate search reads all the namesakes before it and is searched again for those of its
     * own group, so the write side slows as the run goes on (docs/benchmarks.md, "The HTTP intake: where a
     * request's time goes").
     */
    private static final boolean SAME_CHILD_DETAILS = Boolean.getBoolean("frontdoor.bench.same-child-details");

    @Autowired
    private JdbcConnectionDetails database;
    @Autowired
    private Environment environment;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void send_to_queue_row_at_a_steady_rate() throws Exception {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION bench_queue_row() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_notify('bench_queue_rows', NEW.contact_id || ' ' || (extract(epoch FROM now()) * 1e6)::bigint
                    || ' ' || (extract(epoch FROM clock_timestamp()) * 1e6)::bigint); RETURN NULL; END $$""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS bench_queue_row ON triage_queue").update();
        jdbc.sql("CREATE TRIGGER bench_queue_row AFTER INSERT ON triage_queue FOR EACH ROW EXECUTE FUNCTION bench_queue_row()")
                .update();
        Map<String, Long> rowCommitted = new ConcurrentHashMap<>();
        Thread listener = listen(rowCommitted, stages);
        try {
            run(WARM_UP, WARM_UP_RATE, rowCommitted);
            GroupCommitFigures groups = GroupCommitFigures.from(meters);
            ConnectionPoolFigures pool = ConnectionPoolFigures.from(meters);
            MachineCpu machine = new MachineCpu();
            ProcessorCpu processorCpu = new ProcessorCpu();
            long commitsBefore = commits();
            Run timed = run(TIMED, RATE_PER_SECOND, rowCommitted);
            String groupFigures = GroupCommitFigures.from(meters).since(groups) + System.lineSeparator()
                    + String.format("database commits a contact (whole run, every transaction): %.2f%n",
                    (commits() - commitsBefore) / (double) TIMED)
                    + processorCpu.report(TIMED) + System.lineSeparator()
                    + ConnectionPoolFigures.from(meters).since(pool) + System.lineSeparator() + machine.report();
            String table = String.format("""
                            | %d contacts at %d/s over HTTP, wake-up %s%s | p50 ms | p95 ms | p99 ms | max ms |
                            |---|---|---|---|---|
                            | floor: send to 202 (contact committed to the event store) | %.1f | %.1f | %.1f | %.1f |
                            | send to committed triage-queue row | %.1f | %.1f | %.1f | %.1f |
                            | 202 to committed queue row, per contact (the read side's share) | %.1f | %.1f | %.1f | %.1f |
                            """, TIMED, RATE_PER_SECOND, environment.getProperty("frontdoor.events.wake-up", "true"),
                    SAME_CHILD_DETAILS ? ", one child's details for all" : ", each child its own",
                    percentile(timed.accepted, 50), percentile(timed.accepted, 95), percentile(timed.accepted, 99),
                    percentile(timed.accepted, 100), percentile(timed.queued, 50), percentile(timed.queued, 95),
                    percentile(timed.queued, 99), percentile(timed.queued, 100), percentile(timed.readSide, 50),
                    percentile(timed.readSide, 95), percentile(timed.readSide, 99), percentile(timed.readSide, 100));
            table += groupFigures + System.lineSeparator() + "load average at the end " + Files.readString(Path.of("/proc/loadavg"));
            System.out.println(table);
            Files.writeString(Path.of("target/send-to-queue-row.md"), table);
        } finally {
            listener.interrupt();
            listener.join(5_000);
            jdbc.sql("DROP TRIGGER IF EXISTS bench_queue_row ON triage_queue").update();
        }
    }

    private record Run(List<Double> accepted, List<Double> queued, List<Double> readSide) {
    }

    /** Sends {@code count} contacts at the rate, each on its own schedule (a slow answer delays no other). */
    private Run run(int count, int rate, Map<String, Long> rowCommitted) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredWall = new ConcurrentHashMap<>();
        List<Double> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch answered = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(bytes(SAME_CHILD_DETAILS ? submission() : aChildOfItsOwn(submission(), ChildIdentity.fresh())));
        }
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            long sent = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", bearer(POLICE_KEY))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long done = System.nanoTime();
                        if (failure != null || response.statusCode() != 202) {
                            failures.incrementAndGet();
                        } else {
                            String contact = contactIdOf(response);
                            sentAt.put(contact, sent);
                            answeredAt.put(contact, done);
                            answeredWall.put(contact, wallMicros());
                            accepted.add((done - sent) / 1e6);
                        }
                        answered.countDown();
                    });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        try {
            assertThat(answered.await(count / rate + 120, TimeUnit.SECONDS)).isTrue();
        } finally {
            clock.shutdownNow();
        }
        assertThat(failures).hasValue(0);
        await().atMost(Duration.ofMinutes(2)).until(() -> rowCommitted.keySet().containsAll(sentAt.keySet()));
        List<Double> queued = new ArrayList<>();
        List<Double> readSide = new ArrayList<>();
        sentAt.forEach((contact, sent) -> {
            queued.add((rowCommitted.get(contact) - sent) / 1e6);
            readSide.add((rowCommitted.get(contact) - answeredAt.get(contact)) / 1e6);
        });
        List<Double> toStart = new ArrayList<>();
        List<Double> startToInsert = new ArrayList<>();
        List<Double> insertToCommit = new ArrayList<>();
        List<String> slowest = new ArrayList<>();
        answeredWall.forEach((contact, answeredMicros) -> {
            long[] at = stages.get(contact);
            toStart.add((at[0] - answeredMicros) / 1e3);
            startToInsert.add((at[1] - at[0]) / 1e3);
            insertToCommit.add((at[2] - at[1]) / 1e3);
        });
        answeredWall.entrySet().stream()
                .sorted(java.util.Comparator.comparingLong(e -> -(stages.get(e.getKey())[2] - e.getValue())))
                .limit(15)
                .forEach(e -> {
                    long[] at = stages.get(e.getKey());
                    slowest.add(String.format("202 at %d: +%.1f ms first statement, +%.1f insert, +%.1f commit heard",
                            e.getValue() / 1000 % 100_000_000, (at[0] - e.getValue()) / 1e3, (at[1] - e.getValue()) / 1e3,
                            (at[2] - e.getValue()) / 1e3));
                });
        System.out.printf("stages (ms, p50/p95/p99/max): 202 to the queue transaction's first statement %s; "
                        + "first statement to the row's insert %s; insert to commit heard %s%n",
                figures(toStart), figures(startToInsert), figures(insertToCommit));
        slowest.forEach(System.out::println);
        return new Run(accepted, queued, readSide);
    }

    private static String figures(List<Double> values) {
        return String.format("%.1f/%.1f/%.1f/%.1f", percentile(values, 50), percentile(values, 95),
                percentile(values, 99), percentile(values, 100));
    }

    /**
     * Per contact, in microseconds of the wall clock: the queue row's transaction's start (PostgreSQL's {@code now()}:
     * its first statement), the row's insert ({@code clock_timestamp()}) and the commit heard (the notification).
     */
    private final Map<String, long[]> stages = new ConcurrentHashMap<>();

    private Thread listen(Map<String, Long> rowCommitted, Map<String, long[]> stages) throws Exception {
        Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                database.getPassword());
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN bench_queue_rows");
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        Thread thread = new Thread(() -> {
            try (connection) {
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notifications = postgres.getNotifications(100);
                    long now = System.nanoTime();
                    long wall = wallMicros();
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            String[] parts = notification.getParameter().split(" ");
                            rowCommitted.putIfAbsent(parts[0], now);
                            stages.putIfAbsent(parts[0], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), wall});
                        }
                    }
                }
            } catch (Exception e) {
                if (!Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException(e);
                }
            }
        }, "bench-queue-rows");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private long commits() {
        return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class).single();
    }

    private static long wallMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static double percentile(List<Double> values, double percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
