package uk.frontdoor.matching.evaluation;

import org.junit.jupiter.api.Test;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.MatchParameters;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's targets for the score alone (broad in-memory candidate search) on a small synthetic
 * population; infra's ChildMatchingQualityTest checks them again through the PostgreSQL search.
 */
class MatchQualityTest {

    @Test
    void theShippedParametersMeetTheTargetsOnASmallPopulation() {
        MatchQuality.Scenario scenario = MatchQuality.scenario(7, 5_000, 2_000, LocalDate.of(2026, 12, 1));
        InMemoryCandidateSearch search = new InMemoryCandidateSearch(
                scenario.known().stream().map(MatchQuality.KnownChild::candidate).toList());

        MatchQuality.Report report = MatchQuality.evaluate(scenario, new ChildMatcher(MatchParameters.defaults()), search);

        assertThat(report.aboutKnownChildren()).isGreaterThan(1_000);
        assertThat(report.precision()).as(report.summary()).isGreaterThanOrEqualTo(0.999);
        assertThat(report.recall()).as(report.summary()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.shareToPerson()).as(report.summary()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void theGeneratorIsRepeatableAndHasTheHardCases() {
        var a = SyntheticPopulation.generate(3, 2_000, LocalDate.of(2026, 12, 1));
        var b = SyntheticPopulation.generate(3, 2_000, LocalDate.of(2026, 12, 1));

        assertThat(a).isEqualTo(b);
        assertThat(a).anyMatch(c -> c.twinOf() != null);
        assertThat(a).anyMatch(SyntheticPopulation.TrueChild::knownBeforeBirth);
        assertThat(a).anyMatch(c -> c.previousFamilyName() != null);
        assertThat(a.stream().filter(c -> c.truth().familyName().equals("Smith")).count()).isGreaterThan(10);
    }

    @Test
    void aMillionChildrensPostcodesAreAllWellFormed() {
        int units = SyntheticPopulation.postcodeUnits(1_100_000);
        for (int unit : new int[]{0, 199, 200, units / 2, units - 1}) {
            assertThat(uk.frontdoor.matching.Normalise.postcode(SyntheticPopulation.postcode(unit)))
                    .as(SyntheticPopulation.postcode(unit)).isNotNull();
        }
    }
}
