package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and metrics answer, and the metrics count contacts by source and refusals by reason. */
class OperationsIntegrationTest extends IntegrationTestSupport {

    @Test
    void health_is_up() {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health)).containsEntry("status", "UP");
        assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"}", "\"kafka\":{\"status\":\"UP\"}",
                "\"notificationOutbox\":{\"status\":\"UP\"}");
    }

    @Test
    void readiness_watches_the_database_not_kafka_and_liveness_neither_while_a_gauge_says_whether_kafka_answers() {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":", "\"readinessState\":");
        // A broker outage must not take every instance out of service: HTTP intake and the pages work without it.
        assertThat(readiness.body()).doesNotContain("\"kafka\"");
        // Nor one that cannot reach the mail server: its emails wait in the outbox, and everything else works.
        assertThat(readiness.body()).doesNotContain("\"notificationOutbox\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("\"db\"", "\"kafka\"");
        assertThat(get("/actuator/prometheus", null).body()).containsPattern("(?m)^frontdoor_kafka_reachable 1\\.0$");
    }

    @Test
    void prometheus_counts_contacts_by_referral_source_and_rejections_by_reason() {
        var school = submission();
        school.put("referralSource", "2A");
        assertThat(postContact(SCHOOL_KEY, school).statusCode()).isEqualTo(202);
        var invalid = sentBy(SCHOOL_KEY, submission());
        invalid.remove("consent");
        assertThat(postContact(SCHOOL_KEY, invalid).statusCode()).isEqualTo(400);

        HttpResponse<String> metrics = get("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("frontdoor_contacts_received_total\\{[^}]*referral_source=\"2A\"[^}]*} [1-9]")
                .containsPattern("frontdoor_submissions_rejected_total\\{[^}]*reason=\"INVALID_SUBMISSION\"[^}]*} [1-9]")
                // The school's contact carries an NHS number no child has yet: its batch searched for the child.
                .containsPattern("frontdoor_matching_searches_total\\{[^}]*search=\"ahead\"[^}]*} [1-9]")
                .containsPattern("frontdoor_matching_searches_total\\{[^}]*search=\"again\"[^}]*} ")
                .containsPattern("frontdoor_matching_searched_again_total(\\{[^}]*})? ")
                // Candidates' variants from memory and from the store: the held variants' hit rate, counts only.
                .containsPattern("frontdoor_matching_candidate_variants_total\\{[^}]*from=\"memory\"[^}]*} ")
                .containsPattern("frontdoor_matching_candidate_variants_total\\{[^}]*from=\"store\"[^}]*} ")
                // Requests are timed; Spring Security's filters and decisions are not observed one by one.
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/contacts\"")
                .doesNotContain("spring_security_filterchains", "spring_security_authorizations")
                // Nor each request's time so far (management.observations.long-task-timer.enabled: false).
                .doesNotContain("http_server_requests_active")
                // Labels carry codes and reasons only: nothing a partner typed about a child.
                .doesNotContain("Sam", "Example", "9434765919");
    }

    /**
     * How the HTTP intake's group commit is doing, for an operator sizing it (issue 14): contacts a group and time a
     * group, as the HTTP and send-to-queue-row benchmarks print them.
     */
    @Test
    void prometheus_counts_and_times_the_groups_that_store_contacts_sent_one_per_request() {
        double groupsBefore = scraped("frontdoor_intake_group_contacts_count");
        double contactsBefore = scraped("frontdoor_intake_group_contacts_sum");
        double timedBefore = scraped("frontdoor_intake_group_commit_seconds_count");
        double waitsBefore = scraped("frontdoor_intake_group_wait_seconds_count");

        assertThat(postContact(POLICE_KEY, submission()).statusCode()).isEqualTo(202);

        assertThat(scraped("frontdoor_intake_group_contacts_count")).isGreaterThanOrEqualTo(groupsBefore + 1);
        assertThat(scraped("frontdoor_intake_group_contacts_sum")).isGreaterThanOrEqualTo(contactsBefore + 1);
        assertThat(scraped("frontdoor_intake_group_commit_seconds_count")).isGreaterThanOrEqualTo(timedBefore + 1);
        assertThat(scraped("frontdoor_intake_group_commit_seconds_sum")).isPositive();
        // Each contact's wait for a committer, reported as its group is taken (before its answer), and the gauge
        // of the contacts waiting now.
        assertThat(scraped("frontdoor_intake_group_wait_seconds_count")).isGreaterThanOrEqualTo(waitsBefore + 1);
        assertThat(get("/actuator/prometheus", null).body())
                .containsPattern("(?m)^frontdoor_intake_group_waiting(?:\\{[^}]*})? \\S+$");
    }

    /** A metric's value in the Prometheus scrape; 0 while it is not there yet. */
    private double scraped(String metric) {
        var line = java.util.regex.Pattern.compile("(?m)^" + metric + "(?:\\{[^}]*})? (\\S+)$")
                .matcher(get("/actuator/prometheus", null).body());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void the_openapi_description_and_the_kafka_json_schema_are_published() {
        HttpResponse<String> openapi = get("/v3/api-docs", null);
        HttpResponse<String> schema = get("/schemas/contact-submission-v1.schema.json", null);

        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/contacts", "/api/v1/triage-queue",
                "/api/v1/contacts/{contactId}/claim", "/api/v1/contacts/{contactId}/consent",
                "/api/v1/contacts/{contactId}/proposal/authorise", "/api/v1/contacts/{contactId}/strategy-discussion/record",
                "/api/v1/children/{childId}/step-up", "/api/v1/children/{childId}/chronology",
                "/api/v1/alerts", "/api/v1/alerts/stream", "/api/v1/alerts/{alertId}/acknowledge",
                "/api/v1/contacts/{contactId}/conference", "/api/v1/contacts/{contactId}/duties/{duty}",
                "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/rebuild");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("referralSource", "nhsNumber");
    }
}
