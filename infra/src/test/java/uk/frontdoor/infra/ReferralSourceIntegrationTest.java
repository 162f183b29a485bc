package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner's referral source must be one its agency may use: a school is not the police. */
class ReferralSourceIntegrationTest extends IntegrationTestSupport {

    @Test
    void a_school_sending_the_police_source_is_refused_with_the_field_and_the_sources_it_may_use() {
        ObjectNode claimsToBePolice = submission();   // the police example: referralSource 6
        long eventsBefore = storedEvents();

        HttpResponse<String> refused = postContact(SCHOOL_KEY, claimsToBePolice);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) body(refused).get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", "referralSource");
            assertThat(error.get("problem")).endsWith("may use 2A, 2B");
        });
        assertThat(contactsWithSubmissionId(claimsToBePolice.get("submissionId").asText())).isZero();
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        HttpResponse<String> asASchool = postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, claimsToBePolice));
        assertThat(asASchool.statusCode()).isEqualTo(202);
    }

    @Test
    void staff_logging_a_phoned_in_contact_choose_any_source() {
        HttpResponse<String> byStaff = postJson("/api/v1/contacts", staff("admin1"), submission());
        assertThat(byStaff.statusCode()).isEqualTo(202);
    }

    @Test
    void on_kafka_a_health_agency_sending_the_police_source_is_dead_lettered_with_the_field() {
        String run = UUID.randomUUID().toString();
        ObjectNode claimsToBePolice = submission();
        byte[] key = run.getBytes(StandardCharsets.UTF_8);

        publish("contact-submissions", "demo-health", key, bytes(claimsToBePolice));

        ConsumerRecord<byte[], byte[]> dead = awaitRecord("contact-submissions.dlq",
                record -> record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(run));
        assertThat(new String(dead.headers().lastHeader("frontdoor-rejection-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("INVALID_SUBMISSION");
        assertThat(new String(dead.headers().lastHeader("frontdoor-rejection-violations").value(), StandardCharsets.UTF_8))
                .contains("referralSource").contains("3A, 3B, 3C, 3D, 3E, 3F");
        assertThat(contactsWithSubmissionId(claimsToBePolice.get("submissionId").asText())).isZero();
    }
}
