package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules as a reader meets them: conditions in plain words, and what changed between two versions. */
class RuleBookTest {

    private static final RuleSetCatalogue SHIPPED = RuleSetCatalogue.loadDefault();
    private static final RuleSetRef V2023 = new RuleSetRef("berkshire-threshold", "2023.1");
    private static final RuleSetRef V2026 = new RuleSetRef("berkshire-threshold", "2026.1");

    @Test
    void every_shipped_rule_reads_in_plain_words() {
        for (RuleSetSummary ruleSet : SHIPPED.summaries()) {
            List<RuleView> rules = SHIPPED.ruleViews(ruleSet.ref());
            assertThat(rules).hasSize(ruleSet.ruleCount());
            assertThat(rules).allSatisfy(rule -> assertThat(rule.inWords()).as(rule.id() + ": " + rule.when())
                    .isNotBlank().doesNotContain("contact.", "history.", "&&", "||"));
        }
    }

    @Test
    void conditions_read_as_codes_in_words_with_and_or_and_the_parameters_values() {
        assertThat(rule(V2026, "DA-CHILD-PRESENT").inWords()).isEqualTo("(the contact has census factor "
                + "3A (domestic abuse, the child), 3B (domestic abuse, a parent or carer) or 3C (domestic abuse, another "
                + "member of the household)) and the contact has indicator child present");
        assertThat(rule(V2026, "HOMELESS-16-17").inWords()).isEqualTo("the contact has indicator homeless and "
                + "the child's age in years (-1 when unborn) is at least 16 and the child's age in years (-1 when "
                + "unborn) is at most 17");
        assertThat(rule(V2026, "ACCUMULATING-CONCERNS").inWords()).isEqualTo("the number of contacts in the "
                + "accumulating-concern window (counting this one) is at least 3 (the parameter accumulatingConcernContacts)");
        RuleView immediate = rule(V2026, "IMMEDIATE-RISK");
        assertThat(immediate.inWords()).isEqualTo("the child is reported at immediate risk");
        assertThat(immediate.level()).isEqualTo(4);
        assertThat(immediate.priority()).isEqualTo("RED");
        assertThat(immediate.flags()).contains("STRATEGY_DISCUSSION_REQUIRED");
        assertThat(immediate.raiseLevelBy()).isNull();
        assertThat(rule(V2026, "ACCUMULATING-CONCERNS").raiseLevelBy()).isEqualTo(1);
    }

    @Test
    void a_condition_not_put_into_words_is_left_to_the_expression_as_written() {
        RuleSetCatalogue draft = RuleSetCatalogue.ofText("draft.yaml", RuleSetLoadingTest.VALID.replace(
                "when: \"'16A' in contact.factors\"", "when: \"size(contact.factors) >= 2\""));
        RuleView neglect = draft.ruleViews(new RuleSetRef("test-set", "1")).get(0);
        assertThat(neglect.inWords()).isNull();
        assertThat(neglect.when()).isEqualTo("size(contact.factors) >= 2");
    }

    @Test
    void the_differences_between_two_versions_add_up_to_both() {
        RuleSetDiff diff = SHIPPED.diff(V2023, V2026);
        int before = SHIPPED.find(V2023).orElseThrow().ruleCount();
        int after = SHIPPED.find(V2026).orElseThrow().ruleCount();
        assertThat(diff.added().size() + diff.changed().size() + diff.unchanged()).isEqualTo(after);
        assertThat(diff.removed().size() + diff.changed().size() + diff.unchanged()).isEqualTo(before);
        assertThat(diff.changed()).allSatisfy(rule -> assertThat(rule.changes()).isNotEmpty());
        assertThat(SHIPPED.diff(V2026, V2026).same()).isTrue();
        assertThat(SHIPPED.diff(V2026, V2026).unchanged()).isEqualTo(after);
    }

    @Test
    void a_draft_that_lowers_one_rule_and_adds_one_differs_in_exactly_those() throws IOException {
        String shipped = shipped("berkshire-2026-v1.yaml");
        String draft = shipped.replace("version: \"2026.1\"", "version: \"2027.1\"")
                .replace("effectiveFrom: 2026-01-01", "effectiveFrom: 2027-04-01")
                .replace("reviewBy: 2027-03-31", "reviewBy: 2028-03-31")
                .replace(MENTAL_HEALTH + "\n    effect: {level: 2, priority: GREEN}\n", MENTAL_HEALTH
                        + "\n    effect: {level: 1, priority: BLUE}\n"
                        + "  - id: NEW-RULE\n"
                        + "    description: A new rule (a local procedure).\n"
                        + "    when: \"'YOUNG_CARER' in contact.indicators\"\n"
                        + "    effect: {flags: [YOUNG_CARERS_ASSESSMENT]}\n")
                .replace("accumulatingConcernContacts: 3", "accumulatingConcernContacts: 4");
        RuleSetCatalogue drafts = RuleSetCatalogue.ofText("draft.yaml", draft);
        RuleSetRef draftRef = new RuleSetRef("berkshire-threshold", "2027.1");
        assertThat(SHIPPED.revisedBy(draftRef, LocalDate.of(2027, 4, 1))).map(RuleSetSummary::ref).hasValue(V2026);
        // A second draft of the version in force takes effect the same day: it revises that version.
        assertThat(SHIPPED.revisedBy(draftRef, LocalDate.of(2026, 1, 1))).map(RuleSetSummary::ref).hasValue(V2026);
        assertThat(SHIPPED.revisedBy(draftRef, LocalDate.of(2025, 1, 1))).map(RuleSetSummary::ref).hasValue(V2023);
        assertThat(SHIPPED.revisedBy(draftRef, LocalDate.of(2020, 1, 1))).map(RuleSetSummary::ref).hasValue(V2026);
        // A loaded version edited in place is compared with itself as loaded.
        assertThat(SHIPPED.revisedBy(V2023, LocalDate.of(2027, 4, 1))).map(RuleSetSummary::ref).hasValue(V2023);
        assertThat(SHIPPED.revisedBy(new RuleSetRef("another", "1"), LocalDate.of(2027, 4, 1))).isEmpty();

        RuleSetDiff diff = SHIPPED.diff(V2026, drafts, draftRef);
        assertThat(diff.added()).extracting(RuleView::id).containsExactly("NEW-RULE");
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("PARENT-MENTAL-HEALTH");
            assertThat(rule.changes()).containsExactly(new RuleSetDiff.FieldChange("level", "2", "1"),
                    new RuleSetDiff.FieldChange("priority", "GREEN", "BLUE"));
        });
        assertThat(diff.unchanged()).isEqualTo(SHIPPED.find(V2026).orElseThrow().ruleCount() - 1);
        assertThat(diff.parameters()).containsExactly(new RuleSetDiff.FieldChange("accumulatingConcernContacts", "3", "4"));
    }

    private static final String MENTAL_HEALTH =
            "    when: \"'MENTAL_HEALTH_PARENT' in contact.indicators || '4B' in contact.factors\"";

    private static RuleView rule(RuleSetRef ruleSet, String id) {
        return SHIPPED.ruleViews(ruleSet).stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
    }

    private static String shipped(String file) throws IOException {
        try (InputStream in = RuleBookTest.class.getResourceAsStream("/threshold-rules/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
