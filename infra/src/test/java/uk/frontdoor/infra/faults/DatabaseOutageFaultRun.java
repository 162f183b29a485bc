package uk.frontdoor.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.infra.FrontDoorApplication;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under the running service: partners' submissions, and staff's API calls and pages, are
 * answered {@code 503} with
 * {@code Retry-After} within seconds, alone or many at once (a group commit that cannot reach the database
 * fails all its waiters together, and bounded waiting for a connection ends each wait), not after a minute;
 * and once PostgreSQL is back, nothing of what was refused is found half-stored, and each is stored exactly
 * once when the partner sends it again.
 *
 * <p>The service runs on its embedded default with a PostgreSQL of this test's own
 * ({@code frontdoor.embedded.postgres-url}), stopped (a fast shutdown: every connection cut) and started
 * again on the same data directory and port, as the fault suite's restart run does to its server. In the
 * fault suite (profile {@code faults}) rather than the default one: with a context of its own it takes about
 * a minute on a loaded 2-core machine, most of it starting the service.
 */
class DatabaseOutageFaultRun {

    /** Far less than the minute a request used to hang; generous to a loaded 2-core machine. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(20);
    private static final String POLICE_KEY = "dev-key-police";
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void intake_is_answered_503_with_retry_after_in_seconds_while_postgres_is_down_and_nothing_is_half_stored()
            throws Exception {
        EmbeddedPostgres postgres = postgres(0);
        int port = postgres.getPort();
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(FrontDoorApplication.class).profiles("embedded").run(
                    "--server.port=0", "--frontdoor.embedded.kafka-port=0", "--frontdoor.demo-feed.enabled=false",
                    "--frontdoor.embedded.postgres-url=" + postgres.getJdbcUrl("postgres", "postgres"));
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            ObjectNode before = submission();
            assertThat(post(http, base, before).statusCode()).isEqualTo(202);
            HttpClient worker = signedIn(base, "sw1");

            postgres.close();

            // Staff too: the API a problem, a page an HTML page, both 503 with Retry-After, within the bound.
            HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/triage-queue"))
                    .timeout(ANSWERED_WITHIN).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("sw1:dev-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertUnavailableInTime(queue);
            HttpResponse<String> page = worker.send(HttpRequest.newBuilder(URI.create(base + "/queue"))
                    .timeout(ANSWERED_WITHIN).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("Sorry, the service is unavailable", "Nothing was saved or changed.");

            // One at a time (each its own group), then eight at once (sharing groups).
            List<ObjectNode> refused = new ArrayList<>();
            ObjectNode alone = submission();
            refused.add(alone);
            assertUnavailableInTime(post(http, base, alone));
            ExecutorService partners = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ObjectNode submission = submission();
                    refused.add(submission);
                    answers.add(partners.submit(() -> post(http, base, submission)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertUnavailableInTime(answer.get(2, TimeUnit.MINUTES));
                }
            } finally {
                partners.shutdownNow();
            }

            postgres = postgres(port);
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                    http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            // Nothing of a refused submission was kept: no registry row, no event.
            for (ObjectNode submission : refused) {
                String id = submission.get("submissionId").asText();
                assertThat(registered(jdbc, id)).as(id).isZero();
                assertThat(receivedEvents(jdbc, id)).as(id).isZero();
            }
            // Sent again, as Retry-After asks, each is stored, once.
            for (ObjectNode submission : refused) {
                HttpResponse<String> again = post(http, base, submission);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
                assertThat(json.readTree(again.body()).path("alreadyReceived").asBoolean()).isFalse();
            }
            for (ObjectNode submission : refused) {
                String id = submission.get("submissionId").asText();
                assertThat(registered(jdbc, id)).as(id).isEqualTo(1);
                assertThat(receivedEvents(jdbc, id)).as(id).isEqualTo(1);
            }
            String first = before.get("submissionId").asText();
            assertThat(registered(jdbc, first)).isEqualTo(1);
            assertThat(receivedEvents(jdbc, first)).isEqualTo(1);
        } finally {
            if (app != null) {
                app.close();
            }
            postgres.close();
        }
    }

    private static void assertUnavailableInTime(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/temporarily-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
    }

    /** A client signed in to the pages with the form, as a browser is. */
    private static HttpClient signedIn(String base, String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=dev-password&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        return client;
    }

    /** Posts a submission as the police; the request is given up on (failing the test) after the bound. */
    private static HttpResponse<String> post(HttpClient http, String base, ObjectNode submission) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts"))
                .timeout(ANSWERED_WITHIN)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + POLICE_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(submission))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long registered(JdbcClient jdbc, String submissionId) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id = ?")
                .param(submissionId).query(Long.class).single();
    }

    private static long receivedEvents(JdbcClient jdbc, String submissionId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'"
                        + " AND convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' = ?")
                .param(submissionId).query(Long.class).single();
    }

    /** This test's PostgreSQL on its data directory: on a free port first, then again on the same one. */
    private EmbeddedPostgres postgres(int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(data).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** The README's example police submission, about a child of its own, with a fresh submission id. */
    private static ObjectNode submission() throws Exception {
        try (InputStream in = DatabaseOutageFaultRun.class.getResourceAsStream("/police-example.json")) {
            ObjectNode node = (ObjectNode) json.readTree(in);
            node.put("submissionId", "OUTAGE-" + UUID.randomUUID());
            ((ObjectNode) node.get("child")).put("nhsNumber", IntegrationTestSupport.freshNhsNumber());
            node.put("awareSince", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            return node;
        }
    }
}
