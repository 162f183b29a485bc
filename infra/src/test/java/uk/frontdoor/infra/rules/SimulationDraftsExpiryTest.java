package uk.frontdoor.infra.rules;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.asat.DraftRuleSetSimulationIntegrationTest;
import uk.frontdoor.triage.rules.simulation.RuleSetSimulations;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated draft's text is kept for {@code frontdoor.simulations.draft-kept-for} (90 days unless configured), then
 * cleared; the report stays, and the simulation says when its draft was cleared.
 */
class SimulationDraftsExpiryTest extends IntegrationTestSupport {

    private static final String SIMULATIONS = "/api/v1/threshold-rules/simulations";

    @Autowired
    private SimulationDraftsExpiry.DraftProperties properties;

    @Autowired
    private RuleSetSimulations simulations;

    @Test
    void a_drafts_text_is_cleared_once_kept_for_its_period_and_the_report_stays() {
        assertThat(properties.draftKeptFor()).isEqualTo(Period.ofDays(90));
        String old = simulated();
        String recent = simulated();
        // Asked for 91 days ago (the row is this test's own; the service's clock is now).
        jdbc.sql("UPDATE rule_set_simulations SET requested_at = ? WHERE simulation_id = ?")
                .params(Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), old).update();

        assertThat(simulations.clearDraftsOlderThan(properties.draftKeptFor())).isPositive();

        assertThat(draftKept(old)).isFalse();
        assertThat(draftKept(recent)).isTrue();
        Map<String, Object> cleared = body(get(SIMULATIONS + "/" + old, staff("manager1")));
        assertThat(cleared).containsEntry("state", "DONE").containsEntry("draftFile", "kept.yaml")
                .containsKeys("report", "draftClearedAt");
        assertThat(body(get(SIMULATIONS + "/" + recent, staff("manager1")))).doesNotContainKey("draftClearedAt");
        // Clearing again finds nothing more of this test's.
        simulations.clearDraftsOlderThan(properties.draftKeptFor());
        assertThat(draftKept(recent)).isTrue();
    }

    private String simulated() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        HttpResponse<String> started = postJson(SIMULATIONS, staff("manager1"), Map.of("draft",
                DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth(), "draftFile", "kept.yaml",
                "from", today, "to", today));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        await().until(() -> body(get(location, staff("manager1"))),
                simulation -> List.of("DONE", "FAILED").contains(simulation.get("state")));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private boolean draftKept(String simulationId) {
        return jdbc.sql("SELECT draft_text IS NOT NULL FROM rule_set_simulations WHERE simulation_id = ?")
                .param(simulationId).query(Boolean.class).single();
    }
}
