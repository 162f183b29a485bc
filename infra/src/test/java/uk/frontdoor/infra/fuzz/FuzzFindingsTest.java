package uk.frontdoor.infra.fuzz;

import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example of each fault the fuzz tests ({@link SubmissionFuzzTest}, {@link StaffApiFuzzTest}) found, kept
 * as a plain test so it stays fixed whatever a future fuzz run happens to draw.
 */
class FuzzFindingsTest extends IntegrationTestSupport {

    @Test
    void an_overlong_utf8_slash_in_a_submission_id_is_refused_not_read_as_a_slash() {
        String submissionId = "FUZZ-" + UUID.randomUUID();
        String body = new String(bytes(submission().put("submissionId", submissionId + "MARK")), StandardCharsets.UTF_8);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        int at = body.indexOf("MARK");
        byte[] spliced = new byte[raw.length - 2];
        System.arraycopy(raw, 0, spliced, 0, at);
        // 0xC0 0xAF: '/' written in two bytes, which UTF-8 forbids. Jackson alone read "...-id/".
        spliced[at] = (byte) 0xC0;
        spliced[at + 1] = (byte) 0xAF;
        System.arraycopy(raw, at + 4, spliced, at + 2, raw.length - at - 4);

        HttpResponse<String> answer = postContact(POLICE_KEY, "application/json", spliced);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(body(answer)).containsEntry("type", "/problems/malformed-json");
        assertThat(errors(answer)).containsExactly(Map.of("field", "", "problem", "is not valid UTF-8"));
        assertThat(jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?")
                .param(submissionId + "%").query(Long.class).single()).isZero();
    }

