package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear RFC 9457 answer, and nothing at all is stored for it. */
class BadInputIntegrationTest extends IntegrationTestSupport {

    @Test
    void an_invalid_submission_is_refused_naming_every_invalid_field_and_nothing_is_stored() {
        ObjectNode submission = submission();
        submission.put("referralSource", "99");
        ObjectNode child = (ObjectNode) submission.get("child");
        child.put("nhsNumber", "9434765918");
        child.put("dateOfBirth", "2099-01-01");
        child.put("givenName", "R2D2");
        submission.putArray("concerns").removeAll();
        submission.set("concerns", json.createObjectNode().put("narrative", "Concern about the child at home.")
                .set("factors", json.createArrayNode().add("21").add("3A")));
        long eventsBefore = storedEvents();

        HttpResponse<String> response = postContact(POLICE_KEY, submission);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> problem = body(response);
        assertThat(problem).containsEntry("type", "/problems/invalid-submission").containsEntry("status", 400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        assertThat(errors).extracting(error -> error.get("field"))
                .contains("referralSource", "child.nhsNumber", "child.dateOfBirth", "child.givenName")
                .anySatisfy(field -> assertThat(field).startsWith("concerns.factors"));
        // Problems name fields, never the values a partner sent.
        assertThat(response.body()).doesNotContain("9434765918", "2099-01-01", "R2D2");
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_staff_command_with_a_value_its_field_cannot_take_names_the_field_and_the_choices() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        long eventsBefore = storedEvents();

        HttpResponse<String> unknownPriority = postJson("/api/v1/contacts/" + contactId + "/priority", staff("sw1"),
                Map.of("priority", "PURPLE", "rationale", "Raised after a call from the school."));
        HttpResponse<String> textForAList = postJson("/api/v1/contacts/" + contactId + "/partner-checks",
                staff("sw1"), Map.of("agencies", Map.of("first", "police")));

        assertThat(unknownPriority.statusCode()).isEqualTo(400);
        assertThat(unknownPriority.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> problem = body(unknownPriority);
        assertThat(problem).containsEntry("type", "/problems/invalid-request");
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "priority",
                "problem", "must be one of RED, AMBER, GREEN, BLUE")));
        assertThat(unknownPriority.body()).doesNotContain("PURPLE");
        assertThat(textForAList.statusCode()).isEqualTo(400);
        assertThat(body(textForAList).get("errors")).isEqualTo(List.of(Map.of("field", "agencies",
                "problem", "has the wrong type: expected a list")));
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        HttpResponse<String> response = postContact(POLICE_KEY, "application/json",
                "{\"submissionId\": \"Sam Example 2016-05-04".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).containsEntry("type", "/problems/malformed-json");
        assertThat(response.body()).doesNotContain("Sam Example");
    }

    @Test
    void without_a_valid_api_key_the_answer_is_401_and_nothing_is_stored() {
        ObjectNode submission = submission();

        HttpResponse<String> noKey = postContact(null, submission);
        HttpResponse<String> wrongKey = postContact("not-a-key", submission);

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(body(wrongKey)).containsEntry("type", "/problems/unauthenticated");
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }

    @Test
    void staff_credentials_cannot_submit_as_a_partner() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/contacts"))
                .header("Content-Type", "application/json").header("Authorization", staff("sw1"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes(submission()))).build();
        try {
            // Staff may log a contact phoned in to them, but it is recorded under their own agency.
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(jdbc.sql("SELECT agency FROM contact_registry WHERE contact_id = ?")
                    .param(contactIdOf(response)).query(String.class).single()).isEqualTo("demo-council");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_oversize_body_is_a_413_problem() {
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("concerns")).put("narrative", "x".repeat(600 * 1024));

        HttpResponse<String> response = postContact(POLICE_KEY, submission);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response)).containsEntry("type", "/problems/payload-too-large");
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }

    @Test
    void a_body_that_is_not_json_media_type_is_a_415_problem() {
        HttpResponse<String> response = postContact(POLICE_KEY, "text/plain", bytes(submission()));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response)).containsEntry("type", "/problems/unsupported-media-type");
    }
}
