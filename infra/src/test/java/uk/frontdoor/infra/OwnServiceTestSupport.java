package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests that start the whole service themselves, rather than share the one context of
 * {@link IntegrationTestSupport}: to stop it and start it again on the same database, or to assert
 * exact figures on a database of their own. Each test gets its own PostgreSQL data directory and its
 * own clock, which the test moves and which is kept across restarts within the test; staff call the
 * API by user name (the demo users).
 */
public abstract class OwnServiceTestSupport {

    protected static final ObjectMapper json = new ObjectMapper();

    static {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
    }

    /** The service's one clock: primary over the system clock in every start within a test. */
    protected final MovableClock clock = new MovableClock();

    @TempDir
    protected Path database;

    protected ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Starts the service on its embedded default, on this test's database and clock, without the demo feed. */
    protected ConfigurableApplicationContext start() {
        // Command-line arguments, not the builder's properties(): those are only defaults, and the embedded
        // profile's own settings (port 8080, the demo feed on) would win over them.
        return new SpringApplicationBuilder(FrontDoorApplication.class)
                .profiles("embedded")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("movableClock",
                        Clock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run("--server.port=0", "--frontdoor.embedded.kafka-port=0", "--frontdoor.embedded.smtp-port=0",
                        "--frontdoor.embedded.imap-port=0",
                        "--frontdoor.embedded.postgres-data-directory=" + database.toAbsolutePath(),
                        "--frontdoor.demo-feed.enabled=false", "--frontdoor.deadlines.polling-interval=100ms",
                        // Long enough that a request holding the graceful shutdown shows as a hang, not a delay.
                        "--spring.lifecycle.timeout-per-shutdown-phase=5m");
    }

    /** The child record an accepted contact joined, once reception has stored it. */
    protected String childOf(String contactId) {
        return IntegrationTestSupport.childOf(jdbc(), contactId);
    }

    protected JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }

    protected HttpRequest.Builder request(String path, String authorization) {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** A GET as a demo member of staff, or anonymously for {@code null}. */
    protected HttpResponse<String> get(String path, String user) {
        return IntegrationTestSupport.send(request(path, user == null ? null : basic(user)).GET().build());
    }

    /** A POST as a demo member of staff, with {@code body} as JSON, or none for {@code null}. */
    protected HttpResponse<String> post(String path, String user, Object body) {
        HttpRequest.Builder request = request(path, basic(user));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(tree(body).toString()));
        }
        return IntegrationTestSupport.send(request.build());
    }

    /**
     * The example police submission about a child no other test has used (a fresh NHS number), its
     * submission id {@code prefix} and a random part, the referrer aware two hours before the service's clock.
     */
    protected ObjectNode policeExample(String prefix) {
        try (InputStream in = getClass().getResourceAsStream("/police-example.json")) {
            ObjectNode submission = (ObjectNode) json.readTree(in);
            submission.put("submissionId", prefix + UUID.randomUUID());
            ((ObjectNode) submission.get("child")).put("nhsNumber", IntegrationTestSupport.freshNhsNumber());
            submission.put("awareSince", clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            return submission;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a partner's submission (its API key's {@code authorization}); returns the accepted contact's id. */
    protected String accepted(ObjectNode submission, String authorization) {
        HttpResponse<String> response = IntegrationTestSupport.send(request("/api/v1/contacts", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submission.toString())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return tree(response.body()).get("contactId").asText();
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":dev-password").getBytes(StandardCharsets.UTF_8));
    }

    /** JSON text read, or any other value converted, into a tree. */
    protected static JsonNode tree(Object value) {
        try {
            return value instanceof String text ? json.readTree(text) : json.valueToTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
