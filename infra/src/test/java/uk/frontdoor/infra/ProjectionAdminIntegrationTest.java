package uk.frontdoor.infra;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection admin against the whole service on its embedded PostgreSQL and Kafka: a rebuilt read
 * model equals the one before, a rebuild shows its progress, and only system managers may see or
 * start one.
 */
class ProjectionAdminIntegrationTest extends IntegrationTestSupport {

    private static final String SYSADMIN = staff("sysadmin1");
    private static final String ADMIN = "/api/v1/admin/projections";

    @Test
    void a_rebuilt_triage_queue_and_chronology_equal_the_ones_before() {
        List<String> children = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> posted = postContact(POLICE_KEY, submission());
            assertThat(posted.statusCode()).isEqualTo(202);
            contacts.add(contactIdOf(posted));
        }
        contacts.forEach(contact -> children.add((String) awaitQueueItem(contact).get("childId")));
        assertThat(postJson("/api/v1/contacts/" + contacts.get(0) + "/claim", staff("sw1"), null).statusCode())
                .isEqualTo(204);
        awaitUpToDate("triage-queue");
        awaitUpToDate("chronology");
        Awaitility.await().until(() -> "sw1".equals(queueItem(contacts.get(0)).get("claimedBy")));
        List<Map<String, Object>> queueBefore = queueItems();
        Map<String, Object> chronologiesBefore = chronologies(children);
        // Damage both read models behind the event store's back: only a real rebuild from the events repairs them.
        jdbc.sql("UPDATE triage_queue SET claimed_by = 'nobody' WHERE contact_id = ?").param(contacts.get(1)).update();
        jdbc.sql("UPDATE child_chronology SET summary = 'tampered' WHERE child_id = ?").param(children.get(2)).update();
        assertThat(queueItems()).isNotEqualTo(queueBefore);
        assertThat(chronologies(children)).isNotEqualTo(chronologiesBefore);

        Map<String, Object> queueRebuild = rebuild("triage-queue");
        Map<String, Object> chronologyRebuild = rebuild("chronology");

