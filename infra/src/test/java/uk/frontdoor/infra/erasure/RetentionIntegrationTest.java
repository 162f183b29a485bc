package uk.frontdoor.infra.erasure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.MovableClock;
import uk.frontdoor.triage.retention.RetentionReview;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention schedule against the real servers, with a movable clock: records closed with no further action
 * become due six years after the child's 18th birthday (the default class); the review queues them for a manager's
 * confirmation, or erases them itself when run in the automatic mode; a record under legal hold is left and reported
 * as such; a record with other involvement is never due. Each step is an event in the child's stream, and each run's
 * report is read back through the API.
 */
class RetentionIntegrationTest extends IntegrationTestSupport {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Autowired
    RetentionReview review;

    @Test
    void a_due_record_is_queued_or_erased_a_held_one_left_and_an_involved_one_never_due() {
        // The oldest child the front door takes: no record made by another test can be due before these.
        LocalDate born = LocalDate.now(ENGLAND).minusYears(18).plusDays(1);
        String queued = decidedChild(born, "NO_FURTHER_ACTION");
        String held = decidedChild(born, "NO_FURTHER_ACTION");
        String involved = decidedChild(born, "ASSESSMENT");
        HttpResponse<String> hold = postJson("/api/v1/children/" + held + "/legal-holds", staff("manager1"),
                Map.of("kind", "PROCEEDINGS", "reason", "Care proceedings under way"));
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        String holdId = (String) body(hold).get("holdId");

        MovableClock clock = new MovableClock();
        LocalDate dueOn = born.plusYears(18 + 6);
        clock.moveTo(dueOn.minusDays(1).atTime(12, 0).atZone(ENGLAND).toInstant());
        RetentionReview.Run early = review.run(clock, "test", false);
        assertThat(early.steps()).extracting(RetentionReview.Step::childId).doesNotContain(queued, held, involved);

        clock.moveTo(dueOn.atTime(2, 30).atZone(ENGLAND).toInstant());
        RetentionReview.Run first = review.run(clock, "test", false);
        assertThat(first.asOf()).isEqualTo(dueOn);
        assertThat(outcomes(first)).containsEntry(queued, "QUEUED").containsEntry(held, "HELD")
                .doesNotContainKey(involved);
        assertThat(events(queued, "ErasureRequested")).isEqualTo(1);
        assertThat(events(held, "ErasureDeferredByHold")).isEqualTo(1);
        // The chronology is a read model of its own, which nothing above waited for: until it has the child, its
        // API answers 404.
        awaitUpToDate("chronology");
        // Queued, not erased: a manager confirms it through the same erasure path.
        assertThat(get("/api/v1/children/" + queued + "/chronology", staff("sw1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/data-protection/erasures/pending", staff("manager2")).body()).contains(queued)
                .contains("retention-schedule");
        HttpResponse<String> confirmed = postJson("/api/v1/children/" + queued + "/erasure/authorise",
                staff("manager2"), null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(body(confirmed)).containsEntry("state", "ERASED");

        // The next night, in the automatic mode: a newly due record is erased at once; the held one is left again,
        // its deferral not recorded twice; the erased one is no longer listed.
        String automatic = decidedChild(born, "NO_FURTHER_ACTION");
        clock.moveTo(dueOn.plusDays(1).atTime(2, 30).atZone(ENGLAND).toInstant());
        RetentionReview.Run second = review.run(clock, "test", true);
        assertThat(outcomes(second)).containsEntry(automatic, "ERASED").containsEntry(held, "HELD")
                .doesNotContainKey(queued).doesNotContainKey(involved);
        assertThat(events(held, "ErasureDeferredByHold")).isEqualTo(1);
        assertThat(events(automatic, "ChildErased")).isEqualTo(1);
        assertThat(get("/api/v1/children/" + automatic + "/chronology", staff("sw1")).statusCode()).isEqualTo(410);

        // Once the hold is lifted the record goes the way of the others.
        assertThat(postJson("/api/v1/children/" + held + "/legal-holds/" + holdId + "/lift", staff("manager2"),
                Map.of("reason", "Final order made")).statusCode()).isEqualTo(204);
        RetentionReview.Run third = review.run(clock, "test", false);
        assertThat(outcomes(third)).containsEntry(held, "QUEUED");

        // The report, as managers read it.
        HttpResponse<String> report = get("/api/v1/data-protection/retention/runs/" + second.runId(), staff("manager1"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains(automatic).contains("\"ERASED\"").contains(held).contains("\"HELD\"");
        assertThat(get("/api/v1/data-protection/retention/runs", staff("manager1")).body()).contains(second.runId());
        assertThat(get("/api/v1/data-protection/retention/runs", staff("sw1")).statusCode()).isEqualTo(403);
    }

    private static Map<String, String> outcomes(RetentionReview.Run run) {
        Map<String, String> outcomes = new java.util.HashMap<>();
        run.steps().forEach(step -> outcomes.put(step.childId(), step.outcome()));
        return outcomes;
    }

    private long events(String child, String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(child, "uk.frontdoor.triage.api." + type).query(Long.class).single();
    }

    /** A child born then, with one contact decided with this outcome; the child's record id. */
    private String decidedChild(LocalDate born, String outcome) {
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("child")).put("dateOfBirth", born.toString());
        HttpResponse<String> posted = postContact(POLICE_KEY, submission);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String contactId = contactIdOf(posted);
        awaitStatus(contactId, "ASSESSED");
        String child = (String) awaitQueueItem(contactId).get("childId");
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", outcome,
                "rationale", "The rationale for the test.")).statusCode()).isEqualTo(204);
        HttpResponse<String> authorised = postJson(contact + "/proposal/authorise", staff("manager1"),
                Map.of("reason", "The family is engaging."));
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(204);
        awaitStatus(contactId, "DECIDED");
        return child;
    }
}
