package uk.frontdoor.infra.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.evaluation.MatchQuality;
import uk.frontdoor.triage.identity.matching.CandidateFinder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matching's variants' writes in the write path, measured by PostgreSQL's CPU (from {@code /proc}, load-independent)
 * in one embedded server, the two ways compared alternately (issue 14): {@code child_identity_variant}'s inserts in
 * batches as a reception writes them, with the staff search's trigram GIN index as shipped (its pending list,
 * {@code fastupdate}) and with {@code fastupdate} off, one after the other in the same server, PostgreSQL's CPU a
 * variant read from {@code /proc} (load-independent) and each batch's time. The pending list's flush is counted where
 * it happens: in a batch's insert when the list is full, and at each round's end for what is left in it.
 *
 * <pre>./mvnw -o -B verify -pl infra -am -Dtest=MatchingWritePathBench -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class MatchingWritePathBench {

    private static final int KNOWN = Integer.getInteger("frontdoor.bench.known", 20_000);
    private static final int PER_ROUND = Integer.getInteger("frontdoor.bench.variants", 10_000);
    private static final int BATCH = Integer.getInteger("frontdoor.bench.batch", 200);
    private static final String INDEX = "child_identity_full_name_trgm";

    @Test
    void variants_written_with_the_trigram_index_pending_list_and_without() throws Exception {
        List<String> modes = List.of(System.getProperty("frontdoor.bench.modes", "on,off,on,off,on,off").split(","));
        int needed = KNOWN + PER_ROUND * modes.size();
        // The scenario draws 90% of its population as known: asked for 5% more than needed, it has enough.
        MatchQuality.Scenario scenario = MatchQuality.scenario(3, needed + needed / 20, 0, LocalDate.of(2026, 12, 1));
        List<CandidateFinder.Seen> all = scenario.known().stream()
                .map(k -> new CandidateFinder.Seen(Integer.toString(k.child().id()), k.firstRecord())).toList();
        inDatabase(jdbc -> {
            CandidateFinder finder = new CandidateFinder(jdbc);
            Instant seen = Instant.parse("2026-06-01T00:00:00Z");
            finder.rememberAll(all.subList(0, KNOWN), seen);
            // Only the rounds' own work is measured: no autovacuum flushing the list between them.
            jdbc.sql("ALTER TABLE child_identity_variant SET (autovacuum_enabled = false)").update();
            jdbc.sql("VACUUM ANALYZE child_identity_variant").update();
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "child_identity_variant inserts, %,d known, %,d new variants a round in batches of %d%n"
                            + "| fastupdate | PostgreSQL CPU a variant | of it the leftover flush | batch p50 ms | "
                            + "p99 ms | max ms | load |%n|---|---|---|---|---|---|---|%n", KNOWN, PER_ROUND, BATCH));
            int from = KNOWN;
            for (String mode : modes) {
                jdbc.sql("ALTER INDEX " + INDEX + " SET (fastupdate = " + mode + ")").update();
                jdbc.sql("SELECT gin_clean_pending_list('" + INDEX + "')").query(Long.class).single();
                jdbc.sql("CHECKPOINT").update();
                DatabaseCpu cpu = new DatabaseCpu(jdbc);
                double[] millis = new double[PER_ROUND / BATCH];
                for (int b = 0; b < millis.length; b++) {
                    List<CandidateFinder.Seen> batch = all.subList(from + b * BATCH, from + (b + 1) * BATCH);
                    long start = System.nanoTime();
                    finder.rememberAll(batch, seen.plusSeconds(from + b));
                    millis[b] = (System.nanoTime() - start) / 1e6;
                }
                long writes = cpu.spent();
                jdbc.sql("SELECT gin_clean_pending_list('" + INDEX + "')").query(Long.class).single();
                long total = cpu.spent();
                from += PER_ROUND;
                Arrays.sort(millis);
                report.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %.1f | %.1f | %.1f | %s |%n",
                        mode, total / 1e3 / PER_ROUND, (total - writes) / 1e3 / PER_ROUND,
                        millis[millis.length / 2], millis[(int) Math.floor(millis.length * 0.99)],
                        millis[millis.length - 1], Files.readString(Path.of("/proc/loadavg")).trim()));
            }
            System.out.println(report);
        });
    }

    /** What a benchmark does with its own embedded server, migrated as the service's. */
    private interface InDatabase {
        void run(JdbcClient jdbc) throws Exception;
    }

    /** An embedded PostgreSQL with the service's schema and a pool of two, for {@code work}; stopped after it. */
    private static void inDatabase(InDatabase work) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                .setServerConfig("synchronous_commit", "off").start()) {
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(2);
            try (HikariDataSource dataSource = new HikariDataSource(pool)) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .placeholders(Map.of("runtimeRole", "")).load().migrate();
                work.run(JdbcClient.create(dataSource));
            }
        }
    }
}
