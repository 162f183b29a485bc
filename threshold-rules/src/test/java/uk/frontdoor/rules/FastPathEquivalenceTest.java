package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.frontdoor.rules.check.Scenario;

/** The Java fast path is an optimisation only: it must give exactly what the CEL interpreter gives. */
class FastPathEquivalenceTest {

    private static final RuleSetCatalogue CATALOGUE = RuleSetCatalogue.loadDefault();
    private static final ThresholdEngine OPTIMISED = new ThresholdEngine(CATALOGUE, WorkingCalendar.englandAndWales(),
            ResponseScheme.defaults(), CompiledRule.EvaluationMode.OPTIMISED);
    private static final ThresholdEngine INTERPRETED = new ThresholdEngine(CATALOGUE, WorkingCalendar.englandAndWales(),
            ResponseScheme.defaults(), CompiledRule.EvaluationMode.CEL_ONLY);

    @Test
    void every_table_scenario_decides_the_same_both_ways() {
        for (Scenario s : ThresholdScenariosTest.scenarios()) {
            assertThat(OPTIMISED.decide(s.contact(), s.history())).as(s.name())
                    .isEqualTo(INTERPRETED.decide(s.contact(), s.history()));
        }
    }

    @Test
    void random_contacts_decide_the_same_both_ways() {
        Random random = new Random(20260310L);
        List<String> factors = new ArrayList<>(CinFactor.CODES);
        List<String> indicators = new ArrayList<>(Indicator.names());
        factors.sort(null);
        indicators.sort(null);
        Instant base = Instant.parse("2026-02-02T09:00:00Z");
        for (int i = 0; i < 3_000; i++) {
            ContactFacts contact = randomContact(random, factors, indicators, base.plus(Duration.ofHours(random.nextInt(2_000))));
            ChildHistory history = randomHistory(random, factors, indicators, contact.receivedAt());
            for (RuleSetSummary ruleSet : CATALOGUE.summaries()) {
                assertThat(OPTIMISED.decide(contact, history, ruleSet.ref())).as("random contact %d", i)
                        .isEqualTo(INTERPRETED.decide(contact, history, ruleSet.ref()));
            }
        }
    }

    @Test
    void most_shipped_rules_run_without_the_interpreter() {
        CompiledRuleSet current = CATALOGUE.compiledInForceOn(java.time.LocalDate.of(2026, 3, 1));
        long fast = current.rules().stream().filter(CompiledRule::hasFastPath).count();
        assertThat(fast).isEqualTo(current.rules().size());
    }

    static ContactFacts randomContact(Random random, List<String> factors, List<String> indicators, Instant at) {
        Set<String> f = new HashSet<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            f.add(factors.get(random.nextInt(factors.size())));
        }
        Set<String> ind = new HashSet<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            ind.add(indicators.get(random.nextInt(indicators.size())));
        }
        boolean unborn = random.nextInt(15) == 0;
        String[] sexes = {"MALE", "FEMALE", "UNKNOWN", "INDETERMINATE"};
        List<String> sources = new ArrayList<>(ReferralSource.CODES);
        sources.sort(null);
        return new ContactFacts(at, sources.get(random.nextInt(sources.size())), f, ind,
                unborn ? null : random.nextInt(18), unborn, sexes[random.nextInt(4)], random.nextInt(40) == 0);
    }

    static ChildHistory randomHistory(Random random, List<String> factors, List<String> indicators, Instant at) {
        List<PriorContact> prior = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            Set<String> f = random.nextBoolean() ? Set.of(factors.get(random.nextInt(factors.size()))) : Set.of();
            Set<String> ind = random.nextBoolean() ? Set.of(indicators.get(random.nextInt(indicators.size()))) : Set.of();
            prior.add(new PriorContact(at.minus(Duration.ofDays(random.nextInt(500))), f, ind, random.nextInt(4) == 0));
        }
        List<Instant> missing = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            missing.add(at.minus(Duration.ofDays(random.nextInt(150))));
        }
        return new ChildHistory(prior, missing, random.nextInt(6) == 0 ? 1 + random.nextInt(2) : 0,
                random.nextInt(5) == 0, random.nextInt(6) == 0);
    }
}
