package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner's contact, over HTTP or over Kafka, lands in its child's stream and the triage queue. */
class ContactJourneyIntegrationTest extends IntegrationTestSupport {

    @Test
    void contacts_posted_over_http_and_published_over_kafka_both_reach_the_triage_queue() {
        String nhsNumber = freshNhsNumber();
        ObjectNode byHttp = submission();
        ((ObjectNode) byHttp.get("child")).put("nhsNumber", nhsNumber);

        HttpResponse<String> posted = postContact(POLICE_KEY, byHttp);

        assertThat(posted.statusCode()).isEqualTo(202);
        String httpContact = contactIdOf(posted);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/contacts/" + httpContact));

        ObjectNode byKafka = submission();
        byKafka.put("referralSource", "2A");
        ((ObjectNode) byKafka.get("child")).put("nhsNumber", nhsNumber);
        String kafkaSubmissionId = byKafka.get("submissionId").asText();
        publish("contact-submissions", "demo-school", kafkaSubmissionId.getBytes(StandardCharsets.UTF_8), bytes(byKafka));

        Map<String, Object> fromHttp = awaitQueueItem(httpContact);
        String kafkaContact = awaitContactId("demo-school", kafkaSubmissionId);
        Map<String, Object> fromKafka = awaitQueueItem(kafkaContact);

        assertThat(fromHttp).containsEntry("agency", "demo-police").containsEntry("referralSource", "6")
                .containsEntry("childName", "Sam Example");
        assertThat(fromKafka).containsEntry("agency", "demo-school").containsEntry("referralSource", "2A");
        // The same NHS number means the same child: one stream holds both contacts.
        assertThat(fromKafka.get("childId")).isEqualTo(fromHttp.get("childId"));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%ContactReceived'")
                .param(fromHttp.get("childId")).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_child_without_an_nhs_number_is_recognised_and_the_second_contact_joins_the_first_ones_record() {
        // Issue 13: most police contacts carry no NHS number; the same name, birth date, home and mother are
        // a confident match, so the child's concerns are seen together (this test once asserted the opposite).
        ChildIdentity child = ChildIdentity.fresh();
        String a = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String b = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));

        assertThat(awaitQueueItem(a).get("childId")).isEqualTo(awaitQueueItem(b).get("childId"));
    }

    @Test
    void the_sending_agency_follows_its_contact_and_no_other_agency_can() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));

        HttpResponse<String> own = get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY));
        HttpResponse<String> otherAgency = get("/api/v1/contacts/" + contactId, bearer(SCHOOL_KEY));
        HttpResponse<String> anonymous = get("/api/v1/contacts/" + contactId, null);
        HttpResponse<String> unknown = get("/api/v1/contacts/00000000-0000-0000-0000-000000000000", bearer(POLICE_KEY));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(body(own)).containsEntry("contactId", contactId).containsKey("status")
                .doesNotContainKey("threshold");
        assertThat((String) body(own).get("status")).isIn("RECEIVED", "ASSESSED");
        assertThat(otherAgency.statusCode()).isEqualTo(404);
        assertThat(otherAgency.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void the_triage_queue_is_for_social_workers_and_managers_only() {
        assertThat(get("/api/v1/triage-queue", staff("sw1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/triage-queue", staff("manager1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/triage-queue", staff("admin1")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/triage-queue", bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/triage-queue", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/triage-queue", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("sw1:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
    }
}
