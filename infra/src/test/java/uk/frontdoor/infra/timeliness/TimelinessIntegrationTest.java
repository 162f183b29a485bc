package uk.frontdoor.infra.timeliness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.OwnServiceTestSupport;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * The clocks on the whole running service: real PostgreSQL (event store and db-scheduler's table),
 * real Kafka, the real deadline manager. Time is a clock the test moves forward; it also runs on
 * by itself, so the scheduler's heartbeats stay honest. Each test starts the service itself, so that
 * one can stop it and start it again on the same database.
 */
class TimelinessIntegrationTest extends OwnServiceTestSupport {

    private static final HttpClient http = HttpClient.newHttpClient();
    /** Put after the last line of a board stream once the server has ended it. */
    private static final String STREAM_ENDED = "(stream ended)";

    @Test
    void a_deadline_scheduled_before_a_restart_breaches_exactly_once_after_it() {
        app = start();
        String childId = childOf(postContact());
        JsonNode started = awaitClockEvents(childId, "ClockStarted").get(0);
        List<String> scheduleIds = new ArrayList<>();
        started.get("scheduleIds").forEach(id -> scheduleIds.add(id.asText()));
        assertThat(pendingDeadlines(scheduleIds)).as("warning and breach are in the scheduler's table").isEqualTo(2);

        app.close();
        // Down over the due time: nothing can fire while the service is stopped.
        clock.moveTo(Instant.parse(started.get("dueAt").asText()).plus(Duration.ofHours(6)));
        app = start();

        await().until(() -> clockEvents(childId, "ClockBreached").size() == 1);
        await().until(() -> pendingDeadlines(scheduleIds) == 0);
        assertThat(clockEvents(childId, "ClockBreached")).singleElement()
                .satisfies(breach -> assertThat(breach.get("clockId").asText()).isEqualTo(started.get("clockId").asText()));
        // The warning came due too, but only after the due time: the breach stands alone.
        assertThat(clockEvents(childId, "ClockWarned")).isEmpty();
    }

    @Test
    void managers_see_warnings_live_act_on_them_and_a_duty_done_in_time_never_breaches() throws Exception {
        app = start();
        BlockingQueue<String> board = openBoardStream("manager1");
        await().until(() -> board.stream().anyMatch(line -> line.equals("event:board")));

        String decided = childOf(postContact());
        String waiting = childOf(postContact());
        JsonNode decidedClock = awaitClockEvents(decided, "ClockStarted").get(0);
        JsonNode waitingClock = awaitClockEvents(waiting, "ClockStarted").get(0);
        Instant dueAt = Instant.parse(decidedClock.get("dueAt").asText());

        // Past both warning points, before either due time.
        clock.moveTo(latest(decidedClock.get("warnAt"), waitingClock.get("warnAt")).plus(Duration.ofMinutes(1)));
        await().until(() -> clockEvents(decided, "ClockWarned").size() == 1
                && clockEvents(waiting, "ClockWarned").size() == 1);
        await().until(() -> board.stream().filter(line -> line.startsWith("data:") && line.contains("\"RAISED\""))
                .count() >= 2);

        // The board, most overdue first, for managers only.
        assertThat(get("/api/v1/alerts?type=CONTACT_DECISION", "sw1").statusCode()).isEqualTo(403);
        JsonNode open = await().until(() -> json.readTree(get("/api/v1/alerts?type=CONTACT_DECISION&team=MASH",
                "manager1").body()), alerts -> ids(alerts).containsAll(List.of(id(decidedClock), id(waitingClock))));
        assertThat(open.get("open").get("WARNING").asLong()).isGreaterThanOrEqualTo(2);
        List<Instant> dues = new ArrayList<>();
        open.get("alerts").forEach(alert -> dues.add(Instant.parse(alert.get("dueAt").asText())));
        assertThat(dues).isSorted();

        // Acknowledge, assign, escalate: each is recorded on the child's stream and pushed to the board.
        assertThat(post("/api/v1/alerts/" + id(decidedClock) + "/acknowledge", "manager1",
                Map.of("note", "sw1 is screening it now")).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/alerts/" + id(waitingClock) + "/assign", "manager1", Map.of("assignee", "sw2"))
                .statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/alerts/" + id(waitingClock) + "/escalate", "manager1", Map.of("to", "manager2"))
                .statusCode()).isEqualTo(400);
        // Assignees and escalation targets are staff the service knows: a typing slip is a 400 naming the field.
        var unknownAssignee = post("/api/v1/alerts/" + id(waitingClock) + "/assign", "manager1", Map.of("assignee", "sw9"));
        assertThat(unknownAssignee.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownAssignee.body()).get("errors").get(0).get("field").asText()).isEqualTo("assignee");
        var unknownTarget = post("/api/v1/alerts/" + id(waitingClock) + "/escalate", "manager1",
                Map.of("to", "head-of-service", "reason", "Nobody free in MASH today"));
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownTarget.body()).get("errors").get(0).get("field").asText()).isEqualTo("to");
        assertThat(post("/api/v1/alerts/" + id(waitingClock) + "/escalate", "manager1",
                Map.of("to", "manager2", "reason", "Nobody free in MASH today")).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge", "manager1", Map.of("note", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(types(decided)).contains("AlertAcknowledged");
        assertThat(types(waiting)).contains("AlertAssigned", "AlertEscalated");
        await().until(() -> board.stream().filter(line -> line.startsWith("data:") && line.contains("\"UPDATED\""))
                .count() >= 3);

        // The duty is done in time: the clock stops, its deadlines go with it, the alert leaves the board.
        String contact = contactOf(decided);
        assertThat(post("/api/v1/contacts/" + contact + "/claim", "sw1", null).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/consent", "sw1", Map.of("decision", "GIVEN"))
                .statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal", "sw1",
                Map.of("outcome", "ASSESSMENT", "rationale", "A child and family assessment is needed.")).statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal/authorise", "manager1", Map.of()).statusCode())
                .isEqualTo(204);
        List<String> decisionDeadlines = new ArrayList<>();
        decidedClock.get("scheduleIds").forEach(id -> decisionDeadlines.add(id.asText()));
        assertThat(pendingDeadlines(decisionDeadlines)).isZero();
        await().until(() -> board.stream().anyMatch(line -> line.startsWith("data:") && line.contains("\"CLOSED\"")
                && line.contains(id(decidedClock))));

        // Past the due time: the waiting contact breaches; the decided one never does.
        clock.moveTo(dueAt.plus(Duration.ofHours(1)));
        await().until(() -> clockEvents(waiting, "ClockBreached").size() == 1);
        await().until(() -> dueDeadlines() == 0);
        assertThat(clockEvents(decided, "ClockBreached")).isEmpty();
        assertThat(clockEvents(decided, "ClockStopped")).singleElement().satisfies(stopped -> {
            assertThat(stopped.get("reason").asText()).isEqualTo("DONE");
            assertThat(stopped.get("late").asBoolean()).isFalse();
        });

        // The figures a manager's dashboard scrapes.
        await().until(() -> get("/actuator/prometheus", null).body().lines()
                .filter(line -> line.startsWith("frontdoor_")).toList(), metrics -> metrics.contains(
                "frontdoor_alerts_open{clock=\"CONTACT_DECISION\",state=\"BREACHED\"} 1.0")
                && metrics.stream().anyMatch(line -> line.matches(
                        "frontdoor_contacts_receipt_to_decision_seconds_count 1(\\.0)?"))
                && metrics.contains("frontdoor_contacts_decided_within_one_working_day 1.0"));

        // Stopping the service ends the open stream first (browsers reconnect) rather than holding the web
        // server's graceful shutdown for the stream's 30-minute timeout (the shutdown phase allows 5 minutes).
        assertTimeoutPreemptively(Duration.ofMinutes(1), app::close);
        app = null;
        await().until(() -> board.contains(STREAM_ENDED));
    }

    @Test
    void an_assessment_decision_clocks_45_working_days_shows_on_the_board_and_its_completion_is_counted() throws Exception {
        app = start();
        String child = childOf(postContact());
        String contact = contactOf(child);
        assertThat(post("/api/v1/contacts/" + contact + "/claim", "sw1", null).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/consent", "sw1", Map.of("decision", "GIVEN"))
                .statusCode()).isEqualTo(204);
        // Before any decision of ASSESSMENT there is no assessment to record: 409.
        assertThat(post("/api/v1/contacts/" + contact + "/assessment", "sw1", Map.of("completedAt",
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), "outcome", "NO_FURTHER_ACTION"))
                .statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal", "sw1",
                Map.of("outcome", "ASSESSMENT", "rationale", "A child and family assessment is needed.")).statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal/authorise", "manager1", Map.of()).statusCode())
                .isEqualTo(204);

        JsonNode assessment = await().until(() -> clockEvents(child, "ClockStarted", "ASSESSMENT"),
                events -> !events.isEmpty()).get(0);
        JsonNode received = await().until(() -> clockEvents(child, "ClockStarted", "CONTACT_DECISION"),
                events -> !events.isEmpty()).get(0);
        // From the point of referral, the contact's arrival; 45 working days later, at least nine weeks on.
        assertThat(assessment.get("startedAt").asText()).isEqualTo(received.get("startedAt").asText());
        Instant dueAt = Instant.parse(assessment.get("dueAt").asText());
        assertThat(dueAt).isAfter(Instant.parse(assessment.get("startedAt").asText()).plus(Duration.ofDays(62)));

        // Past its warning: on the duty manager's board, the assessment team's.
        clock.moveTo(Instant.parse(assessment.get("warnAt").asText()).plus(Duration.ofMinutes(1)));
        JsonNode board = await().until(() -> json.readTree(get("/api/v1/alerts?type=ASSESSMENT", "manager1").body()),
                alerts -> ids(alerts).contains(id(assessment)));
        board.get("alerts").forEach(alert -> {
            if (alert.get("alertId").asText().equals(id(assessment))) {
                assertThat(alert.get("state").asText()).isEqualTo("WARNING");
                assertThat(alert.get("team").asText()).isEqualTo("ASSESSMENT");
            }
        });

        // Recorded as completed, in time, with its outcome: by a social worker, never by an administrator.
        String completedAt = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> completed = Map.of("completedAt", completedAt, "outcome", "CHILD_IN_NEED_PLAN",
                "summary", "Needs met by a child in need plan.");
        assertThat(post("/api/v1/contacts/" + contact + "/assessment", "admin1", completed).statusCode()).isEqualTo(403);
        var bad = post("/api/v1/contacts/" + contact + "/assessment", "sw1",
                Map.of("completedAt", completedAt, "outcome", "PURPLE"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("outcome").doesNotContain("PURPLE");
        assertThat(post("/api/v1/contacts/" + contact + "/assessment", "sw1", completed).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/assessment", "sw1", completed).statusCode()).isEqualTo(409);
        assertThat(clockEvents(child, "ClockStopped", "ASSESSMENT")).singleElement()
                .satisfies(stopped -> assertThat(stopped.get("late").asBoolean()).isFalse());

        await().until(() -> json.readTree(get("/api/v1/contacts/" + contact, "sw1").body()).get("work").get("assessment"),
                done -> done != null && done.path("outcome").asText().equals("CHILD_IN_NEED_PLAN"));
        await().until(() -> ids(json.readTree(get("/api/v1/alerts?type=ASSESSMENT", "manager1").body())),
                open -> !open.contains(id(assessment)));
        String day = java.time.LocalDate.ofInstant(Instant.parse(completedAt), java.time.ZoneId.of("Europe/London"))
                .toString();
        await().until(() -> json.readTree(get("/api/v1/performance?from=" + day + "&to=" + day, "manager1").body())
                .path("assessmentsInTime"), figure -> figure.path("count").asLong() == 1 && figure.path("of").asLong() == 1);
    }

    @Test
    void strategy_discussion_actions_are_duties_one_falls_overdue_on_the_board_another_is_done_with_a_note()
            throws Exception {
        app = start();
        String child = childOf(postContact());
        String contact = contactOf(child);
        assertThat(post("/api/v1/contacts/" + contact + "/claim", "sw1", null).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/consent", "sw1", Map.of("decision", "GIVEN"))
                .statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal", "sw1",
                Map.of("outcome", "STRATEGY_DISCUSSION", "rationale", "Reasonable cause to suspect harm.")).statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal/authorise", "manager1", Map.of()).statusCode())
                .isEqualTo(204);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/London"));
        var discussion = Map.of(
                "heldAt", clock.instant().truncatedTo(ChronoUnit.MINUTES).toString(), "mode", "VIDEO",
                "outcome", "SECTION_47_ENQUIRY",
                "attendees", List.of(Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant"),
                        Map.of("name", "Nurse Example", "agency", "HEALTH", "role", "Named nurse")),
                "actions", List.of(
                        Map.of("description", "Visit the child at school", "owner", "sw1", "agency", "SOCIAL_CARE",
                                "dueDate", today.plusDays(1).toString()),
                        Map.of("description", "Check police records", "owner", "DS Example", "agency", "POLICE",
                                "dueDate", today.plusDays(20).toString())));
        assertThat(post("/api/v1/contacts/" + contact + "/strategy-discussion/record", "sw1", discussion).statusCode())
                .isEqualTo(204);

        List<JsonNode> actions = await().until(() -> clockEvents(child, "ClockStarted", "STRATEGY_ACTION"),
                events -> events.size() == 2);
        JsonNode visit = actions.get(0);
        assertThat(visit.get("team").asText()).isEqualTo("SOCIAL_CARE");
        assertThat(actions.get(1).get("team").asText()).isEqualTo("POLICE");

        // The visit is not done by its due date: overdue, on the board under its agency.
        clock.moveTo(Instant.parse(visit.get("dueAt").asText()).plus(Duration.ofMinutes(1)));
        await().until(() -> clockEvents(child, "ClockBreached", "STRATEGY_ACTION").size() == 1);
        JsonNode board = await().until(() -> json.readTree(
                        get("/api/v1/alerts?type=STRATEGY_ACTION&team=SOCIAL_CARE", "manager1").body()),
                alerts -> ids(alerts).contains(id(visit)));
        board.get("alerts").forEach(alert -> {
            if (alert.get("alertId").asText().equals(id(visit))) {
                assertThat(alert.get("state").asText()).isEqualTo("BREACHED");
            }
        });

        // The police check is done, with a note: its clock stops, once only; a note is required.
        String done = "/api/v1/contacts/" + contact + "/strategy-discussion/actions/2/done";
        String doneAt = clock.instant().truncatedTo(ChronoUnit.MINUTES).toString();
        var noNote = post(done, "sw1", Map.of("doneAt", doneAt));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        assertThat(post(done, "admin1", Map.of("doneAt", doneAt, "note", "Nothing known.")).statusCode()).isEqualTo(403);
        assertThat(post(done, "sw1", Map.of("doneAt", doneAt, "note", "Nothing known to police.")).statusCode())
                .isEqualTo(204);
        assertThat(post(done, "sw1", Map.of("doneAt", doneAt, "note", "Again.")).statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/contacts/" + contact + "/strategy-discussion/actions/7/done", "sw1",
                Map.of("doneAt", doneAt, "note", "No such action.")).statusCode()).isEqualTo(409);
        assertThat(clockEvents(child, "ClockStopped", "STRATEGY_ACTION")).singleElement()
                .satisfies(stopped -> assertThat(stopped.get("late").asBoolean()).isFalse());
        await().until(() -> json.readTree(get("/api/v1/contacts/" + contact, "sw1").body()).path("work")
                .path("strategyActionsDone"), list -> list.size() == 1
                && list.get(0).path("note").asText().equals("Nothing known to police."));
    }

    /** The child's events of one type about one kind of clock, oldest first. */
    private List<JsonNode> clockEvents(String childId, String type, String clockType) {
        return jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""")
                .params(childId, "uk.frontdoor.triage.api." + type)
                .query(String.class).list().stream()
                .map(TimelinessIntegrationTest::tree)
                .filter(event -> event.get("type").asText().equals(clockType))
                .toList();
    }

    private List<JsonNode> awaitClockEvents(String childId, String type) {
        return await().until(() -> clockEvents(childId, type), events -> !events.isEmpty());
    }

    /** The child's events of one type about the contact decision, oldest first. */
    private List<JsonNode> clockEvents(String childId, String type) {
        return jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""")
                .params(childId, "uk.frontdoor.triage.api." + type)
                .query(String.class).list().stream()
                .map(TimelinessIntegrationTest::tree)
                .filter(event -> !event.has("type") || event.get("type").asText().equals("CONTACT_DECISION"))
                .toList();
    }

    private List<String> types(String childId) {
        return jdbc().sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(childId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private long pendingDeadlines(List<String> scheduleIds) {
        return jdbc().sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance IN (:ids)")
                .param("ids", scheduleIds).query(Long.class).single();
    }

    private long dueDeadlines() {
        return jdbc().sql("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?")
                .param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
    }


    private String contactOf(String childId) {
        return jdbc().sql("SELECT contact_id FROM contact_registry WHERE child_id = ?")
                .param(childId).query(String.class).single();
    }

    private static String id(JsonNode clockStarted) {
        return clockStarted.get("clockId").asText();
    }

    private static List<String> ids(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.get("alerts").forEach(alert -> ids.add(alert.get("alertId").asText()));
        return ids;
    }

    private static Instant latest(JsonNode first, JsonNode second) {
        Instant a = Instant.parse(first.asText());
        Instant b = Instant.parse(second.asText());
        return a.isAfter(b) ? a : b;
    }

    // ----- HTTP -----

    /** A police contact about a child no other test has used. */
    private String postContact() {
        return accepted(policeExample("TIMELINESS-"), "Bearer dev-key-police");
    }

    /** Every line the board's event stream sends, as it arrives, then {@link #STREAM_ENDED}. */
    private BlockingQueue<String> openBoardStream(String user) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = http.sendAsync(
                request("/api/v1/alerts/stream?type=CONTACT_DECISION", basic(user))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> {
            response.body().forEach(line -> lines.add(line.replace("event: ", "event:").replace("data: ", "data:")));
            lines.add(STREAM_ENDED);
        });
        return lines;
    }
}
