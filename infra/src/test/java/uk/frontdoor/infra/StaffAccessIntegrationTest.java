package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on the staff API, over real HTTP. The screening and decision endpoints may not
 * exist yet: a caller that security lets through gets 404 from them for now, so these tests tell
 * "refused by security" (401, 403) from "let through" (anything else).
 */
class StaffAccessIntegrationTest extends IntegrationTestSupport {

    private static final String CONTACT = "/api/v1/contacts/00000000-0000-0000-0000-000000000001";

    @Test
    void an_administrator_logs_a_phoned_in_contact_under_their_own_agency_on_the_staff_channel() {
        var submission = submission();

        HttpResponse<String> posted = post("/api/v1/contacts", staff("admin1"), bytes(submission));

        assertThat(posted.statusCode()).isEqualTo(202);
        String contactId = contactIdOf(posted);
        HttpResponse<String> read = get("/api/v1/contacts/" + contactId, staff("admin1"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read)).containsEntry("contactId", contactId);
        var received = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'channel' AS channel,
                               convert_from(payload, 'UTF8')::jsonb ->> 'agency' AS agency,
                               convert_from(payload, 'UTF8')::jsonb -> 'loggedBy' ->> 'userId' AS logged_by,
                               payloadrevision AS revision
                        FROM domainevententry
                        WHERE payloadtype LIKE '%ContactReceived'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'contactId' = ?""")
                .param(contactId).query().singleRow();
        assertThat(received).containsEntry("channel", "STAFF").containsEntry("agency", "demo-council")
                .containsEntry("logged_by", "admin1").containsEntry("revision", "3");
        // No partner agency can see a contact staff logged.
        assertThat(get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sw1", "manager1"})
    void social_workers_and_managers_may_log_contacts_too(String user) {
        assertThat(post("/api/v1/contacts", staff(user), bytes(submission())).statusCode()).isEqualTo(202);
    }

    @Test
    void only_managers_authorise_or_return_a_proposed_decision() {
        for (String path : new String[]{CONTACT + "/proposal/authorise", CONTACT + "/proposal/return"}) {
            assertForbidden(post(path, staff("sw1")));
            assertForbidden(post(path, staff("admin1")));
            assertForbidden(post(path, bearer(POLICE_KEY)));
            assertLetThrough(post(path, staff("manager1")));
        }
    }

    @Test
    void administrators_do_not_screen() {
        String[] screening = {"/claim", "/release", "/consent", "/partner-checks", "/priority", "/proposal",
                "/strategy-discussion", "/strategy-discussion/record", "/identity/resolve", "/conference",
                "/duties/return-home-interview"};
        for (String action : screening) {
            assertForbidden(post(CONTACT + action, staff("admin1")));
            assertForbidden(post(CONTACT + action, bearer(POLICE_KEY)));
            assertLetThrough(post(CONTACT + action, staff("sw1")));
            assertLetThrough(post(CONTACT + action, staff("manager2")));
        }
        String child = "/api/v1/children/00000000-0000-0000-0000-000000000002";
        assertForbidden(post(child + "/links", staff("admin1")));
        assertForbidden(post(child + "/step-up", staff("admin1")));
        assertForbidden(get(child, staff("admin1")));
        assertForbidden(get(child + "/chronology", bearer(SCHOOL_KEY)));
        assertLetThrough(post(child + "/links", staff("sw2")));
        assertLetThrough(get(child + "/chronology", staff("sw1")));
    }

    @Test
    void any_member_of_staff_records_a_partners_reply_and_feedback_but_no_partner_does() {
        for (String path : new String[]{CONTACT + "/partner-checks/check-1/reply", CONTACT + "/feedback"}) {
            assertLetThrough(post(path, staff("admin1")));
            assertLetThrough(post(path, staff("sw1")));
            assertLetThrough(post(path, staff("manager1")));
            assertForbidden(post(path, bearer(HEALTH_KEY)));
        }
    }

    @Test
    void alerts_are_for_managers() {
        assertLetThrough(get("/api/v1/alerts", staff("manager1")));
        assertForbidden(get("/api/v1/alerts", staff("sw1")));
        assertForbidden(get("/api/v1/alerts/overdue", staff("admin1")));
        assertForbidden(get("/api/v1/alerts", bearer(POLICE_KEY)));
    }

    @Test
    void nobody_anonymous_and_no_unknown_key_gets_in() {
        for (String path : new String[]{CONTACT + "/claim", CONTACT + "/proposal/authorise", CONTACT + "/feedback"}) {
            HttpResponse<String> anonymous = post(path, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(post(path, bearer("not-a-key")).statusCode()).isEqualTo(401);
        }
        // Shaped like a JWT, but this profile has no identity provider: nobody vouches for it.
        assertThat(post(CONTACT + "/claim", bearer("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"))
                .statusCode()).isEqualTo(401);
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static void assertLetThrough(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isNotIn(401, 403);
    }

    private HttpResponse<String> post(String path, String authorization) {
        return post(path, authorization, "{}".getBytes());
    }

    private HttpResponse<String> post(String path, String authorization, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
