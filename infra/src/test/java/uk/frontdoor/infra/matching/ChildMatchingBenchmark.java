package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.MatchParameters;
import uk.frontdoor.matching.Normalise;
import uk.frontdoor.matching.evaluation.MatchQuality;
import uk.frontdoor.triage.identity.matching.CandidateFinder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's evidence: match quality at 100,000 known children and matching latency per contact at
 * 1,000,000, with the service's candidate search in the embedded PostgreSQL and the shipped parameters.
 * Latency is measured beside a floor: a plain indexed lookup of one row by exact NHS number in the same
 * table and run. Prints a Markdown summary and writes it to {@code infra/target/child-matching-benchmark.md}.
 * Not part of the normal build (see docs/benchmarks.md, "Child matching"):
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=ChildMatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true -Dsurefire.argLine=-Xmx8g</pre>
 *
 * {@code -Dfrontdoor.bench.sizes=100000} runs the quality part alone.
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class ChildMatchingBenchmark {

    private static final int CONTACTS = 20_000;
    private static final int TIMED = 5_000;
    private static final int WARM_UP = 1_000;

    @Test
    void quality_at_100k_and_latency_at_1m() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("frontdoor.bench.sizes", "100000,1000000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        StringBuilder out = new StringBuilder();
        out.append("| known children | contacts | precision (confident) | recall (confident) | to a person | ")
                .append("true child among possible matches | search + score p50 ms | p95 ms | p99 ms | ")
                .append("candidates per contact (mean) | NHS lookup p50 ms | p99 ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int size : sizes) {
            out.append(run(size)).append('\n');
            System.out.println(out);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/child-matching-benchmark.md"), out.toString());
    }

    private String run(int knownChildren) throws Exception {
        long t0 = System.nanoTime();
        MatchQuality.Scenario scenario = MatchQuality.scenario(2, knownChildren, CONTACTS, MatchingRun.TODAY);
        try (MatchingDatabase database = MatchingDatabase.start()) {
            JdbcClient jdbc = database.jdbc();
            MatchingRun.load(jdbc, scenario);
            System.out.printf("%,d known children generated and loaded in %.0f s%n", knownChildren,
                    (System.nanoTime() - t0) / 1e9);
            CandidateFinder finder = new CandidateFinder(jdbc);
            ChildMatcher matcher = MatchingRun.matcher(jdbc);
            System.out.printf(Locale.ROOT, "prior for %,d known children: %.3g (shipped fixed prior %.3g)%n",
                    knownChildren, matcher.parameters().prior(), MatchParameters.defaults().prior());

            // Warm up the JIT and PostgreSQL's caches on contacts not timed.
            List<MatchQuality.Contact> contacts = scenario.contacts();
            for (MatchQuality.Contact c : contacts.subList(0, WARM_UP)) {
                matcher.match(c.facts(), finder.find(c.facts()));
                nhsLookup(jdbc, c.facts());
            }
            // Each contact's candidates are kept, to score them again under other priors below.
            Map<IdentityFacts, List<uk.frontdoor.matching.Candidate>> candidatesOf = new IdentityHashMap<>();
            MatchQuality.Report quality = MatchQuality.evaluate(scenario, matcher, facts -> {
                List<uk.frontdoor.matching.Candidate> found = finder.find(facts);
                candidatesOf.put(facts, found);
                return found;
            });
            // What following the register's size buys: the same candidates under the fixed prior the
            // parameters shipped with before, and under other shares of contacts about a known child.
            MatchParameters shipped = MatchParameters.defaults();
            System.out.printf(Locale.ROOT, "fixed prior %.3g: %s%n", shipped.prior(),
                    MatchQuality.evaluate(scenario, new ChildMatcher(shipped), candidatesOf::get).summary());
            for (double share : new double[]{0.5, 0.75, 1.0}) {
                double prior = shipped.withKnownShare(share).priorFor(knownChildren);
                System.out.printf(Locale.ROOT, "known share %.2f (prior %.3g): %s%n", share, prior,
                        MatchQuality.evaluate(scenario, new ChildMatcher(shipped.withPrior(prior)), candidatesOf::get)
                                .summary());
            }

            long[] nhs = new long[TIMED];
            long[] search = new long[TIMED];
            long[] score = new long[TIMED];
            long candidates = 0;
            for (int i = 0; i < TIMED; i++) {
                IdentityFacts facts = contacts.get(i).facts();
                long start = System.nanoTime();
                nhsLookup(jdbc, facts);
                long looked = System.nanoTime();
                List<uk.frontdoor.matching.Candidate> found = finder.find(facts);
                long searched = System.nanoTime();
                matcher.match(facts, found);
                long scored = System.nanoTime();
                nhs[i] = looked - start;
                search[i] = searched - looked;
                score[i] = scored - searched;
                candidates += found.size();
            }
            System.out.printf(Locale.ROOT, "search alone p50 %.2f p99 %.2f ms; scoring alone p50 %.2f p99 %.2f ms%n",
                    percentile(search, 50), percentile(search, 99), percentile(score, 50), percentile(score, 99));
            long[] matching = quality.latenciesNanos();
            System.out.println(quality.summary());
            int slowest = 0;
            for (int i = 1; i < matching.length; i++) {
                slowest = matching[i] > matching[slowest] ? i : slowest;
            }
            // The plan of the slowest contact's search, timed again, to see which rule (if any) costs.
            System.out.printf("slowest contact %.1f ms; its plan now:%n", matching[slowest] / 1e6);
            finder.explain(contacts.get(slowest).facts()).forEach(System.out::println);
            return String.format(Locale.ROOT,
                    "| %,d | %,d | %.5f | %.4f | %.2f%% | %d of %d | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f |",
                    knownChildren, quality.contacts(), quality.precision(), quality.recall(),
                    100 * quality.shareToPerson(), quality.possibleWithTrueChild(), quality.possible(),
                    percentile(matching, 50), percentile(matching, 95), percentile(matching, 99),
                    (double) candidates / TIMED, percentile(nhs, 50), percentile(nhs, 99));
        }
    }

    /** The floor: one row by exact NHS number (a random known one when the contact has none). */
    private static List<String> nhsLookup(JdbcClient jdbc, IdentityFacts facts) {
        String nhs = Normalise.nhsNumber(facts.nhsNumber());
        return jdbc.sql("SELECT facts::text FROM child_identity_variant WHERE nhs_number = CAST(? AS char(10))")
                .param(nhs == null ? "0000000000" : nhs)
                .query(String.class).list();
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
