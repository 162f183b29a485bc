package uk.frontdoor.infra.asat;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager replays today's contacts through the 2023 Berkshire rule set, which has no rule for non-fatal
 * strangulation: the strangulation contact (level 4, red, under 2026) comes out lower, the rule fires less and its
 * flags are lost, a contact both rule sets decide alike is not among the changes, and no child's stream changes.
 */
class RuleSetSimulationIntegrationTest extends SimulationTestSupport {


    @Test
    @SuppressWarnings("unchecked")
    void a_draft_rule_set_changes_exactly_the_contacts_it_decides_differently_and_writes_to_no_stream() {
        String strangulation = contact(List.of("3A"), List.of("NON_FATAL_STRANGULATION", "CHILD_PRESENT"));
        String alike = contact(List.of("3A"), List.of("CHILD_PRESENT"));
        String strangulationChild = assessedChildOf(strangulation);
        String alikeChild = assessedChildOf(alike);
        long[] before = {events(strangulationChild), events(alikeChild)};
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        HttpResponse<String> started = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today, "to", today));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        Map<String, Object> done = await().until(() -> body(get(location, staff("manager1"))),
                simulation -> List.of("DONE", "FAILED").contains(simulation.get("state")));
        assertThat(done).containsEntry("state", "DONE").containsEntry("requestedBy", "manager1");
        assertThat(((Number) done.get("contactsDone")).intValue()).isEqualTo(((Number) done.get("contactsTotal")).intValue());

        Map<String, Object> report = (Map<String, Object>) done.get("report");
        assertThat(((Number) report.get("contacts")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) report.get("levelDown")).intValue()).isGreaterThanOrEqualTo(1);
        Map<String, List<Map<String, Object>>> examples = (Map<String, List<Map<String, Object>>>) report.get("examples");
        Map<String, Object> lowered = examples.get("LEVEL_DOWN").stream()
                .filter(example -> strangulation.equals(example.get("contactId"))).findFirst().orElseThrow();
        Map<String, Object> inForce = (Map<String, Object>) lowered.get("inForce");
        Map<String, Object> draft = (Map<String, Object>) lowered.get("draft");
        assertThat(inForce).containsEntry("level", 4).containsEntry("priority", "RED")
                .containsEntry("ruleSet", "berkshire-threshold 2026.1");
        assertThat((List<String>) inForce.get("rules")).anySatisfy(rule -> assertThat(rule).startsWith("DA-STRANGULATION: "));
        assertThat(((Number) draft.get("level")).intValue()).isLessThan(4);
        assertThat(draft).containsEntry("ruleSet", "berkshire-threshold 2023.1");
        assertThat((List<String>) draft.get("rules")).noneSatisfy(rule -> assertThat(rule).startsWith("DA-STRANGULATION"));
        for (String kind : List.of("LEVEL_UP", "LEVEL_DOWN", "PRIORITY_UP", "PRIORITY_DOWN")) {
            assertThat(examples.getOrDefault(kind, List.of())).as(kind)
                    .noneSatisfy(example -> assertThat(example.get("contactId")).isEqualTo(alike));
        }
        Map<String, Map<String, Object>> rules = (Map<String, Map<String, Object>>) report.get("rules");
        assertThat(((Number) rules.get("DA-STRANGULATION").get("inForce")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) rules.get("DA-STRANGULATION").get("draft")).intValue()).isZero();
        assertThat((Map<String, Object>) report.get("flagsLost")).containsKey("MARAC_CONSIDERATION");

        // Workload by team: the strategy discussion 2026 requires is child protection's; under 2023 it is not there.
        // (and, on a night or a weekend, a red contact is the emergency duty team's too)
        assertThat((List<String>) inForce.get("teams")).contains("MASH", "CHILD_PROTECTION");
        assertThat((List<String>) draft.get("teams")).doesNotContain("CHILD_PROTECTION").contains("MASH");
        assertThat(examples.get("WORKLOAD")).anySatisfy(example -> assertThat(example.get("contactId")).isEqualTo(strangulation));
        Map<String, Map<String, Object>> workload = (Map<String, Map<String, Object>>) report.get("workload");
        int contacts = ((Number) report.get("contacts")).intValue();
        // Every contact is a decision for the MASH under both; the change is the draft's count less the one in force.
        assertThat(workload.get("MASH")).containsEntry("inForce", contacts).containsEntry("draft", contacts)
                .containsEntry("change", 0);
        Map<String, Object> childProtection = workload.get("CHILD_PROTECTION");
        assertThat(((Number) childProtection.get("inForce")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) childProtection.get("change")).intValue()).isEqualTo(
                ((Number) childProtection.get("draft")).intValue() - ((Number) childProtection.get("inForce")).intValue());

        // Nothing was written to any child's stream.
        assertThat(events(strangulationChild)).isEqualTo(before[0]);
        assertThat(events(alikeChild)).isEqualTo(before[1]);

        // An empty period says so.
        HttpResponse<String> empty = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", "2020-01-01", "to", "2020-01-02"));
        String emptyAt = empty.headers().firstValue("Location").orElseThrow();
        Map<String, Object> nothing = await().until(() -> body(get(emptyAt, staff("manager1"))),
                simulation -> "DONE".equals(simulation.get("state")));
        assertThat((Map<String, Object>) nothing.get("report")).containsEntry("empty", true).containsEntry("contacts", 0);

        // A rule set the service has not loaded, and a period out of order, are refused naming the field.
        HttpResponse<String> unknown = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "1999.9", "from", today, "to", today));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) body(unknown).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "ruleSet"));
        HttpResponse<String> backwards = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today, "to", "2020-01-01"));
        assertThat((List<Map<String, Object>>) body(backwards).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "to"));
        // Managers only.
        assertThat(postJson("/api/v1/threshold-rules/simulations", staff("sw1"),
                Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today, "to", today))
                .statusCode()).isEqualTo(403);
    }
}