    @Test
    void a_staff_command_body_that_is_json_but_not_an_object_names_the_body() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));

        HttpResponse<String> answer = postJson("/api/v1/contacts/" + contactId + "/priority", staff("sw1"), List.of(1));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errors(answer)).containsExactly(Map.of("field", "", "problem", "must be a JSON object"));
    }

    @Test
    void a_staff_command_body_that_is_not_json_names_the_body() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts/"
                        + contactId + "/priority"))
                .header("Authorization", staff("sw1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"priority\":")).build();

        HttpResponse<String> answer = send(request);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(errors(answer)).containsExactly(Map.of("field", "", "problem", "is not well-formed JSON"));
    }

    @Test
    void a_staff_command_body_with_a_repeated_field_is_malformed_json_not_a_500() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts/"
                        + contactId + "/proposal/return"))
                .header("Authorization", staff("manager1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"a\",\"reason\":\"b\"}")).build();

        try (CapturedLog log = CapturedLog.capture()) {
            HttpResponse<String> answer = send(request);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(errors(answer)).containsExactly(Map.of("field", "", "problem", "is not well-formed JSON"));
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    @Test
    void a_nul_in_the_text_of_a_staff_command_body_is_refused_naming_the_field_and_nothing_is_stored() {
        String childId = childOf(contactIdOf(postContact(POLICE_KEY, submission())));
        long before = eventsOf(childId);
        Map<String, String> refused = Map.of("problem", "may not contain the character U+0000 (NUL)");

        try (CapturedLog log = CapturedLog.capture()) {
            // PostgreSQL's text cannot hold U+0000: an id holding one failed in the linked-records query, six
            // times over with the gateway's retries, and answered 500 (staff API fuzz, seed 7268976004828850708).
            HttpResponse<String> link = postJson("/api/v1/children/" + childId + "/links", staff("sw2"),
                    Map.of("otherChildId", "\u0000", "reason", "The same child."));
            assertThat(link.statusCode()).as(link.body()).isEqualTo(400);
            assertThat(errors(link)).containsExactly(Map.of("field", "otherChildId", "problem", refused.get("problem")));

            // A reason holding one would have been stored in the event, and stopped every read model writing it.
            HttpResponse<String> restrict = postJson("/api/v1/children/" + childId + "/restriction", staff("manager1"),
                    Map.of("category", "PREVENT", "reason", "Prevent\u0000referral", "staff", List.of("sw2")));
            assertThat(restrict.statusCode()).as(restrict.body()).isEqualTo(400);
            assertThat(errors(restrict)).containsExactly(Map.of("field", "reason", "problem", refused.get("problem")));
            assertThat(restrict.body()).doesNotContain("Prevent");

            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(eventsOf(childId)).isEqualTo(before);
    }

    @Test
    void a_nul_in_a_page_form_field_is_refused_naming_the_field_before_anything_reads_it() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/contacts/" + contactId
                        + "/priority"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("priority=RED&reason=Seen%00today")).build();

        HttpResponse<String> answer = send(request);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Seen");
        assertThat(errors(answer)).containsExactly(
                Map.of("field", "reason", "problem", "may not contain the character U+0000 (NUL)"));
    }

    private long eventsOf(String childId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(childId)
                .query(Long.class).single();
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_named_and_its_value_never_quoted() {
        HttpResponse<String> answer = get("/api/v1/alerts?limit=%3Cscript%3Ealert(1)%3C%2Fscript%3E", staff("manager1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).doesNotContain("script");
        assertThat(errors(answer)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "limit"));

        HttpResponse<String> choice = get("/api/v1/alerts?type=NOT_A_CLOCK", staff("manager1"));
        assertThat(choice.statusCode()).isEqualTo(400);
        assertThat(choice.body()).doesNotContain("NOT_A_CLOCK");
        assertThat(errors(choice)).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", "type");
            assertThat((String) error.get("problem")).startsWith("must be one of ");
        });
    }

    @Test
    void a_chronology_filter_of_an_unknown_type_names_the_parameter() {
        HttpResponse<String> answer = get("/api/v1/children/" + UUID.randomUUID() + "/chronology?type=NoSuchEvent",
                staff("sw1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(errors(answer)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "type"));
    }

    @Test
    void a_url_the_firewall_refuses_is_a_problem_not_an_html_page() {
        HttpResponse<String> answer = get("/api/v1/contacts/a%3Bb", staff("sw1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html");
        assertThat(errors(answer)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "url"));
    }

    @Test
    void a_request_tomcat_refuses_itself_is_a_problem_and_logs_no_stack_trace() {
        try (CapturedLog log = CapturedLog.capture()) {
            HttpResponse<String> answer = get("/api/v1/children?givenName=" + "%C3%A9".repeat(10_000), staff("sw1"));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("<html", "Tomcat", "Exception");
            assertThat(errors(answer)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "request"));
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    /** What Chromium sends when it opens a page. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void a_browser_on_a_staff_page_refused_before_the_service_sees_it_gets_an_html_page_not_a_problem()
            throws IOException {
        // Refused by Tomcat (a percent sign that escapes nothing), Spring Security's firewall (a semicolon) and
        // the NUL check. Sent as a browser sends them, on a socket: Java's URI would not take the first.
        for (String page : List.of("/contacts/%zz", "/contacts/a%3Bb", "/queue?agency=%00")) {
            try (CapturedLog log = CapturedLog.capture()) {
                RawAnswer answer = raw(page, BROWSER_ACCEPT, null);

                assertThat(answer.status()).as(page).isEqualTo(400);
                assertThat(answer.contentType()).as(page).startsWith("text/html");
                assertThat(answer.body()).as(page).contains("<html lang=\"en\"", "Sorry, there is a problem",
                        "Nothing was changed.", "href=\"/\"").doesNotContain("Tomcat", "Exception", "\"status\"");
                assertThat(log.withStackTraces()).as(page).isEmpty();
            }
        }
        // The same refusals to an API client, even one that would take HTML, stay problems.
        for (String endpoint : List.of("/api/v1/contacts/%zz", "/api/v1/contacts/a%3Bb", "/api/v1/alerts?team=%00")) {
            RawAnswer answer = raw(endpoint, BROWSER_ACCEPT, staff("manager1"));

            assertThat(answer.status()).as(endpoint).isEqualTo(400);
            assertThat(answer.contentType()).as(endpoint).startsWith("application/problem+json");
        }
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** One request on a socket of its own, the request line exactly as given. */
    private RawAnswer raw(String target, String accept, String authorization) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: " + accept
                    + "\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headersEnd);
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(head);
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), type.find() ? type.group(1).trim() : "",
                    answer.substring(headersEnd + 4));
        }
    }

    @Test
    void a_command_naming_a_child_record_that_does_not_exist_is_a_404_and_logs_no_stack_trace() {
        try (CapturedLog log = CapturedLog.capture()) {
            HttpResponse<String> answer = postJson("/api/v1/children/" + UUID.randomUUID() + "/links", staff("sw1"),
                    Map.of("otherChildId", UUID.randomUUID().toString(), "reason", "Same child, two records."));

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    @Test
    void a_step_up_for_a_child_id_that_is_no_child_id_is_a_404_and_writes_nothing() {
        long registered = jdbc.sql("SELECT count(*) FROM contact_registry").query(Long.class).single();
        try (CapturedLog log = CapturedLog.capture()) {
            HttpResponse<String> answer = postJson("/api/v1/children/" + "x".repeat(3_000) + "/step-up", staff("sw1"),
                    Map.of("earlyHelpSummary", "Family support since the spring.", "reason", "Needs a social work assessment now."));

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(log.withStackTraces()).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM contact_registry").query(Long.class).single()).isEqualTo(registered);
    }

    @Test
    void a_nul_character_in_a_query_parameter_is_refused_naming_it_not_a_500_from_postgresql() {
        try (CapturedLog log = CapturedLog.capture()) {
            // The full-size staff API fuzz run: PostgreSQL's text cannot hold U+0000, and the team went into a query.
            HttpResponse<String> answer = get("/api/v1/alerts?team=a%00b&priority=RED", staff("manager1"));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(errors(answer)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "team"));
            // The same on a page: the queue's agency filter went into a query too.
            HttpResponse<String> page = get("/queue?agency=%00", staff("sw1"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(errors(page)).singleElement().satisfies(error -> assertThat(error).containsEntry("field", "agency"));
            // Escaped, it is text like any other: "%00" as three characters is a team that has no alerts.
            assertThat(get("/api/v1/alerts?team=%2500", staff("manager1")).statusCode()).isEqualTo(200);
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    @Test
    void a_submission_id_that_looks_like_a_path_is_an_id_like_any_other() {
        // The full-size Kafka fuzz run: its generator took every injection in a submission id for a refusal, but
        // "../../../../etc/passwd" is a valid id (letters, digits and . _ : / -), so such a submission was stored
        // under it; the run counted only its own ids, and waited 15 minutes for a record it had in fact stored.
        String submissionId = "../../../../etc/passwd-" + UUID.randomUUID();

        HttpResponse<String> answer = postContact(POLICE_KEY, submission().put("submissionId", submissionId));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(contactsWithSubmissionId(submissionId)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors(HttpResponse<String> answer) {
        return (List<Map<String, Object>>) body(answer).get("errors");
    }
}
