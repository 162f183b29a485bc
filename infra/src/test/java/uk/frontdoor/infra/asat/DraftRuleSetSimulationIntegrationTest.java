package uk.frontdoor.infra.asat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager simulates a draft rule file of their own, sent as JSON or uploaded as a form, and cancels a simulation:
 * a draft that lowers the level for parental mental health lowers the parental mental health contact and leaves a
 * contact it has no rule for alone; a draft that does not load is refused naming the file, rule and error; a
 * cancelled simulation never runs and keeps no report; no child's stream changes.
 */
public class DraftRuleSetSimulationIntegrationTest extends SimulationTestSupport {

    private static final String SIMULATIONS = "/api/v1/threshold-rules/simulations";
    /** The advisory lock the service's simulations take, one at a time ("RULESIM" in ASCII). */
    private static final long SIMULATION_LOCK = 0x52554c4553494dL;

    @Autowired
    private DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void a_draft_lowering_parental_mental_health_lowers_those_contacts_sent_as_json_or_uploaded() {
        String mentalHealth = contact(List.of("4B"), List.of());
        String alike = contact(List.of("3A"), List.of("CHILD_PRESENT"));
        String mentalHealthChild = assessedChildOf(mentalHealth);
        String alikeChild = assessedChildOf(alike);
        long[] before = {events(mentalHealthChild), events(alikeChild)};
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String draft = lowerParentalMentalHealth();

        Map<String, Object> asJson = done(postJson(SIMULATIONS, staff("manager1"),
                Map.of("draft", draft, "draftFile", "berkshire-2026-draft.yaml", "from", today, "to", today)));
        HttpResponse<String> uploaded = send(multipart(SIMULATIONS, staff("manager1"), "berkshire-2026-draft.yaml",
                draft, Map.of("from", today, "to", today)));
        Map<String, Object> asUpload = done(uploaded);

        for (Map<String, Object> simulation : List.of(asJson, asUpload)) {
            assertThat(simulation).containsEntry("state", "DONE").containsEntry("ruleSetId", "berkshire-threshold")
                    .containsEntry("ruleSetVersion", "2026.2-draft")
                    .containsEntry("draftFile", "berkshire-2026-draft.yaml");
            Map<String, Object> report = (Map<String, Object>) simulation.get("report");
            Map<String, List<Map<String, Object>>> examples = (Map<String, List<Map<String, Object>>>) report.get("examples");
            Map<String, Object> lowered = examples.get("LEVEL_DOWN").stream()
                    .filter(example -> mentalHealth.equals(example.get("contactId"))).findFirst().orElseThrow();
            assertThat((Map<String, Object>) lowered.get("inForce")).containsEntry("level", 2)
                    .containsEntry("priority", "GREEN").containsEntry("ruleSet", "berkshire-threshold 2026.1");
            assertThat((Map<String, Object>) lowered.get("draft")).containsEntry("level", 1)
                    .containsEntry("priority", "BLUE").containsEntry("ruleSet", "berkshire-threshold 2026.2-draft");
            assertThat(examples.get("PRIORITY_DOWN")).anySatisfy(example ->
                    assertThat(example.get("contactId")).isEqualTo(mentalHealth));
            // The draft changes one rule's effect: nothing goes up, and a contact without it is no change at all.
            assertThat(report).containsEntry("levelUp", 0).containsEntry("priorityUp", 0);
            examples.values().forEach(list -> assertThat(list)
                    .noneSatisfy(example -> assertThat(example.get("contactId")).isEqualTo(alike)));
            Map<String, Map<String, Object>> rules = (Map<String, Map<String, Object>>) report.get("rules");
            // The rule still fires as often: only its effect changed.
            assertThat(rules.get("PARENT-MENTAL-HEALTH"))
                    .satisfies(count -> assertThat(count.get("inForce")).isEqualTo(count.get("draft")));
        }
        assertThat(events(mentalHealthChild)).isEqualTo(before[0]);
        assertThat(events(alikeChild)).isEqualTo(before[1]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_draft_that_does_not_load_is_refused_naming_the_file_the_rule_and_the_error() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String unknownFlag = lowerParentalMentalHealth().replace("effect: {level: 1, priority: BLUE}",
                "effect: {level: 1, priority: BLUE, flags: [ADULT_SERVICES]}");
        HttpResponse<String> uploaded = send(multipart(SIMULATIONS, staff("manager1"), "my-draft.yaml", unknownFlag,
                Map.of("from", today, "to", today)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(400);
        assertThat(uploaded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(uploaded)).containsEntry("type", "/problems/invalid-rule-set")
                .containsEntry("file", "my-draft.yaml").containsEntry("rule", "PARENT-MENTAL-HEALTH")
                .containsEntry("error", "unknown flag 'ADULT_SERVICES'");
        assertThat((List<Map<String, Object>>) body(uploaded).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"));

        HttpResponse<String> notYaml = postJson(SIMULATIONS, staff("manager1"),
                Map.of("draft", "id: [unclosed", "from", today, "to", today));
        assertThat(notYaml.statusCode()).isEqualTo(400);
        assertThat(body(notYaml)).containsEntry("file", "draft.yaml").doesNotContainKey("rule");
        assertThat((String) body(notYaml).get("error")).startsWith("not valid YAML");
        assertThat((List<Map<String, Object>>) body(notYaml).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "draft"));

        HttpResponse<String> both = postJson(SIMULATIONS, staff("manager1"), Map.of("ruleSet", "berkshire-threshold",
                "version", "2023.1", "draft", lowerParentalMentalHealth(), "from", today, "to", today));
        assertThat((List<Map<String, Object>>) body(both).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "draft"));
        HttpResponse<String> noFile = send(multipart(SIMULATIONS, staff("manager1"), null, null,
                Map.of("from", today, "to", today)));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) body(noFile).get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"));
        // Managers only, uploads too.
        assertThat(send(multipart(SIMULATIONS, staff("sw1"), "my-draft.yaml", lowerParentalMentalHealth(),
                Map.of("from", today, "to", today))).statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_simulation_cancelled_while_it_waits_never_runs_and_the_next_one_does() throws Exception {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Map<String, String> request = Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today,
                "to", today);
        String cancelled;
        String next;
        // Another instance's simulation holds the lock: this instance's wait their turn.
        try (Connection other = dataSource.getConnection()) {
            lock(other, "pg_advisory_lock");
            try {
                cancelled = location(postJson(SIMULATIONS, staff("manager1"), request));
                next = location(postJson(SIMULATIONS, staff("manager1"), request));
                assertThat(body(get(cancelled, staff("manager1")))).containsEntry("state", "QUEUED");

                HttpResponse<String> cancel = postJson(cancelled + "/cancel", staff("manager2"), null);
                assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
                assertThat(body(cancel)).containsEntry("state", "CANCELLED").containsEntry("cancelledBy", "manager2");
                assertThat(body(get(next, staff("manager1")))).containsEntry("state", "QUEUED");
                // Only managers cancel.
                assertThat(postJson(next + "/cancel", staff("sw1"), null).statusCode()).isEqualTo(403);
            } finally {
                lock(other, "pg_advisory_unlock");
            }
        }
        Map<String, Object> ran = await().until(() -> body(get(next, staff("manager1"))),
                simulation -> "DONE".equals(simulation.get("state")));
        assertThat(ran.get("report")).isNotNull();
        Map<String, Object> never = body(get(cancelled, staff("manager1")));
        assertThat(never).containsEntry("state", "CANCELLED").containsEntry("contactsDone", 0)
                .doesNotContainKeys("report", "contactsTotal");
        assertThat(never.get("cancelledAt")).isNotNull();

        // A finished simulation cannot be cancelled; an unknown one is not found.
        HttpResponse<String> again = postJson(next + "/cancel", staff("manager1"), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again)).containsEntry("type", "/problems/simulation-finished");
        assertThat(postJson(cancelled + "/cancel", staff("manager1"), null).statusCode()).isEqualTo(409);
        assertThat(postJson(SIMULATIONS + "/" + UUID.randomUUID() + "/cancel", staff("manager1"), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_simulation_cancelled_while_it_runs_stops_and_keeps_no_report() throws Exception {
        assessedChildOf(contact(List.of("4B"), List.of()));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Map<String, String> request = Map.of("ruleSet", "berkshire-threshold", "version", "2023.1", "from", today,
                "to", today);
        String cancelled;
        // The run is held while it runs, not raced: with the table of erased records locked (only erasure and the
        // retention review use it; the event store and the projections go on), it has started (RUNNING) and waits to
        // count the period's contacts. The lock is this test's own transaction's, rolled back at the end.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("LOCK TABLE erased_children IN ACCESS EXCLUSIVE MODE")) {
                lock.execute();
                cancelled = location(postJson(SIMULATIONS, staff("manager1"), request));
                await().until(() -> body(get(cancelled, staff("manager1"))),
                        simulation -> "RUNNING".equals(simulation.get("state")));

                HttpResponse<String> cancel = postJson(cancelled + "/cancel", staff("manager2"), null);
                assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
                assertThat(body(cancel)).containsEntry("state", "CANCELLED").containsEntry("cancelledBy", "manager2");
            } finally {
                other.rollback();
            }
        }
        // Simulations run one at a time on one thread: once the next one is done, the cancelled run has ended. It
        // stopped at its first progress step: nothing counted, nothing replayed, no report.
        String next = location(postJson(SIMULATIONS, staff("manager1"), request));
        await().until(() -> body(get(next, staff("manager1"))), simulation -> "DONE".equals(simulation.get("state")));
        assertThat(body(get(next, staff("manager1"))).get("report")).isNotNull();
        Map<String, Object> stopped = body(get(cancelled, staff("manager1")));
        assertThat(stopped).containsEntry("state", "CANCELLED").containsEntry("cancelledBy", "manager2")
                .containsEntry("contactsDone", 0).doesNotContainKeys("report", "contactsTotal");
    }

    /** The shipped 2026 rule set as a draft of its own: parental mental health at level 1 (blue), not 2 (green). */
    public static String lowerParentalMentalHealth() {
        try (InputStream in = DraftRuleSetSimulationIntegrationTest.class
                .getResourceAsStream("/threshold-rules/berkshire-2026-v1.yaml")) {
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String rule = "- id: PARENT-MENTAL-HEALTH";
            int at = shipped.indexOf(rule);
            int effect = shipped.indexOf("effect: {level: 2, priority: GREEN}", at);
            assertThat(at).isPositive();
            assertThat(effect).isPositive();
            String draft = shipped.substring(0, effect) + "effect: {level: 1, priority: BLUE}"
                    + shipped.substring(effect + "effect: {level: 2, priority: GREEN}".length());
            return draft.replace("version: \"2026.1\"", "version: \"2026.2-draft\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> done(HttpResponse<String> started) {
        String location = location(started);
        return await().until(() -> body(get(location, staff("manager1"))),
                simulation -> List.of("DONE", "FAILED", "CANCELLED").contains(simulation.get("state")));
    }

    private static String location(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return started.headers().firstValue("Location").orElseThrow();
    }

    private static void lock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, SIMULATION_LOCK);
            statement.execute();
        }
    }
}