        assertThat(queueRebuild).containsEntry("state", "REBUILDING");
        assertThat(chronologyRebuild).containsEntry("state", "REBUILDING");
        Map<String, Object> queueDone = awaitRebuilt("triage-queue");
        awaitRebuilt("chronology");
        assertThat(queueItems()).isEqualTo(queueBefore);
        assertThat(chronologies(children)).isEqualTo(chronologiesBefore);
        @SuppressWarnings("unchecked")
        Map<String, Object> lastRebuild = (Map<String, Object>) queueDone.get("lastRebuild");
        assertThat(lastRebuild).containsEntry("startedBy", "sysadmin1").containsEntry("percent", 100);
        assertThat(((Number) lastRebuild.get("headAtStart")).longValue()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM projection_rebuilds WHERE projection = 'triage-queue' "
                + "AND started_by = 'sysadmin1' AND completed_at IS NOT NULL").query(Long.class).single()).isPositive();
    }

    @Test
    void a_rebuild_under_way_shows_replaying_and_its_progress_and_a_second_one_is_refused() {
        postContact(POLICE_KEY, submission());
        awaitUpToDate(ReplayProbeProjection.NAME);
        var held = new CountDownLatch(1);
        ReplayProbeProjection.gate.set(held);
        int resetsBefore = ReplayProbeProjection.resets.get();
        try {
            HttpResponse<String> started = postJson(ADMIN + "/" + ReplayProbeProjection.NAME + "/rebuild", SYSADMIN, null);

            assertThat(started.statusCode()).isEqualTo(202);
            assertThat(started.headers().firstValue("Location"))
                    .hasValue("/api/v1/admin/projections/" + ReplayProbeProjection.NAME);
            assertThat(ReplayProbeProjection.resets.get()).isEqualTo(resetsBefore + 1);
            Map<String, Object> underWay = Awaitility.await()
                    .until(() -> projection(ReplayProbeProjection.NAME), p -> Boolean.TRUE.equals(p.get("replaying")));
            assertThat(underWay).containsEntry("state", "REBUILDING");
            assertThat(percent(underWay)).isBetween(0, 99);
            assertThat(((Number) underWay.get("lag")).longValue()).isPositive();

            HttpResponse<String> again = postJson(ADMIN + "/" + ReplayProbeProjection.NAME + "/rebuild", SYSADMIN, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(body(again)).containsEntry("rule", "already-rebuilding");
        } finally {
            held.countDown();
        }
        Map<String, Object> done = awaitRebuilt(ReplayProbeProjection.NAME);
        assertThat(done).containsEntry("replaying", false).containsEntry("lag", 0);
    }

    @Test
    void every_streaming_processor_is_listed_with_position_head_and_lag_and_lag_is_a_metric() {
        awaitUpToDate("triage-queue");
        HttpResponse<String> listed = get(ADMIN, SYSADMIN);

        assertThat(listed.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> projections = (List<Map<String, Object>>) body(listed).get("projections");
        assertThat(projections).extracting(p -> p.get("name")).contains("triage-queue", "contact-status",
                "chronology", "alerts", "contact-submissions", ReplayProbeProjection.NAME);
        Map<String, Object> queue = projections.stream().filter(p -> "triage-queue".equals(p.get("name")))
                .findFirst().orElseThrow();
        assertThat(queue).containsKeys("position", "head", "lag", "running", "error", "replaying", "segments");
        assertThat(((Number) queue.get("head")).longValue()).isPositive();
        assertThat(get("/actuator/prometheus", null).body())
                .containsPattern("frontdoor_projection_lag\\{[^}]*projection=\"triage-queue\"[^}]*} [0-9.]+");
    }

    @Test
    void unknown_and_unresettable_projections_are_problems() {
        HttpResponse<String> unknown = postJson(ADMIN + "/no-such-projection/rebuild", SYSADMIN, null);
        HttpResponse<String> unknownStatus = get(ADMIN + "/no-such-projection", SYSADMIN);
        HttpResponse<String> sideEffects = postJson(ADMIN + "/" + SideEffectProbeProjection.NAME + "/rebuild",
                SYSADMIN, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown)).containsEntry("rule", "unknown-projection");
        assertThat(unknownStatus.statusCode()).isEqualTo(404);
        assertThat(sideEffects.statusCode()).isEqualTo(409);
        assertThat(body(sideEffects)).containsEntry("rule", "reset-not-supported");
    }

    @Test
    void only_system_managers_see_or_rebuild_projections_and_they_see_no_child() {
        for (String other : List.of("sw1", "manager1", "admin1")) {
            assertThat(get(ADMIN, staff(other)).statusCode()).as(other).isEqualTo(403);
            assertThat(postJson(ADMIN + "/triage-queue/rebuild", staff(other), null).statusCode()).as(other)
                    .isEqualTo(403);
        }
        assertThat(get(ADMIN, null).statusCode()).isEqualTo(401);
        assertThat(get(ADMIN, bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
        String contact = contactIdOf(postContact(POLICE_KEY, submission()));
        assertThat(get("/api/v1/triage-queue", SYSADMIN).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/contacts/" + contact, SYSADMIN).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/contacts/" + contact + "/feedback", SYSADMIN, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/alerts", SYSADMIN).statusCode()).isEqualTo(403);
    }

    private Map<String, Object> rebuild(String name) {
        HttpResponse<String> started = postJson(ADMIN + "/" + name + "/rebuild", SYSADMIN, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return body(started);
    }

    private Map<String, Object> projection(String name) {
        HttpResponse<String> status = get(ADMIN + "/" + name, SYSADMIN);
        assertThat(status.statusCode()).isEqualTo(200);
        return body(status);
    }

    private Map<String, Object> awaitRebuilt(String name) {
        return Awaitility.await().until(() -> projection(name), p -> "UP_TO_DATE".equals(p.get("state"))
                && p.get("lastRebuild") instanceof Map<?, ?> rebuild && rebuild.get("completedAt") != null);
    }

    private static int percent(Map<String, Object> projection) {
        return ((Number) ((Map<?, ?>) projection.get("lastRebuild")).get("percent")).intValue();
    }

    private Map<String, Object> queueItem(String contactId) {
        return queueItems().stream().filter(item -> contactId.equals(item.get("contactId"))).findFirst()
                .orElseThrow();
    }

    private Map<String, Object> chronologies(List<String> children) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String child : children) {
            HttpResponse<String> chronology = get("/api/v1/children/" + child + "/chronology", staff("sw1"));
            assertThat(chronology.statusCode()).isEqualTo(200);
            all.put(child, body(chronology));
        }
        return all;
    }
}
