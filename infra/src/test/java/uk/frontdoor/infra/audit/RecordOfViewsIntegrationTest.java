package uk.frontdoor.infra.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: every read of a child's personal data is recorded (the API's contact reads and the queue
 * included), managers can list who looked, nobody can change the record, and it is kept for a set period.
 */
class RecordOfViewsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    Clock clock;

    @Test
    void reading_a_contact_or_the_queue_through_the_api_is_recorded_and_managers_list_who_looked() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String childId = childOf(contactId);
        long before = lastViewId();

        assertThat(get("/api/v1/contacts/" + contactId, staff("sw1")).statusCode()).isEqualTo(200);
        awaitQueueItem(contactId); // reads the queue, page by page, as sw1
        // A partner following its own contact sees only its status: not a view of the child's record.
        assertThat(get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY)).statusCode()).isEqualTo(200);

        List<Map<String, Object>> views = jdbc.sql("""
                        SELECT contact_id, viewed_by, role, what FROM record_views
                        WHERE id > ? AND child_id = ? ORDER BY id""").params(before, childId).query().listOfRows();
        assertThat(views).contains(
                Map.of("contact_id", contactId, "viewed_by", "sw1", "role", "SOCIAL_WORKER", "what", "contact (API)"),
                Map.of("contact_id", contactId, "viewed_by", "sw1", "role", "SOCIAL_WORKER", "what", "triage queue (API)"));
        assertThat(views).extracting(view -> view.get("viewed_by")).containsOnly("sw1");

        HttpResponse<String> listed = get("/api/v1/children/" + childId + "/views?limit=5", staff("manager1"));
        assertThat(listed.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answer = (List<Map<String, Object>>) body(listed).get("views");
        assertThat(answer).hasSizeBetween(2, 5);
        assertThat(answer.get(0)).containsEntry("viewedBy", "sw1").containsEntry("contactId", contactId)
                .containsKeys("viewedAt", "role", "what");
        assertThat(answer).extracting(view -> view.get("what")).contains("contact (API)", "triage queue (API)");
        // Most recent first.
        assertThat(answer).extracting(view -> Instant.parse((String) view.get("viewedAt")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(get("/api/v1/children/" + childId + "/views", staff("sw1")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/children/" + childId + "/views", bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
        HttpResponse<String> tooMany = get("/api/v1/children/" + childId + "/views?limit=1000", staff("manager1"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(body(tooMany)).containsEntry("type", "/problems/invalid-paging");
    }

    @Test
    void the_names_the_queue_page_shows_are_recorded_as_views() throws Exception {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String childId = childOf(contactId);
        awaitQueueItem(contactId);
        long before = lastViewId();
        java.net.http.HttpClient sw1 = signedIn("sw1");

        // Page by page, as a worker would, until the page names this child.
        boolean listed = false;
        for (int page = 1; !listed && page <= 200; page++) {
            HttpResponse<String> answer = sw1.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/queue?page=" + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            listed = answer.body().contains("data-contact-id=\"" + contactId + "\"");
            if (!listed && !answer.body().contains("data-contact-id=")) {
                break;
            }
        }

        assertThat(listed).as("the contact is on the queue page").isTrue();
        assertThat(jdbc.sql("""
                        SELECT contact_id, viewed_by, role, what FROM record_views
                        WHERE id > ? AND child_id = ? ORDER BY id""").params(before, childId).query().listOfRows())
                .containsExactly(Map.of("contact_id", contactId, "viewed_by", "sw1", "role", "SOCIAL_WORKER",
                        "what", "queue page"));
    }

    private java.net.http.HttpClient signedIn(String user) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.URI signIn = java.net.URI.create("http://localhost:" + port + "/sign-in");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(client.send(java.net.http.HttpRequest.newBuilder(signIn).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = client.send(java.net.http.HttpRequest.newBuilder(signIn)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user
                        + "&password=dev-password&_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return client;
    }

    @Test
    void the_record_of_views_cannot_be_changed_and_is_purged_only_after_its_period() {
        String child = UUID.randomUUID().toString();
        Instant now = Instant.now();
        insertView(child, now.minus(8 * 366, ChronoUnit.DAYS));
        insertView(child, now.minus(2 * 366, ChronoUnit.DAYS));

        assertThatThrownBy(() -> jdbc.sql("UPDATE record_views SET viewed_by = 'someone else' WHERE child_id = ?")
                .param(child).update()).rootCause().hasMessageContaining("the record of views cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM record_views WHERE child_id = ?").param(child).update())
                .rootCause().hasMessageContaining("the record of views cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE record_views").update())
                .rootCause().hasMessageContaining("the record of views cannot be changed");
        // However it is asked, the database keeps every view younger than a year.
        assertThatThrownBy(() -> jdbc.sql("SELECT purge_record_views(now() - interval '1 month')").query().listOfRows())
                .rootCause().hasMessageContaining("views younger than a year are never purged");
        assertThat(viewsOf(child)).isEqualTo(2);

        long purged = RecordViewsRetention.purge(jdbc, clock, Period.ofYears(7));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(viewsOf(child)).isEqualTo(1);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void the_service_run_as_a_role_that_does_not_own_the_table_cannot_delete_views_even_with_every_privilege()
            throws Exception {
        String child = "views-" + UUID.randomUUID();
        for (String age : List.of("10 years", "30 days")) {
            jdbc.sql("INSERT INTO record_views (child_id, viewed_by, role, viewed_at, what) VALUES (?, 'sw9', "
                    + "'SOCIAL_WORKER', now() - CAST(? AS interval), 'chronology page')").params(child, age).update();
        }
        String role = "frontdoor_runtime_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("CREATE ROLE " + role + " NOLOGIN").update();
        jdbc.sql("GRANT ALL ON record_views TO " + role).update();

        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + role);
                // The purge's own setting, set by hand: it no longer opens the table to anyone but its owner.
                statement.execute("SET LOCAL frontdoor.purging_record_views = 'on'");
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM record_views WHERE child_id = '"
                        + child + "'")).hasMessageContaining("the record of views cannot be changed");
            } finally {
                connection.rollback();
            }
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + role);
                assertThatThrownBy(() -> statement.execute("DROP TRIGGER record_views_append_only ON record_views"))
                        .hasMessageContaining("must be owner");
            } finally {
                connection.rollback();
            }
            // The retention purge still works for it: only views past a year, through the function.
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + role);
                statement.execute("SELECT purge_record_views(now() - interval '2 years')");
                connection.commit();
            }
        } finally {
            jdbc.sql("REVOKE ALL ON record_views FROM " + role).update();
            jdbc.sql("DROP ROLE " + role).update();
        }
        assertThat(viewsOf(child)).isEqualTo(1);
    }

    private void insertView(String child, Instant at) {
        jdbc.sql("INSERT INTO record_views (child_id, viewed_by, role, viewed_at, what) VALUES (?, 'sw9', 'SOCIAL_WORKER', ?, 'chronology page')")
                .params(child, Timestamp.from(at)).update();
    }

    private long viewsOf(String child) {
        return jdbc.sql("SELECT count(*) FROM record_views WHERE child_id = ?").param(child).query(Long.class).single();
    }

    private long lastViewId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM record_views").query(Long.class).single();
    }

}
