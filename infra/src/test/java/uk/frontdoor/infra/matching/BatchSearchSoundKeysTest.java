package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.MatchingLockKeys;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's candidate search given the sound-alike keys the batch already has (issue 14): the same candidates as each
 * contact's own search, and PostgreSQL does not compute the keys again.
 */
class BatchSearchSoundKeysTest {

    private static final Instant SEEN = Instant.parse("2026-11-03T10:00:00Z");

    private static MatchingDatabase database;
    private static JdbcClient jdbc;
    private static CandidateFinder finder;
    private static List<IdentityFacts> batch;
    private static List<String[]> keys;

    @BeforeAll
    static void start() throws IOException {
        database = MatchingDatabase.start();
        jdbc = database.jdbc();
        finder = new CandidateFinder(jdbc);
        Random random = new Random(20261207L);
        // Few enough known that no rule reaches its limit: which rows a limit keeps is the plan's to choose.
        for (int i = 0; i < 80; i++) {
            finder.remember("known-" + i, MatchingLockKeysTest.crowded(random), SEEN);
            if (i % 5 == 0) {
                finder.remember("known-" + i, MatchingLockKeysTest.crowded(random), SEEN.plusSeconds(60));
            }
        }
        batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(MatchingLockKeysTest.crowded(random));
        }
        keys = finder.soundKeys(batch.stream().map(MatchingLockKeys::names).toList());
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void a_batch_given_its_sound_keys_finds_for_each_contact_what_its_own_search_finds() {
        List<String[]> someKeys = new ArrayList<>(keys);
        for (int i = 0; i < someKeys.size(); i += 3) {
            someKeys.set(i, null);
        }

        List<List<Candidate>> given = finder.findAll(batch, keys);
        List<List<Candidate>> computed = finder.findAll(batch);
        List<List<Candidate>> partly = finder.findAll(batch, someKeys);

        int found = 0;
        for (int i = 0; i < batch.size(); i++) {
            List<Candidate> own = finder.find(batch.get(i));
            assertThat(own).as("contact %d: below the search's limit", i).hasSizeLessThan(CandidateFinder.MAX_CANDIDATES);
            assertThat(given.get(i)).as("contact %d, keys given", i).isEqualTo(own);
            assertThat(computed.get(i)).as("contact %d, keys computed", i).isEqualTo(own);
            assertThat(partly.get(i)).as("contact %d, some keys given", i).isEqualTo(own);
            found += own.size();
        }
        // A crowded world: the rules that compare sound-alike keys had children to find.
        assertThat(found).isGreaterThan(batch.size() * 5);
    }

    @Test
    void a_batch_given_its_sound_keys_does_not_compute_them_in_postgresql() {
        long computed = dmetaphoneCalls(() -> finder.findAll(batch));
        long given = dmetaphoneCalls(() -> finder.findAll(batch, keys));

        System.out.printf("dmetaphone calls for a batch of %d: %d with the keys computed in the search, %d given%n",
                batch.size(), computed, given);
        // Computed, they were computed for every rule and every index entry a rule filters: more than once a contact.
        assertThat(computed).isGreaterThan(batch.size());
        assertThat(given).isZero();
    }

    /**
     * PostgreSQL's calls of {@code dmetaphone} while this runs, counted in its own transaction: before and after, since
     * the backend's counts not yet reported (at most once a second, between transactions) may hold an earlier
     * transaction's too.
     */
    private static long dmetaphoneCalls(Supplier<?> search) {
        return new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())).execute(status -> {
            jdbc.sql("SET LOCAL track_functions = 'all'").update();
            long before = dmetaphoneCallsPending();
            search.get();
            return dmetaphoneCallsPending() - before;
        });
    }

    private static long dmetaphoneCallsPending() {
        return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'dmetaphone'")
                .query(Long.class).single();
    }
}
