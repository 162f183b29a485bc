package uk.frontdoor.matching;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatchParametersTest {

    @Test
    void theShippedFileHasEveryLevelAndAVersion() {
        MatchParameters parameters = MatchParameters.defaults();

        assertThat(parameters.version()).isNotBlank();
        assertThat(parameters.levels()).containsOnlyKeys(Level.values());
        assertThat(parameters.confidentThreshold()).isGreaterThan(parameters.possibleThreshold());
    }

    @Test
    void aLevelsWeightIsLogTwoOfMOverU() {
        assertThat(new MatchParameters.Probabilities(0.9, 0.1).weight()).isCloseTo(3.1699, within(1e-4));
        assertThat(new MatchParameters.Probabilities(0.1, 0.8).weight()).isCloseTo(-3.0, within(1e-9));
    }

    @Test
    void thePriorStartsTheScoreAtItsLogOdds() {
        MatchParameters parameters = MatchParameters.defaults().withPrior(1.0 / 1025);
        assertThat(parameters.priorWeight()).isCloseTo(-10.0, within(1e-9));
        assertThat(MatchParameters.probability(0)).isEqualTo(0.5);
        assertThat(MatchParameters.probability(10)).isCloseTo(1024.0 / 1025, within(1e-12));
    }

    @Test
    void thePriorFollowsTheNumberOfKnownChildrenNeverAboveTheConfiguredOne() {
        MatchParameters parameters = MatchParameters.defaults().withPrior(1e-5).withKnownShare(0.75);

        assertThat(parameters.priorFor(1_000_000)).isCloseTo(7.5e-7, within(1e-15));
        assertThat(parameters.priorFor(150_000)).isCloseTo(5e-6, within(1e-15));
        // Fewer children than 75,000: the configured prior is the most it gives.
        assertThat(parameters.priorFor(5_000)).isEqualTo(1e-5);
        // Not counted yet, or a fixed prior: the configured one.
        assertThat(parameters.priorFor(0)).isEqualTo(1e-5);
        assertThat(parameters.withKnownShare(0).priorFor(1_000_000)).isEqualTo(1e-5);
        // Ten times the children, ten times lower prior odds: log2(10) lower every score starts.
        assertThat(MatchParameters.priorWeight(parameters.priorFor(1_000_000))
                - MatchParameters.priorWeight(parameters.priorFor(100_000)))
                .isCloseTo(-Math.log(10) / Math.log(2), within(1e-5));
    }

    @Test
    void theShippedPriorFollowsTheKnownChildren() {
        MatchParameters shipped = MatchParameters.defaults();

        assertThat(shipped.knownShare()).isGreaterThan(0);
        assertThat(shipped.priorFor(1_000_000)).isLessThan(shipped.priorFor(100_000));
        assertThat(MatchParameters.from(shipped.toMap()).knownShare()).isEqualTo(shipped.knownShare());
    }

    @Test
    void aDeploymentOverridesOnlyWhatItTunes() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("threshold.confident", "25");
        overrides.put("date_of_birth.day_month_swapped.m", "0.05");
        overrides.put("version", "leeds-2027-01");

        MatchParameters tuned = MatchParameters.from(overrides);
        MatchParameters shipped = MatchParameters.defaults();

        assertThat(tuned.version()).isEqualTo("leeds-2027-01");
        assertThat(tuned.confidentThreshold()).isEqualTo(25);
        assertThat(tuned.possibleThreshold()).isEqualTo(shipped.possibleThreshold());
        assertThat(tuned.levels().get(Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED).m()).isEqualTo(0.05);
        assertThat(tuned.levels().get(Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED).u())
                .isEqualTo(shipped.levels().get(Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED).u());
    }

    @Test
    void writtenOutAndReadBackItIsTheSame() {
        MatchParameters shipped = MatchParameters.defaults();
        MatchParameters again = MatchParameters.from(shipped.toMap());
        assertThat(again.version()).isEqualTo(shipped.version());
        for (Level level : Level.values()) {
            assertThat(again.weight(level)).isCloseTo(shipped.weight(level), within(1e-3));
        }
    }

    @Test
    void nonsenseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MatchParameters.from(Map.of("threshold.confident", "1", "threshold.possible", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confident threshold");
        assertThatThrownBy(() -> MatchParameters.from(Map.of("sex.agree.m", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m and u");
        assertThatThrownBy(() -> MatchParameters.from(Map.of("prior", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prior");
        assertThatThrownBy(() -> MatchParameters.from(Map.of("prior.known-share", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prior.known-share");
    }
}
