package uk.frontdoor.infra.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.evaluation.MatchQuality;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.MatchingLockKeys;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matching's statements in the write path, measured by PostgreSQL's CPU (from {@code /proc}, load-independent) in one
 * embedded server, the two ways compared alternately (issue 14). The batch candidate search with the batch's sound-alike
 * keys given or computed in the statement; and what writing matching's variants costs:
 * {@code child_identity_variant}'s inserts in batches
 * as a reception writes them, with the staff search's trigram GIN index as shipped (its pending list,
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
        inDatabase((jdbc, dataSource) -> {
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

    /**
     * The batch search's PostgreSQL CPU a contact at {@code frontdoor.bench.search-known} known children (100,000), with
     * the batch's sound-alike keys given and with them computed in the statement, alternated in the same server; and
     * {@code dmetaphone}'s calls a contact each way.
     */
    @Test
    void the_batch_search_with_its_sound_keys_given_and_computed() throws Exception {
        int known = Integer.getInteger("frontdoor.bench.search-known", 100_000);
        int contacts = Integer.getInteger("frontdoor.bench.search-contacts", 2_000);
        int rounds = Integer.getInteger("frontdoor.bench.search-rounds", 3);
        MatchQuality.Scenario scenario = MatchQuality.scenario(4, known, contacts, LocalDate.of(2026, 12, 1));
        List<IdentityFacts> searched = scenario.contacts().stream().map(MatchQuality.Contact::facts).toList();
        inDatabase((jdbc, dataSource) -> {
            CandidateFinder finder = new CandidateFinder(jdbc);
            List<MatchQuality.KnownChild> children = scenario.known();
            for (int from = 0; from < children.size(); from += 50_000) {
                finder.rememberAll(children.subList(from, Math.min(children.size(), from + 50_000)).stream()
                        .map(k -> new CandidateFinder.Seen(Integer.toString(k.child().id()), k.firstRecord()))
                        .toList(), Instant.parse("2026-06-01T00:00:00Z"));
            }
            jdbc.sql("VACUUM ANALYZE child_identity_variant").update();
            List<List<IdentityFacts>> batches = new ArrayList<>();
            List<List<String[]>> keys = new ArrayList<>();
            for (int from = 0; from < searched.size(); from += BATCH) {
                List<IdentityFacts> batch = searched.subList(from, Math.min(searched.size(), from + BATCH));
                batches.add(batch);
                keys.add(finder.soundKeys(batch.stream().map(MatchingLockKeys::names).toList()));
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "batch candidate search, %,d known, %,d contacts in batches of %d%n"
                            + "| sound keys | PostgreSQL CPU a contact | candidates a contact | load |%n|---|---|---|---|%n",
                    children.size(), searched.size(), BATCH));
            for (int round = 0; round < rounds * 2 + 1; round++) {
                boolean given = round % 2 == 1;
                DatabaseCpu cpu = new DatabaseCpu(jdbc);
                long found = 0;
                for (int b = 0; b < batches.size(); b++) {
                    for (List<?> candidates : finder.findAll(batches.get(b), given ? keys.get(b) : null)) {
                        found += candidates.size();
                    }
                }
                long spent = cpu.spent();
                // The first round warms the server's caches, and is not reported.
                if (round > 0) {
                    report.append(String.format(Locale.ROOT, "| %s | %.3f ms | %.1f | %s |%n",
                            given ? "given" : "computed", spent / 1e6 / searched.size(),
                            (double) found / searched.size(), Files.readString(Path.of("/proc/loadavg")).trim()));
                }
            }
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            for (boolean given : new boolean[]{false, true}) {
                long calls = transaction.execute(status -> {
                    jdbc.sql("SET LOCAL track_functions = 'all'").update();
                    // Before and after: counts not yet reported may hold an earlier transaction's.
                    String pending = "SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions "
                            + "WHERE funcname = 'dmetaphone'";
                    long before = jdbc.sql(pending).query(Long.class).single();
                    for (int b = 0; b < batches.size(); b++) {
                        finder.findAll(batches.get(b), given ? keys.get(b) : null);
                    }
                    return jdbc.sql(pending).query(Long.class).single() - before;
                });
                report.append(String.format(Locale.ROOT, "dmetaphone calls a contact, keys %s: %.1f%n",
                        given ? "given" : "computed", (double) calls / searched.size()));
            }
            System.out.println(report);
        });
    }

    /** What a benchmark does with its own embedded server, migrated as the service's. */
    private interface InDatabase {
        void run(JdbcClient jdbc, DataSource dataSource) throws Exception;
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
                work.run(JdbcClient.create(dataSource), dataSource);
            }
        }
    }
}
