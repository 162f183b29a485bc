package uk.frontdoor.infra.asat;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule-authoring API over HTTP: a loaded version's rules in plain words, the differences between two versions,
 * and a draft checked before it is simulated, with the same refusal as a simulation of it; the bad requests are 400
 * problem details naming the field; who may call each.
 */
class RuleAuthoringIntegrationTest extends SimulationTestSupport {

    private static final String RULES = "/api/v1/threshold-rules";
    private static final String CHECK = RULES + "/drafts/check";

    @Test
    @SuppressWarnings("unchecked")
    void a_version_lists_its_rules_with_their_conditions_in_words_effects_and_explanations() {
        HttpResponse<String> response = get(RULES + "/berkshire-threshold/versions/2026.1", staff("sw1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> version = body(response);
        assertThat(version).containsEntry("id", "berkshire-threshold").containsEntry("version", "2026.1")
                .containsEntry("effectiveFrom", "2026-01-01").containsEntry("reviewBy", "2027-03-31")
                .containsKeys("inForce", "pastReviewDate");
        assertThat((Map<String, Object>) version.get("parameters")).containsEntry("accumulatingConcernContacts", 3);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) version.get("rules");
        assertThat(rules).hasSizeGreaterThan(40).allSatisfy(rule -> assertThat((String) rule.get("inWords")).isNotBlank());
        assertThat(rules).filteredOn(rule -> "DA-CHILD-INJURED".equals(rule.get("id"))).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("level", 4).containsEntry("priority", "RED");
            assertThat((List<String>) rule.get("flags")).contains("STRATEGY_DISCUSSION_REQUIRED");
            assertThat((String) rule.get("when")).contains("'CHILD_INJURED' in contact.indicators");
            assertThat((String) rule.get("inWords")).contains("the contact has indicator child injured");
            assertThat((String) rule.get("description")).contains("strategy discussion");
        });

