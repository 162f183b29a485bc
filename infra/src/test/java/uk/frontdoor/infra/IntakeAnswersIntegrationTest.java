package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller of {@code POST /api/v1/contacts} gets back, header by header, for an accepted submission and for each
 * way of getting it wrong that is answered before the submission is read: an empty body, a chunked body past the
 * limit, an answer the caller will not accept, a path next to the intake's. The intake reads its body and writes its
 * 202 itself, and partners' submissions pass through their own security chain: these pin that none of it shows.
 */
class IntakeAnswersIntegrationTest extends IntegrationTestSupport {

    private static final int LIMIT = 512 * 1024;

    private URI address(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void an_accepted_submission_is_a_202_with_its_location_a_json_receipt_and_the_security_headers() {
        ObjectNode submission = submission();

        HttpResponse<String> accepted = postContact(POLICE_KEY, submission);
        HttpResponse<String> again = postContact(POLICE_KEY, submission);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Content-Type")).hasValue("application/json");
        String contactId = contactIdOf(accepted);
        assertThat(body(accepted)).isEqualTo(Map.of("contactId", contactId, "alreadyReceived", false));
        assertThat(accepted.headers().firstValue("Location"))
                .hasValue("http://localhost:" + port + "/api/v1/contacts/" + contactId);
        // Spring Security's headers, as on every API answer.
        assertThat(accepted.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(accepted.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("no-store"));
        assertThat(accepted.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(accepted.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again)).isEqualTo(Map.of("contactId", contactId, "alreadyReceived", true));
        assertThat(again.headers().firstValue("Location")).isEqualTo(accepted.headers().firstValue("Location"));
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isEqualTo(1);
    }

    @Test
    void an_empty_body_is_a_400_problem_naming_the_body_as_missing() {
        HttpResponse<String> response = postContact(POLICE_KEY, "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response)).containsEntry("type", "/problems/malformed-json").containsEntry("status", 400)
                .containsEntry("errors", List.of(Map.of("field", "", "problem", "is missing")));
    }

    @Test
    void a_chunked_body_past_the_limit_is_a_413_problem_and_nothing_is_stored() {
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("concerns")).put("narrative", "x".repeat(LIMIT));
        byte[] body = bytes(submission);

        // No Content-Length: the limit is found while the body is read.
        HttpResponse<String> response = send(HttpRequest.newBuilder(address("/api/v1/contacts"))
                .header("Content-Type", "application/json").header("Authorization", bearer(POLICE_KEY))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response)).containsEntry("type", "/problems/payload-too-large")
                .containsEntry("errors", List.of(Map.of("field", "", "problem", "is larger than " + LIMIT + " bytes")));
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }

    @Test
    void a_chunked_body_within_the_limit_is_accepted() {
        ObjectNode submission = submission();
        byte[] body = bytes(submission);

        HttpResponse<String> response = send(HttpRequest.newBuilder(address("/api/v1/contacts"))
                .header("Content-Type", "application/json").header("Authorization", bearer(POLICE_KEY))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isEqualTo(1);
    }

    @Test
    void a_caller_that_accepts_no_json_is_a_406_and_nothing_is_stored() {
        ObjectNode submission = submission();

        HttpResponse<String> response = send(HttpRequest.newBuilder(address("/api/v1/contacts"))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .header("Authorization", bearer(POLICE_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(submission))).build());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }

    @Test
    void a_caller_without_a_key_gets_the_challenge_and_a_problem_and_a_staff_page_session_is_not_enough() {
        ObjectNode submission = submission();

        HttpResponse<String> noKey = postContact(null, submission);
        HttpResponse<String> cookieOnly = send(HttpRequest.newBuilder(address("/api/v1/contacts"))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(submission))).build());

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer realm=\"frontdoor\""));
        assertThat(noKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(noKey)).containsEntry("type", "/problems/unauthenticated");
        assertThat(noKey.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(cookieOnly.statusCode()).isEqualTo(401);
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }

    @Test
    void the_paths_beside_the_intake_keep_their_own_rules() {
        ObjectNode submission = submission();

        // A trailing slash is not the intake: a partner may not post there.
        HttpResponse<String> trailingSlash = send(HttpRequest.newBuilder(address("/api/v1/contacts/"))
                .header("Content-Type", "application/json").header("Authorization", bearer(POLICE_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(submission))).build());
        // Nor a staff command on a contact.
        HttpResponse<String> claim = postJson("/api/v1/contacts/" + "0".repeat(8) + "/claim", bearer(POLICE_KEY),
                Map.of());
        // An encoded segment is refused by the firewall before any chain.
        HttpResponse<String> encoded = send(HttpRequest.newBuilder(address("/api/v1/contacts%2F"))
                .header("Content-Type", "application/json").header("Authorization", bearer(POLICE_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(submission))).build());

        assertThat(trailingSlash.statusCode()).isEqualTo(403);
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
    }
}
