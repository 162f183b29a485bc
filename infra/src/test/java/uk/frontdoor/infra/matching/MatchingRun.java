package uk.frontdoor.infra.matching;

import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.MatchParameters;
import uk.frontdoor.matching.evaluation.MatchQuality;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.KnownChildCount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Loads a synthetic scenario's known children into PostgreSQL and matches its contacts the service's way. */
final class MatchingRun {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private MatchingRun() {
    }

    static void load(JdbcClient jdbc, MatchQuality.Scenario scenario) {
        CandidateFinder finder = new CandidateFinder(jdbc);
        List<MatchQuality.KnownChild> known = scenario.known();
        int chunk = 50_000;
        for (int from = 0; from < known.size(); from += chunk) {
            finder.rememberAll(known.subList(from, Math.min(known.size(), from + chunk)).stream()
                    .map(k -> new CandidateFinder.Seen(Integer.toString(k.child().id()), k.firstRecord()))
                    .toList(), Instant.parse("2025-06-01T00:00:00Z"));
        }
        jdbc.sql("VACUUM ANALYZE child_identity_variant").update();
    }

    /** Candidate search in PostgreSQL and scoring, per contact, with the shipped parameters. */
    static MatchQuality.Report match(JdbcClient jdbc, MatchQuality.Scenario scenario) {
        CandidateFinder finder = new CandidateFinder(jdbc);
        return MatchQuality.evaluate(scenario, matcher(jdbc), finder::find);
    }

    /**
     * The shipped parameters with the prior the service would use for the children loaded: counted as
     * {@link KnownChildCount} counts them, then {@code MatchParameters.priorFor} that count.
     */
    static ChildMatcher matcher(JdbcClient jdbc) {
        long known = new KnownChildCount(jdbc, Clock.systemUTC(), Duration.ofMinutes(10)).current();
        MatchParameters shipped = MatchParameters.defaults();
        return new ChildMatcher(shipped.withPrior(shipped.priorFor(known)));
    }
}
