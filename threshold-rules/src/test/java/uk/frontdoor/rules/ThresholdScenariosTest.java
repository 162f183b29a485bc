package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.frontdoor.rules.check.Scenario;
import uk.frontdoor.rules.check.ScenarioFile;
import uk.frontdoor.rules.check.ScenarioResult;

/**
 * The rules as a table: one row of src/test/resources/scenarios/berkshire-scenarios.csv per contact, with the level,
 * priority, rules and flags the shipped rule sets must give. The same file runs through RuleSetCheck.
 */
class ThresholdScenariosTest {

    static final Path SCENARIOS = Path.of("src/test/resources/scenarios/berkshire-scenarios.csv");
    static final ThresholdEngine ENGINE = new ThresholdEngine(
            RuleSetCatalogue.loadDefault(), WorkingCalendar.englandAndWales(), ResponseScheme.defaults());

    static List<Scenario> scenarios() {
        return ScenarioFile.read(SCENARIOS);
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("scenarioRows")
    void decides_as_the_table_says(int line, Scenario scenario) {
        ScenarioResult result = ScenarioResult.of(scenario, ENGINE.decide(scenario.contact(), scenario.history()));

        assertThat(result.problems()).as(scenario.name()).isEmpty();
    }

    static List<Object[]> scenarioRows() {
        return scenarios().stream().map(s -> new Object[] {s.line(), s}).toList();
    }

    @Test
    void the_table_is_big_enough_and_names_every_rule_at_least_once() {
        List<Scenario> all = scenarios();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);

        RuleSetCatalogue catalogue = RuleSetCatalogue.loadDefault();
        RuleSetRef current = catalogue.inForceOn(java.time.LocalDate.of(2026, 3, 10)).ref();
        List<String> mentioned = all.stream().flatMap(s -> s.mustFire().stream()).distinct().toList();
        assertThat(mentioned).containsAll(catalogue.rules(current).stream().map(FiredRule::id).toList());
    }

    @Test
    void a_wrong_expectation_is_reported() {
        Scenario row = scenarios().stream().filter(s -> s.name().equals("DA child present no injury")).findFirst().orElseThrow();
        Scenario wrong = new Scenario(row.name(), row.line(), row.contact(), row.history(), 4, Priority.RED,
                List.of("DA-CHILD-INJURED"), List.of("DA-CHILD-PRESENT"), List.of("LADO_REFERRAL"));

        ScenarioResult result = ScenarioResult.of(wrong, ENGINE.decide(wrong.contact(), wrong.history()));

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).containsExactly(
                "level 3, expected 4",
                "priority AMBER, expected RED",
                "rule DA-CHILD-INJURED did not fire",
                "rule DA-CHILD-PRESENT fired but must not",
                "flag LADO_REFERRAL missing");
    }
}
