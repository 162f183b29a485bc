package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

class RuleSetLoadingTest {

    static final String VALID = """
            id: test-set
            version: "1"
            effectiveFrom: 2026-01-01
            framework: Working Together to Safeguard Children 2023
            reviewBy: 2027-01-01
            parameters:
              accumulatingConcernContacts: 3
              accumulatingConcernWindowMonths: 12
              reReferralWindowMonths: 12
              repeatMissingEpisodes: 3
              repeatMissingWindowDays: 90
            rules:
              - id: NEGLECT
                description: Neglect (Working Together 2023).
                when: "'16A' in contact.factors"
                effect: {level: 3, priority: AMBER}
              - id: FGM-RISK
                description: FGM risk (FGM guidance).
                when: "'FGM_RISK' in contact.indicators"
                effect: {level: 4, priority: RED, flags: [POLICE_NOTIFICATION]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void a_valid_file_loads() throws IOException {
        RuleSetCatalogue catalogue = RuleSetCatalogue.loadFiles(List.of(write("ok.yaml", VALID)));
        assertThat(catalogue.summaries()).containsExactly(new RuleSetSummary("test-set", "1", LocalDate.of(2026, 1, 1),
                "Working Together to Safeguard Children 2023", LocalDate.of(2027, 1, 1), 2));
    }

    /** A draft's text is whatever was sent: a YAML error says what and where, and never quotes it back. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"'; DROP TABLE contact_registry; --", "\" OR 1=1 --",
            "\"><svg/onload=alert(1)>", "[[${7*7}]]", "%0d%0aSet-Cookie: a=b", "%s%s%s%n"})
    void a_yaml_error_names_the_line_and_column_and_never_quotes_the_text(String text) {
        assertThatThrownBy(() -> RuleSetCatalogue.ofText("draft.yaml", text))
                .isInstanceOf(RuleSetLoadException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("(line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text));
    }

    /** The parser names the character it stopped at, the end of the text as U+0000: named by its code (found by the staff API fuzz). */
    @Test
    void a_yaml_error_names_a_control_character_by_its_code() {
        assertThatThrownBy(() -> RuleSetCatalogue.ofText("draft.yaml", "*"))
                .isInstanceOf(RuleSetLoadException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("U+0000")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    static List<Arguments> brokenFiles() {
        return List.of(
                Arguments.of("YAML syntax error", VALID.replace("effect: {level: 3, priority: AMBER}", "effect: {level: 3, priority: AMBER"), null, "not valid YAML"),
                Arguments.of("duplicate key", VALID.replace("version: \"1\"", "version: \"1\"\nversion: \"2\""), null, "not valid YAML"),
                Arguments.of("unknown top-level field", VALID.replace("framework:", "frameworks: x\nframework:"), null, "unknown field 'frameworks'"),
                Arguments.of("unknown rule field", VALID.replace("when: \"'16A'", "whn: x\n    when: \"'16A'"), "NEGLECT", "unknown field 'whn'"),
                Arguments.of("unknown effect field", VALID.replace("{level: 3, priority: AMBER}", "{level: 3, priority: AMBER, raise: 1}"), "NEGLECT", "unknown field 'raise'"),
                Arguments.of("CEL syntax error", VALID.replace("'16A' in contact.factors", "'16A' in contact.factors &&"), "NEGLECT", "does not compile"),
                Arguments.of("CEL unknown field", VALID.replace("'16A' in contact.factors", "'16A' in contact.fators"), "NEGLECT", "undefined field 'fators'"),
                Arguments.of("CEL type error", VALID.replace("'16A' in contact.factors", "contact.ageYears == 'ten'"), "NEGLECT", "no matching overload"),
                Arguments.of("CEL not a boolean", VALID.replace("'16A' in contact.factors", "contact.ageYears"), "NEGLECT", "expected type 'bool'"),
                Arguments.of("CEL unknown parameter", VALID.replace("'16A' in contact.factors", "contact.ageYears > params.nope"), "NEGLECT", "undefined field 'nope'"),
                Arguments.of("CEL unknown variable", VALID.replace("'16A' in contact.factors", "child.unborn"), "NEGLECT", "undeclared reference"),
                Arguments.of("unknown factor code", VALID.replace("'16A' in contact.factors", "'16B' in contact.factors"), "NEGLECT", "'16B' is not a known value for contact.factors"),
                Arguments.of("unknown indicator", VALID.replace("'FGM_RISK' in", "'FGM_RSK' in"), "FGM-RISK", "'FGM_RSK' is not a known value for contact.indicators"),
                Arguments.of("level too high", VALID.replace("level: 3,", "level: 5,"), "NEGLECT", "effect.level must be a whole number from 1 to 4"),
                Arguments.of("level zero", VALID.replace("level: 3,", "level: 0,"), "NEGLECT", "effect.level must be a whole number from 1 to 4"),
                Arguments.of("level not a number", VALID.replace("level: 3,", "level: three,"), "NEGLECT", "effect.level must be"),
                Arguments.of("bad priority", VALID.replace("priority: AMBER", "priority: ORANGE"), "NEGLECT", "effect.priority must be RED, AMBER, GREEN or BLUE"),
                Arguments.of("unknown flag", VALID.replace("[POLICE_NOTIFICATION]", "[POLICE]"), "FGM-RISK", "unknown flag 'POLICE'"),
                Arguments.of("duplicate rule id", VALID.replace("id: FGM-RISK", "id: NEGLECT"), "NEGLECT", "duplicate rule id"),
                Arguments.of("missing description", VALID.replace("    description: Neglect (Working Together 2023).\n", ""), "NEGLECT", "'description' is required"),
                Arguments.of("blank description", VALID.replace("description: Neglect (Working Together 2023).", "description: \"  \""), "NEGLECT", "'description' is required"),
                Arguments.of("missing when", VALID.replace("    when: \"'16A' in contact.factors\"\n", ""), "NEGLECT", "'when' is required"),
                Arguments.of("missing effect", VALID.replace("    effect: {level: 3, priority: AMBER}\n", ""), "NEGLECT", "'effect' is required"),
                Arguments.of("empty effect", VALID.replace("effect: {level: 3, priority: AMBER}", "effect: {}"), "NEGLECT", "effect does nothing"),
                Arguments.of("bad rule id", VALID.replace("id: NEGLECT", "id: neglect rule"), "neglect rule", "rule id must be"),
                Arguments.of("bad raiseLevelBy", VALID.replace("{level: 3, priority: AMBER}", "{raiseLevelBy: 4}"), "NEGLECT", "raiseLevelBy must be"),
                Arguments.of("missing version", VALID.replace("version: \"1\"\n", ""), null, "'version' is required"),
                Arguments.of("bad date", VALID.replace("effectiveFrom: 2026-01-01", "effectiveFrom: 1 January 2026"), null, "'effectiveFrom' must be a date"),
                Arguments.of("review before effective", VALID.replace("reviewBy: 2027-01-01", "reviewBy: 2025-01-01"), null, "reviewBy (2025-01-01) must be after effectiveFrom"),
                Arguments.of("missing parameter", VALID.replace("  repeatMissingWindowDays: 90\n", ""), null, "parameter 'repeatMissingWindowDays' is missing"),
                Arguments.of("parameter not a number", VALID.replace("repeatMissingWindowDays: 90", "repeatMissingWindowDays: ninety"), null, "parameter 'repeatMissingWindowDays' must be a whole number"),
                Arguments.of("no rules", VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n", null, "'rules' must be a non-empty list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void a_broken_file_fails_naming_file_rule_and_error(String what, String text, String ruleId, String error) throws IOException {
        Path file = write("broken.yaml", text);

        assertThatThrownBy(() -> RuleSetCatalogue.loadFiles(List.of(file)))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> {
                    assertThat(e.file()).isEqualTo("broken.yaml");
                    assertThat(e.ruleId()).isEqualTo(ruleId);
                    assertThat(e.error()).contains(error);
                    assertThat(e.getMessage()).startsWith("Rule set file 'broken.yaml'")
                            .contains(ruleId == null ? "broken.yaml" : "rule '" + ruleId + "'").contains(error);
                });
    }

    /** A draft uploaded as text (to be simulated) goes through the same checks as a file loaded at start-up. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void a_broken_draft_given_as_text_fails_the_same_way(String what, String text, String ruleId, String error) {
        assertThatThrownBy(() -> RuleSetCatalogue.ofText("draft.yaml", text))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> {
                    assertThat(e.file()).isEqualTo("draft.yaml");
                    assertThat(e.ruleId()).isEqualTo(ruleId);
                    assertThat(e.error()).contains(error);
                });
    }

    @Test
    void a_valid_draft_given_as_text_loads() {
        assertThat(RuleSetCatalogue.ofText("draft.yaml", VALID).summaries()).singleElement()
                .satisfies(summary -> assertThat(summary.ref()).isEqualTo(new RuleSetRef("test-set", "1")));
    }

    @Test
    void one_broken_file_fails_the_whole_directory() throws IOException {
        write("a-good.yaml", VALID);
        write("b-broken.yaml", VALID.replace("version: \"1\"", "version: \"2\"").replace("2026-01-01", "2026-06-01")
                .replace("level: 3,", "level: 7,"));

        assertThatThrownBy(() -> RuleSetCatalogue.load(dir))
                .isInstanceOf(RuleSetLoadException.class).hasMessageContaining("b-broken.yaml").hasMessageContaining("NEGLECT");
    }

    @Test
    void the_same_id_and_version_twice_is_refused() throws IOException {
        write("a.yaml", VALID);
        write("b.yaml", VALID.replace("2026-01-01", "2026-02-01"));

        assertThatThrownBy(() -> RuleSetCatalogue.load(dir))
                .isInstanceOf(RuleSetLoadException.class).hasMessageContaining("test-set@1 is also defined in");
    }

    @Test
    void two_rule_sets_taking_effect_the_same_day_are_refused() throws IOException {
        write("a.yaml", VALID);
        write("b.yaml", VALID.replace("version: \"1\"", "version: \"2\""));

        assertThatThrownBy(() -> RuleSetCatalogue.load(dir))
                .isInstanceOf(RuleSetLoadException.class).hasMessageContaining("same day");
    }

    @Test
    void an_empty_directory_is_refused() {
        assertThatThrownBy(() -> RuleSetCatalogue.load(dir))
                .isInstanceOf(RuleSetLoadException.class).hasMessageContaining("no rule-set files");
    }

    @Test
    void a_directory_loads_every_yaml_file_and_orders_by_effective_date() throws IOException {
        write("z-older.yaml", VALID.replace("version: \"1\"", "version: \"0\"").replace("2026-01-01", "2024-01-01"));
        write("a-newer.yaml", VALID);
        write("notes.txt", "not a rule set");

        RuleSetCatalogue catalogue = RuleSetCatalogue.load(dir);

        assertThat(catalogue.summaries()).extracting(RuleSetSummary::version).containsExactly("0", "1");
    }

    @Test
    void the_shipped_rule_sets_load_and_are_in_force_by_date() {
        RuleSetCatalogue catalogue = RuleSetCatalogue.loadDefault();

        assertThat(catalogue.summaries()).extracting(RuleSetSummary::version).containsExactly("2023.1", "2026.1");
        assertThat(catalogue.inForceOn(LocalDate.of(2023, 4, 1)).version()).isEqualTo("2023.1");
        assertThat(catalogue.inForceOn(LocalDate.of(2025, 12, 31)).version()).isEqualTo("2023.1");
        assertThat(catalogue.inForceOn(LocalDate.of(2026, 1, 1)).version()).isEqualTo("2026.1");
        assertThat(catalogue.inForceOn(LocalDate.of(2030, 1, 1)).version()).isEqualTo("2026.1");
        assertThatThrownBy(() -> catalogue.inForceOn(LocalDate.of(2023, 3, 31)))
                .isInstanceOf(NoRuleSetInForceException.class).hasMessageContaining("2023-04-01");
    }

    @Test
    void rule_sets_past_their_review_date_are_listed() {
        RuleSetCatalogue catalogue = RuleSetCatalogue.loadDefault();

        assertThat(catalogue.pastReviewDate(LocalDate.of(2024, 3, 31))).isEmpty();
        assertThat(catalogue.pastReviewDate(LocalDate.of(2026, 3, 10))).extracting(RuleSetSummary::version).containsExactly("2023.1");
        assertThat(catalogue.pastReviewDate(LocalDate.of(2027, 4, 1))).extracting(RuleSetSummary::version).containsExactly("2023.1", "2026.1");
    }

    @Test
    void every_level_4_rule_in_the_shipped_sets_asks_for_a_strategy_discussion_and_cites_guidance() {
        RuleSetCatalogue catalogue = RuleSetCatalogue.loadDefault();
        for (RuleSetSummary summary : catalogue.summaries()) {
            for (CompiledRule rule : catalogue.compiled(summary.ref()).rules()) {
                if (rule.minimumLevel == 4) {
                    assertThat(rule.flags).as(rule.id).contains(Flag.STRATEGY_DISCUSSION_REQUIRED.name());
                    assertThat(rule.priority).as(rule.id).isEqualTo(Priority.RED);
                }
                assertThat(rule.description).as(rule.id).containsPattern("\\(.*(20\\d\\d|Berkshire|census|procedure).*\\)");
            }
        }
    }
}
