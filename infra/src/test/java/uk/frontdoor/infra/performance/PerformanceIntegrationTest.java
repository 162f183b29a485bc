package uk.frontdoor.infra.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.OwnServiceTestSupport;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.PerformanceReport.AgencyQuality;
import uk.frontdoor.triage.api.query.PerformanceReport.LevelOutcome;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.PerformanceReport.StrategyDiscussions;
import uk.frontdoor.triage.api.query.PerformanceReport.WorkerOutcome;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The performance figures on the whole running service (real PostgreSQL, real Kafka, the real command
 * API), on a database of its own so that every figure can be asserted exactly, and on a clock the test
 * moves: contacts are received, decided on time or late, re-referred within and beyond 12 months, and
 * strategy discussions held with and without health, in known weeks. The figures are then rebuilt from
 * the event store by resetting the projection, and come out the same.
 */
class PerformanceIntegrationTest extends OwnServiceTestSupport {

    private static final String POLICE = "dev-key-police";
    private static final String SCHOOL = "dev-key-school";
    private static final String HEALTH = "dev-key-health";

    @Test
    void the_figures_count_each_contact_decision_and_discussion_once_in_its_week_and_survive_a_rebuild() {
        // Winter dates: England is on UTC, so these are also London times.
        clock.moveTo(Instant.parse("2025-01-06T10:00:00Z"));
        app = start();

        // Earlier referrals, before the period: child X 13 months before, child Y 3 months before.
        String nhsX = IntegrationTestSupport.freshNhsNumber();
        String nhsY = IntegrationTestSupport.freshNhsNumber();
        decide(receive(POLICE, "6", nhsX), "sw1", "ASSESSMENT", "manager1");
        clock.moveTo(Instant.parse("2025-11-03T10:00:00Z"));
        decide(receive(SCHOOL, "2A", nhsY), "sw1", "ASSESSMENT", "manager1");

        // Week beginning Monday 2 February 2026: three contacts, all decided that day.
        clock.moveTo(Instant.parse("2026-02-02T10:00:00Z"));
        String x2 = receive(POLICE, "6", nhsX);                                   // not a re-referral: 13 months on
        decide(x2, "sw1", "STRATEGY_DISCUSSION", "manager1");
        holdStrategyDiscussion(x2, "POLICE", "SOCIAL_CARE");                     // health absent
        String y2 = receive(SCHOOL, "2A", nhsY);                                  // a re-referral: 3 months on
        decide(y2, "sw1", "STRATEGY_DISCUSSION", "manager2");
        holdStrategyDiscussion(y2, "POLICE", "HEALTH", "SOCIAL_CARE");
        String health = receive(HEALTH, "3A", IntegrationTestSupport.freshNhsNumber());
        claimAndConsent(health, "sw2");
        // Back to health for what the GP's contact did not say: it needed follow-up.
        assertThat(post("/api/v1/contacts/" + health + "/partner-checks", "sw2",
                Map.of("agencies", List.of("HEALTH"), "question", "What does the GP know?")).statusCode()).isEqualTo(201);
        propose(health, "sw2", "NO_FURTHER_ACTION");
        authorise(health, "manager1");

        // Week beginning 9 February: a police contact decided three days later (late), after a check with health.
        clock.moveTo(Instant.parse("2026-02-09T10:00:00Z"));
        String late = receive(POLICE, "6", IntegrationTestSupport.freshNhsNumber());
        claimAndConsent(late, "sw1");
        assertThat(post("/api/v1/contacts/" + late + "/partner-checks", "sw1",
                Map.of("agencies", List.of("HEALTH"), "question", "Known to health?")).statusCode()).isEqualTo(201);
        clock.moveTo(Instant.parse("2026-02-12T10:00:00Z"));
        propose(late, "sw1", "EARLY_HELP");
        authorise(late, "manager2");

        // Monday 16 February 00:30: the first minutes after the period, never counted in it.
        clock.moveTo(Instant.parse("2026-02-16T00:30:00Z"));
        receive(POLICE, "6", IntegrationTestSupport.freshNhsNumber());

        FindPerformance period = new FindPerformance(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-15"));
        Map<String, Integer> levels = Map.of(x2, level(x2), y2, level(y2), health, level(health), late, level(late));
        StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor("performance", StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);

        PerformanceReport report = performance(period);
        assertFigures(report, levels, Map.of(x2, DecisionOutcome.STRATEGY_DISCUSSION,
                y2, DecisionOutcome.STRATEGY_DISCUSSION, health, DecisionOutcome.NO_FURTHER_ACTION,
                late, DecisionOutcome.EARLY_HELP));

        // The API gives managers the same figures; nobody else; a bad period is a problem, not a guess.
        HttpResponse<String> api = get("/api/v1/performance?from=2026-02-02&to=2026-02-15", "manager1");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = tree(api.body());
        assertThat(body.get("conversion").get("count").asLong()).isEqualTo(2);
        assertThat(body.get("conversion").get("of").asLong()).isEqualTo(4);
        assertThat(body.get("conversion").get("percent").asDouble()).isEqualTo(50.0);
        assertThat(body.get("weeks")).hasSize(2);
        assertThat(body.get("weeks").get(0).get("weekStart").asText()).isEqualTo("2026-02-02");
        assertThat(get("/api/v1/performance?from=2026-02-02&to=2026-02-15", "sw1").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = get("/api/v1/performance?from=2026-02-15&to=2026-02-02", "manager1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(tree(bad.body()).get("type").asText()).isEqualTo("/problems/invalid-period");
        assertThat(tree(bad.body()).get("errors").get(0).get("field").asText()).isEqualTo("to");
        assertThat(get("/api/v1/performance?from=yesterday", "manager1").statusCode()).isEqualTo(400);

        // Rebuilt from the event store: the reset handler empties the tables, the replay fills them again.
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);
        assertThat(performance(period)).isEqualTo(report);
    }

    private static void assertFigures(PerformanceReport report, Map<String, Integer> levels,
                                      Map<String, DecisionOutcome> outcomes) {
        assertThat(report.weeks()).extracting(PerformanceReport.Week::weekStart)
                .containsExactly(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-09"));
        PerformanceReport.Week first = report.weeks().get(0);
        PerformanceReport.Week second = report.weeks().get(1);

        // 1. Contacts by week and census source group.
        assertThat(first.contacts()).isEqualTo(3);
        assertThat(first.contactsBySource()).isEqualTo(Map.of(ReferralSourceGroup.POLICE, 1L,
                ReferralSourceGroup.EDUCATION, 1L, ReferralSourceGroup.HEALTH, 1L));
        assertThat(second.contacts()).isEqualTo(1);
        assertThat(second.contactsBySource()).isEqualTo(Map.of(ReferralSourceGroup.POLICE, 1L));
        assertThat(report.contactsBySource()).isEqualTo(Map.of(ReferralSourceGroup.POLICE, 2L,
                ReferralSourceGroup.EDUCATION, 1L, ReferralSourceGroup.HEALTH, 1L));

        // 2. Conversion: two strategy discussions of three decided, then early help.
        assertThat(first.conversion()).isEqualTo(new Ratio(2, 3));
        assertThat(second.conversion()).isEqualTo(new Ratio(0, 1));
        assertThat(report.conversion()).isEqualTo(new Ratio(2, 4));

        // 3. Within one working day: the first week's three, not the one decided three days on.
        assertThat(first.decidedInOneWorkingDay()).isEqualTo(new Ratio(3, 3));
        assertThat(second.decidedInOneWorkingDay()).isEqualTo(new Ratio(0, 1));
        assertThat(report.decidedInOneWorkingDay()).isEqualTo(new Ratio(3, 4));

        // 4. Re-referrals: Y's within 12 months of her earlier referral; X's came 13 months after his.
        assertThat(report.reReferrals()).isEqualTo(new Ratio(1, 2));

        // 5. Strategy discussions: both in time, one without health.
        assertThat(first.strategyDiscussions()).isEqualTo(new StrategyDiscussions(2, 2, 1));
        assertThat(second.strategyDiscussions()).isEqualTo(StrategyDiscussions.NONE);
        assertThat(report.strategyDiscussions()).isEqualTo(new StrategyDiscussions(2, 2, 1));

        // 6. Referral quality: the health contact went back to health; the police one was checked with health only.
        assertThat(report.referralQuality()).containsExactlyInAnyOrder(
                new AgencyQuality(ReferralSourceGroup.POLICE, new Ratio(0, 2), true),
                new AgencyQuality(ReferralSourceGroup.EDUCATION, new Ratio(0, 1), true),
                new AgencyQuality(ReferralSourceGroup.HEALTH, new Ratio(1, 1), true));

        // 7. Outcomes by the rules' level and by the worker who proposed them.
        Map<Integer, Map<DecisionOutcome, Long>> byLevel = new HashMap<>();
        outcomes.forEach((contact, outcome) -> byLevel.computeIfAbsent(levels.get(contact), level -> new HashMap<>())
                .merge(outcome, 1L, Long::sum));
        List<LevelOutcome> expected = byLevel.entrySet().stream().flatMap(level -> level.getValue().entrySet().stream()
                .map(outcome -> new LevelOutcome(level.getKey(), outcome.getKey(), outcome.getValue()))).toList();
        assertThat(report.outcomesByLevel()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.outcomesByWorker()).containsExactlyInAnyOrder(
                new WorkerOutcome("sw1", DecisionOutcome.EARLY_HELP, 1),
                new WorkerOutcome("sw1", DecisionOutcome.STRATEGY_DISCUSSION, 2),
                new WorkerOutcome("sw2", DecisionOutcome.NO_FURTHER_ACTION, 1));
    }

    // ----- the journey through the real API -----

    private String receive(String key, String source, String nhsNumber) {
        ObjectNode submission = submission(source, nhsNumber);
        HttpResponse<String> response = IntegrationTestSupport.send(request("/api/v1/contacts", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submission.toString())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return tree(response.body()).get("contactId").asText();
    }

    private void decide(String contact, String worker, String outcome, String manager) {
        claimAndConsent(contact, worker);
        propose(contact, worker, outcome);
        authorise(contact, manager);
    }

    private void claimAndConsent(String contact, String worker) {
        assertThat(post("/api/v1/contacts/" + contact + "/claim", worker, null).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/consent", worker,
                Map.of("decision", "NOT_SOUGHT", "reason", "Asking would alert the adult suspected of harm."))
                .statusCode()).isEqualTo(204);
    }

    private void propose(String contact, String worker, String outcome) {
        HttpResponse<String> response = post("/api/v1/contacts/" + contact + "/proposal", worker,
                Map.of("outcome", outcome, "rationale", "As the threshold document describes."));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private void authorise(String contact, String manager) {
        // A reason is given every time: an outcome below the rules' level needs one.
        HttpResponse<String> response = post("/api/v1/contacts/" + contact + "/proposal/authorise", manager,
                Map.of("reason", "Agreed with the worker's reasoning."));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private void holdStrategyDiscussion(String contact, String... agencies) {
        Instant heldAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, String>> attendees = java.util.Arrays.stream(agencies)
                .map(agency -> Map.of("name", "Attendee " + agency, "agency", agency, "role", "Officer")).toList();
        HttpResponse<String> response = post("/api/v1/contacts/" + contact + "/strategy-discussion/record", "sw1",
                Map.of("heldAt", heldAt.toString(), "mode", "VIDEO", "attendees", attendees,
                        "outcome", "SECTION_47_ENQUIRY", "summary", "Section 47 enquiry agreed.",
                        "actions", List.of(Map.of("description", "Visit the child", "owner", "sw1",
                                "agency", "SOCIAL_CARE", "dueDate", LocalDate.ofInstant(heldAt, ZoneOffset.UTC)
                                        .plusDays(1).toString()))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /**
     * The level the rules gave the contact, from the staff API, once the contact's read model shows the
     * assessment (it follows the event store a moment behind).
     */
    private int level(String contact) {
        return await().until(() -> tree(get("/api/v1/contacts/" + contact, "sw1").body()).path("threshold"),
                threshold -> threshold.hasNonNull("level")).get("level").asInt();
    }

    private ObjectNode submission(String source, String nhsNumber) {
        ObjectNode node = policeExample("PERF-").put("referralSource", source);
        ((ObjectNode) node.get("child")).put("nhsNumber", nhsNumber);
        return node;
    }

    private PerformanceReport performance(FindPerformance period) {
        return app.getBean(QueryGateway.class).query(period, ResponseTypes.instanceOf(PerformanceReport.class)).join();
    }

    private void awaitCaughtUp(StreamingEventProcessor processor) {
        TokenStore tokens = app.getBean(TokenStore.class);
        long head = jdbc().sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        await().until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == tokens.fetchSegments("performance").length
                    && status.values().stream().allMatch(segment -> !segment.isErrorState()
                    && segment.getCurrentPosition().orElse(-1) >= head);
        });
    }
}
