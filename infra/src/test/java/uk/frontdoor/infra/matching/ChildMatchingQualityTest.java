package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.Test;
import uk.frontdoor.matching.evaluation.MatchQuality;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's match-quality targets at a small scale, so that a change that breaks them fails the build:
 * 5,000 known children in the embedded PostgreSQL, 2,000 contacts with realistic slips, the service's
 * candidate search and the shipped parameters. The 100,000-child figures are {@link ChildMatchingBenchmark}'s.
 */
class ChildMatchingQualityTest {

    @Test
    void confidentMatchesArePreciseFindMostKnownChildrenAndFewGoToAPerson() throws Exception {
        MatchQuality.Scenario scenario = MatchQuality.scenario(20261201, 5_000, 2_000, MatchingRun.TODAY);
        try (MatchingDatabase database = MatchingDatabase.start()) {
            MatchingRun.load(database.jdbc(), scenario);

            MatchQuality.Report report = MatchingRun.match(database.jdbc(), scenario);

            assertThat(report.precision()).as(report.summary()).isGreaterThanOrEqualTo(0.999);
            assertThat(report.recall()).as(report.summary()).isGreaterThanOrEqualTo(0.95);
            assertThat(report.shareToPerson()).as(report.summary()).isLessThanOrEqualTo(0.05);
        }
    }
}
