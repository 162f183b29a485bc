package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThresholdEngineTest {

    private static final RuleSetCatalogue CATALOGUE = RuleSetCatalogue.loadDefault();
    private final ThresholdEngine engine = new ThresholdEngine(CATALOGUE, WorkingCalendar.englandAndWales(), ResponseScheme.defaults());

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.LONDON).toInstant();
    }

    private static ContactFacts contact(String receivedAt, Set<String> factors, Set<String> indicators) {
        return new ContactFacts(london(receivedAt), "6", factors, indicators, 7, false, "FEMALE", false);
    }

    @Test
    void red_response_is_due_in_4_working_hours_and_the_decision_with_it() {
        ThresholdDecision d = engine.decide(contact("2026-03-10T10:00", Set.of("16A"), Set.of("NEGLECT_SEVERE")), ChildHistory.none());

        assertThat(d.priority()).isEqualTo(Priority.RED);
        assertThat(d.responseDueAt()).isEqualTo(london("2026-03-10T14:00"));
        assertThat(d.decisionDueAt()).isEqualTo(d.responseDueAt());
    }

    @Test
    void amber_response_and_decision_are_due_in_one_working_day() {
        ThresholdDecision d = engine.decide(contact("2026-05-22T16:00", Set.of("3B"), Set.of("CHILD_PRESENT")), ChildHistory.none());

        assertThat(d.priority()).isEqualTo(Priority.AMBER);
        assertThat(d.responseDueAt()).isEqualTo(london("2026-05-26T16:00")); // over the Spring bank holiday
        assertThat(d.decisionDueAt()).isEqualTo(london("2026-05-26T16:00"));
    }

    @Test
    void green_response_is_due_in_three_working_days_but_the_decision_in_one_working_day() {
        ThresholdDecision d = engine.decide(contact("2026-03-10T10:00", Set.of(), Set.of("YOUNG_CARER")), ChildHistory.none());

        assertThat(d.priority()).isEqualTo(Priority.GREEN);
        assertThat(d.responseDueAt()).isEqualTo(london("2026-03-13T10:00"));
        assertThat(d.decisionDueAt()).isEqualTo(london("2026-03-11T10:00"));
    }

    @Test
    void blue_has_no_response_due_but_still_a_decision_due() {
        ThresholdDecision d = engine.decide(contact("2026-03-13T15:00", Set.of(), Set.of()), ChildHistory.none());

        assertThat(d.level()).isEqualTo(1);
        assertThat(d.priority()).isEqualTo(Priority.BLUE);
        assertThat(d.responseDueAt()).isNull();
        assertThat(d.decisionDueAt()).isEqualTo(london("2026-03-16T15:00"));
        assertThat(d.rulesFired()).isEmpty();
    }

    @Test
    void a_custom_response_scheme_is_used() {
        ThresholdEngine merton = new ThresholdEngine(CATALOGUE, WorkingCalendar.englandAndWales(),
                new ResponseScheme(Map.of(Priority.RED, Duration.ofHours(2), Priority.AMBER, Duration.ofHours(6), Priority.GREEN, Duration.ofHours(24))));

        ThresholdDecision d = merton.decide(contact("2026-03-10T10:00", Set.of("3B"), Set.of("CHILD_PRESENT")), ChildHistory.none());

        assertThat(d.responseDueAt()).isEqualTo(london("2026-03-10T16:00"));
    }

    @Test
    void immediate_risk_is_always_level_4_and_red_even_if_no_rule_says_so() {
        // A rule set without an immediate-risk rule: the engine still enforces it.
        RuleSetCatalogue bare = RuleSetCatalogue.loadFiles(List.of(writeTemp(RuleSetLoadingTest.VALID)));
        ThresholdEngine plain = new ThresholdEngine(bare, WorkingCalendar.englandAndWales(), ResponseScheme.defaults());
        ContactFacts facts = new ContactFacts(london("2026-03-10T10:00"), "9", Set.of(), Set.of(), 4, false, "MALE", true);

        ThresholdDecision d = plain.decide(facts, ChildHistory.none());

        assertThat(d.level()).isEqualTo(4);
        assertThat(d.priority()).isEqualTo(Priority.RED);
    }

    @Test
    void the_decision_records_the_rule_set_in_force_on_the_london_date() {
        // 23:30 UTC on 31 Dec 2025 is still 31 December in London (GMT): the 2023 rules.
        ContactFacts newYearsEve = new ContactFacts(Instant.parse("2025-12-31T23:30:00Z"), "6", Set.of("3B"), Set.of(), 7, false, "MALE", false);
        assertThat(engine.decide(newYearsEve, ChildHistory.none()).ruleSet()).isEqualTo(new RuleSetRef("berkshire-threshold", "2023.1"));

        ContactFacts newYearsDay = new ContactFacts(Instant.parse("2026-01-01T00:00:00Z"), "6", Set.of("3B"), Set.of(), 7, false, "MALE", false);
        assertThat(engine.decide(newYearsDay, ChildHistory.none()).ruleSet()).isEqualTo(new RuleSetRef("berkshire-threshold", "2026.1"));
    }

    @Test
    void a_named_rule_set_can_be_used_whatever_the_date() {
        ContactFacts facts = contact("2026-03-10T10:00", Set.of("3B"), Set.of("NON_FATAL_STRANGULATION"));
        RuleSetRef old = new RuleSetRef("berkshire-threshold", "2023.1");

        assertThat(engine.decide(facts, ChildHistory.none(), old).level()).isEqualTo(2);
        assertThat(engine.decide(facts, ChildHistory.none()).level()).isEqualTo(4);
        assertThatThrownBy(() -> engine.decide(facts, ChildHistory.none(), new RuleSetRef("x", "9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_contact_before_any_rule_set_is_refused_clearly() {
        assertThatThrownBy(() -> engine.decide(contact("2020-01-06T10:00", Set.of(), Set.of()), ChildHistory.none()))
                .isInstanceOf(NoRuleSetInForceException.class);
    }

    @Test
    void rules_fired_are_in_file_order_with_descriptions() {
        ThresholdDecision d = engine.decide(contact("2026-03-10T10:00", Set.of("3B", "16A", "7A"), Set.of("CHILD_PRESENT")), ChildHistory.none());

        assertThat(d.ruleIds()).containsExactly("DA-NOTIFICATION", "DA-CHILD-PRESENT", "NEGLECT", "YOUNG-CARER");
        assertThat(d.rulesFired()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
        assertThat(d.flags()).containsExactly("DOMESTIC_ABUSE_TRIAGE", "YOUNG_CARERS_ASSESSMENT");
    }

    @Test
    void later_contacts_and_contacts_at_the_same_instant_are_not_history() {
        Instant at = london("2026-03-10T10:00");
        ChildHistory history = new ChildHistory(List.of(
                new PriorContact(at, Set.of(), Set.of(), true),
                new PriorContact(at.plus(Duration.ofDays(1)), Set.of(), Set.of(), true),
                new PriorContact(at.minus(Duration.ofDays(1)), Set.of(), Set.of(), false)), List.of(), 0, false, false);

        ThresholdDecision d = engine.decide(contact("2026-03-10T10:00", Set.of(), Set.of()), history);

        assertThat(d.ruleIds()).doesNotContain("ACCUMULATING-CONCERNS", "RE-REFERRAL");
    }

    @Test
    void decisions_are_deterministic_and_the_engine_is_thread_safe() throws Exception {
        List<ContactFacts> contacts = List.of(
                contact("2026-03-10T10:00", Set.of("3B"), Set.of("CHILD_PRESENT", "CHILD_INJURED")),
                contact("2026-03-10T10:00", Set.of("16A"), Set.of("EXPL_MED_GOING_MISSING", "EXPL_MED_OLDER_ASSOCIATES")),
                contact("2026-04-02T17:00", Set.of(), Set.of("RETURNED_FROM_MISSING")));
        ChildHistory history = new ChildHistory(List.of(new PriorContact(london("2026-01-10T10:00"), Set.of("3B"), Set.of(), true)),
                List.of(london("2026-02-10T10:00"), london("2026-03-01T10:00")), 1, true, false);
        List<ThresholdDecision> expected = contacts.stream().map(c -> engine.decide(c, history)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ThresholdDecision>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    List<ThresholdDecision> last = null;
                    for (int n = 0; n < 500; n++) {
                        last = contacts.stream().map(c -> engine.decide(c, history)).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<ThresholdDecision>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        // A fresh catalogue and engine give the same decisions too.
        ThresholdEngine other = new ThresholdEngine(RuleSetCatalogue.loadDefault(), WorkingCalendar.englandAndWales(), ResponseScheme.defaults());
        assertThat(contacts.stream().map(c -> other.decide(c, history)).toList()).isEqualTo(expected);
    }

    @Test
    void indicators_are_a_documented_vocabulary() {
        assertThat(Indicator.isKnown("CHILD_PRESENT")).isTrue();
        assertThat(Indicator.isKnown("EXPL_MED_GOING_MISSING")).isTrue();
        assertThat(Indicator.isKnown("child_present")).isFalse();
        assertThat(Indicator.isKnown("NOT_A_CODE")).isFalse();
        assertThat(Indicator.isKnown(null)).isFalse();
    }

    @Test
    void exception_messages_carry_no_personal_data() {
        assertThatThrownBy(() -> new ContactFacts(Instant.EPOCH, "6", Set.of(), Set.of(), -3, false, "MALE", false))
                .hasMessageNotContaining("-3");
    }

    private static java.nio.file.Path writeTemp(String text) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("rules", ".yaml");
            java.nio.file.Files.writeString(file, text);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
