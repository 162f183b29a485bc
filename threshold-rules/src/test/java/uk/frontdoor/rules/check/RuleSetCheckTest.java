package uk.frontdoor.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetCheckTest {

    static final String RULES_DIR = "src/main/resources/threshold-rules";
    static final String SCENARIOS = "src/test/resources/scenarios/berkshire-scenarios.csv";
    static final String HEADER = String.join(",", ScenarioFile.COLUMNS);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_shipped_rules_pass_the_shipped_scenarios() {
        int status = RuleSetCheck.run(new String[] {RULES_DIR, SCENARIOS}, out);

        assertThat(status).as(output()).isZero();
        assertThat(output()).contains("OK    rule set berkshire-threshold version 2026.1").doesNotContain("FAIL")
                .containsPattern("(\\d+) scenarios, \\1 passed, 0 failed");
    }

    @Test
    void a_single_file_is_validated_on_its_own() {
        int status = RuleSetCheck.run(new String[] {RULES_DIR + "/berkshire-2026-v1.yaml"}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("version 2026.1: 56 rules");
    }

    @Test
    void failing_rows_are_reported_with_line_and_reason() throws IOException {
        Path scenarios = dir.resolve("s.csv");
        Files.writeString(scenarios, HEADER + "\n"
                + "right,2026-03-10T10:00,6,3B,CHILD_PRESENT,5,MALE,false,,,0,,3,AMBER,DA-CHILD-PRESENT,,\n"
                + "wrong level,2026-03-10T10:00,6,3B,CHILD_PRESENT,5,MALE,false,,,0,,4,AMBER,DA-CHILD-PRESENT,,\n");

        int status = RuleSetCheck.run(new String[] {RULES_DIR + "/berkshire-2026-v1.yaml", scenarios.toString()}, out);

        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("PASS  line 2 right").contains("FAIL  line 3 wrong level: level 3, expected 4")
                .contains("2 scenarios, 1 passed, 1 failed");
    }

    @Test
    void a_broken_rule_set_is_reported_and_nothing_is_run() throws IOException {
        Path broken = dir.resolve("draft.yaml");
        Files.writeString(broken, Files.readString(Path.of(RULES_DIR, "berkshire-2026-v1.yaml"))
                .replace("when: \"'16A' in contact.factors\"", "when: \"'16A' in contact.factor\""));

        int status = RuleSetCheck.run(new String[] {broken.toString(), SCENARIOS}, out);

        assertThat(status).isEqualTo(2);
        assertThat(output()).contains("FAIL  Rule set file 'draft.yaml', rule 'NEGLECT'").contains("undefined field 'factor'")
                .doesNotContain("PASS");
    }

    @Test
    void a_malformed_scenarios_file_is_reported() throws IOException {
        Path scenarios = dir.resolve("bad.csv");
        Files.writeString(scenarios, HEADER + "\nshort row,2026-03-10T10:00\n");

        assertThat(RuleSetCheck.run(new String[] {RULES_DIR, scenarios.toString()}, out)).isEqualTo(2);
        assertThat(output()).contains("bad.csv line 2: expected 17 cells, found 2");
    }

    @Test
    void usage_is_printed_without_arguments() {
        assertThat(RuleSetCheck.run(new String[0], out)).isEqualTo(2);
        assertThat(output()).contains("usage: RuleSetCheck");
    }
}