        HttpResponse<String> unknown = get(RULES + "/berkshire-threshold/versions/1999.1", staff("sw1"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(RULES + "/berkshire-threshold/versions/2026.1", staff("admin1")).statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_differences_between_two_versions_are_listed_rule_by_rule_and_bad_parameters_are_named() {
        HttpResponse<String> response = get(RULES + "/diff?from=berkshire-threshold:2023.1&to=berkshire-threshold:2026.1",
                staff("sw1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> diff = body(response);
        int added = ((List<?>) diff.get("added")).size();
        int removed = ((List<?>) diff.get("removed")).size();
        List<Map<String, Object>> changed = (List<Map<String, Object>>) diff.get("changed");
        int unchanged = (Integer) diff.get("unchanged");
        Map<String, Object> to = (Map<String, Object>) diff.get("to");
        Map<String, Object> from = (Map<String, Object>) diff.get("from");
        assertThat(added + changed.size() + unchanged).isEqualTo(to.get("ruleCount"));
        assertThat(removed + changed.size() + unchanged).isEqualTo(from.get("ruleCount"));
        assertThat(changed).isNotEmpty().allSatisfy(rule -> assertThat((List<Map<String, Object>>) rule.get("changes"))
                .isNotEmpty().allSatisfy(change -> assertThat(change.get("field"))
                        .isIn("condition", "level", "raiseLevelBy", "priority", "flags", "explanation")));

        Map<String, Object> same = body(get(RULES + "/diff?from=berkshire-threshold:2026.1&to=berkshire-threshold:2026.1",
                staff("manager1")));
        assertThat(same).containsEntry("unchanged", to.get("ruleCount"));
        assertThat((List<?>) same.get("changed")).isEmpty();

        assertBadParameter(get(RULES + "/diff?to=berkshire-threshold:2026.1", staff("sw1")), "from");
        assertBadParameter(get(RULES + "/diff?from=berkshire-threshold:2026.1&to=berkshire-threshold", staff("sw1")), "to");
        assertBadParameter(get(RULES + "/diff?from=berkshire-threshold:1999.9&to=berkshire-threshold:2026.1", staff("sw1")),
                "from");
        assertThat(get(RULES + "/diff?from=berkshire-threshold:2023.1&to=berkshire-threshold:2026.1", staff("admin1"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_draft_that_loads_shows_its_rules_and_what_it_changes_from_the_version_it_revises() {
        String draft = DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth();
        HttpResponse<String> asJson = postJson(CHECK, staff("manager1"), Map.of("draftFile", "mine.yaml", "draft", draft));
        HttpResponse<String> uploaded = send(multipart(CHECK, staff("manager1"), "mine.yaml", draft, Map.of()));
        for (HttpResponse<String> response : List.of(asJson, uploaded)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Map<String, Object> check = body(response);
            assertThat(check).containsEntry("draftFile", "mine.yaml").containsEntry("revises", "berkshire-threshold:2026.1");
            Map<String, Object> ruleSet = (Map<String, Object>) check.get("ruleSet");
            assertThat(ruleSet).containsEntry("version", "2026.2-draft").containsEntry("inForce", false);
            assertThat((List<Map<String, Object>>) ruleSet.get("rules"))
                    .anySatisfy(rule -> assertThat(rule).containsEntry("id", "PARENT-MENTAL-HEALTH")
                            .containsEntry("level", 1).containsEntry("priority", "BLUE"));
            Map<String, Object> diff = (Map<String, Object>) check.get("diff");
            assertThat((List<?>) diff.get("added")).isEmpty();
            assertThat((List<?>) diff.get("removed")).isEmpty();
            assertThat((List<Map<String, Object>>) diff.get("changed")).singleElement().satisfies(rule -> {
                assertThat(rule).containsEntry("id", "PARENT-MENTAL-HEALTH");
                assertThat((List<Map<String, Object>>) rule.get("changes")).containsExactly(
                        Map.of("field", "level", "before", "2", "after", "1"),
                        Map.of("field", "priority", "before", "GREEN", "after", "BLUE"));
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_draft_that_does_not_load_is_refused_as_a_simulation_of_it_is_and_only_managers_check() {
        String unknownFlag = DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth().replace(
                "effect: {level: 1, priority: BLUE}", "effect: {level: 1, priority: BLUE, flags: [ADULT_SERVICES]}");
        HttpResponse<String> uploaded = send(multipart(CHECK, staff("manager1"), "my-draft.yaml", unknownFlag, Map.of()));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(400);
        assertThat(uploaded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(uploaded)).containsEntry("type", "/problems/invalid-rule-set")
                .containsEntry("file", "my-draft.yaml").containsEntry("rule", "PARENT-MENTAL-HEALTH")
                .containsEntry("error", "unknown flag 'ADULT_SERVICES'");
        assertThat((List<Map<String, Object>>) body(uploaded).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"));

        HttpResponse<String> notYaml = postJson(CHECK, staff("manager1"), Map.of("draft", "id: [unclosed"));
        assertThat(notYaml.statusCode()).isEqualTo(400);
        assertThat(body(notYaml)).containsEntry("type", "/problems/invalid-rule-set").containsEntry("file", "draft.yaml");
        assertThat((String) body(notYaml).get("error")).startsWith("not valid YAML");

        // The file's name and the text are whatever was sent: the name keeps letters, digits, dots, dashes,
        // underscores and spaces, and the YAML error says where, without quoting the text.
        String hostile = "Robert'); DELETE FROM domainevententry; --";
        HttpResponse<String> named = postJson(CHECK, staff("manager1"), Map.of("draft", hostile, "draftFile", hostile));
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(body(named)).containsEntry("file", "Robert___ DELETE FROM domainevententry_ --");
        assertThat(named.body()).doesNotContain(hostile);

        HttpResponse<String> empty = postJson(CHECK, staff("manager1"), Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) body(empty).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "draft"));
        HttpResponse<String> noFile = send(multipart(CHECK, staff("manager1"), null, null, Map.of()));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) body(noFile).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"));

        assertThat(postJson(CHECK, staff("sw1"), Map.of("draft", unknownFlag)).statusCode()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private void assertBadParameter(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((List<Map<String, Object>>) body(response).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", field));
    }
}
