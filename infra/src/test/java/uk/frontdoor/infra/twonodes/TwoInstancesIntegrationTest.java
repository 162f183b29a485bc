package uk.frontdoor.infra.twonodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.infra.FrontDoorApplication;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.MovableClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one PostgreSQL, as in a cluster: each with its own web server, Kafka
 * broker and event processors, sharing the event store, the token store (so they split the projections'
 * segments) and the deadline table. Staff may call either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    /** Both instances' clock, as if their hosts were in step; the test moves it to make clocks fall due. */
    private final MovableClock clock = new MovableClock();
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void start() throws IOException {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        a = instance(url);
        b = instance(url);
    }

    @AfterAll
    void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[]{b, a}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void concurrent_staff_commands_on_one_child_through_both_instances_all_land_once() throws Exception {
        String contactId = postContact(a);
        String contact = "/api/v1/contacts/" + contactId;
        await().until(() -> status(b, contactId).equals("ASSESSED"));
        assertThat(post(b, contact + "/claim", "sw1", null).statusCode()).isEqualTo(204);

        // Eight callers, half on each instance, each asking for partner checks three times, all at once.
        List<String> checks = new ArrayList<>();
        for (HttpResponse<String> response : concurrently(24, i -> post(i % 2 == 0 ? a : b, contact + "/partner-checks",
                "sw1", Map.of("agencies", List.of("POLICE"), "question", "Request " + i)))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            checks.add(tree(response.body()).get(0).get("checkId").asText());
        }
        assertThat(Set.copyOf(checks)).hasSize(24);

        // Then every check answered, again through both instances at once.
        for (HttpResponse<String> response : concurrently(24, i -> post(i % 2 == 0 ? b : a,
                contact + "/partner-checks/" + checks.get(i) + "/reply", "admin1",
                Map.of("information", "Reply " + i)))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }

        String childId = IntegrationTestSupport.childOf(jdbc(), contactId);
        List<String> stored = jdbc().sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber").param(childId).query(String.class).list();
        assertThat(stored).filteredOn(type -> type.endsWith(".PartnerCheckRequested")).hasSize(24);
        assertThat(stored).filteredOn(type -> type.endsWith(".PartnerCheckReplied")).hasSize(24);
        // One stream, no gaps: every append took the next sequence number.
        List<Long> sequence = jdbc().sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber").param(childId).query(Long.class).list();
        assertThat(sequence).containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(sequence.size()).toList());
        // Both instances' read side agree: every check, answered once.
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            await().untilAsserted(() -> {
                JsonNode view = tree(get(instance, contact, "sw1").body());
                List<String> answered = new ArrayList<>();
                view.get("work").get("partnerChecks").forEach(check -> {
                    if (check.hasNonNull("reply")) {
                        answered.add(check.get("checkId").asText());
                    }
                });
                assertThat(answered).containsExactlyInAnyOrderElementsOf(checks);
            });
        }
    }

    @Test
    void a_board_open_on_either_instance_shows_a_change_whichever_instance_handled_it() throws Exception {
        BlockingQueue<String> boardOnA = openBoardStream(a);
        BlockingQueue<String> boardOnB = openBoardStream(b);
        await().until(() -> boardOnA.contains("event:board") && boardOnB.contains("event:board"));

        String contactId = postContact(a);
        String childId = IntegrationTestSupport.childOf(jdbc(), contactId);
        JsonNode started = await().until(() -> jdbc().sql("""
                                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                                WHERE aggregateidentifier = ? AND payloadtype = 'uk.frontdoor.triage.api.ClockStarted'""")
                        .param(childId).query(String.class).list().stream().map(TwoInstancesIntegrationTest::tree)
                        .filter(event -> event.path("type").asText().equals("CONTACT_DECISION")).findFirst().orElse(null),
                event -> event != null);
        String alertId = started.get("clockId").asText();

        // Past the warning point: whichever instance runs the deadline and whichever projects the warning,
        // both boards are told.
        clock.moveTo(Instant.parse(started.get("warnAt").asText()).plus(Duration.ofMinutes(1)));
        await().until(() -> raised(boardOnA, alertId, "RAISED") && raised(boardOnB, alertId, "RAISED"));

        // A manager acts on instance B: the board on A shows it as well as the one on B.
        assertThat(post(b, "/api/v1/alerts/" + alertId + "/acknowledge", "manager1",
                Map.of("note", "Seen on the other instance")).statusCode()).isEqualTo(204);
        await().until(() -> raised(boardOnA, alertId, "UPDATED") && raised(boardOnB, alertId, "UPDATED"));
    }

    // ----- the instances -----

    private ConfigurableApplicationContext instance(String databaseUrl) {
        return new SpringApplicationBuilder(FrontDoorApplication.class)
                .profiles("embedded")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("movableClock",
                        Clock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run("--server.port=0", "--frontdoor.embedded.kafka-port=0", "--frontdoor.embedded.smtp-port=0",
                        "--frontdoor.embedded.imap-port=0",
                        "--frontdoor.embedded.postgres-url=" + databaseUrl,
                        "--frontdoor.demo-feed.enabled=false", "--frontdoor.deadlines.polling-interval=100ms",
                        "--frontdoor.alerts.stream.heartbeat=200ms",
                        // Both instances' processors claim segments soon after the other lets go.
                        "--axon.eventhandling.tokenstore.claim-timeout=5s");
    }

    private JdbcClient jdbc() {
        return a.getBean(JdbcClient.class);
    }

    private String postContact(ConfigurableApplicationContext instance) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/police-example.json")) {
            ObjectNode submission = (ObjectNode) json.readTree(in);
            submission.put("submissionId", "TWO-" + UUID.randomUUID());
            ((ObjectNode) submission.get("child")).put("nhsNumber", IntegrationTestSupport.freshNhsNumber());
            submission.put("awareSince", clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            HttpResponse<String> response = IntegrationTestSupport.send(request(instance, "/api/v1/contacts")
                    .header("Authorization", "Bearer dev-key-police")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(submission.toString())).build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return tree(response.body()).get("contactId").asText();
        }
    }

    private String status(ConfigurableApplicationContext instance, String contactId) {
        HttpResponse<String> response = get(instance, "/api/v1/contacts/" + contactId, "sw1");
        return response.statusCode() == 200 ? tree(response.body()).path("status").asText() : "";
    }

    /** Runs {@code count} calls at once (released together), returning their answers in order. */
    private static List<HttpResponse<String>> concurrently(int count, Call call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> {
                    ready.await();
                    return call.make(index);
                });
            }
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            calls.forEach(each -> answers.add(callers.submit(each)));
            ready.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            callers.shutdownNow();
        }
    }

    private interface Call {
        HttpResponse<String> make(int index);
    }

    private static boolean raised(BlockingQueue<String> board, String alertId, String kind) {
        return board.stream().anyMatch(line -> line.startsWith("data:") && line.contains(alertId)
                && line.contains("\"" + kind + "\""));
    }

    /** Every line a manager's board stream sends on that instance, as it arrives. */
    private static BlockingQueue<String> openBoardStream(ConfigurableApplicationContext instance) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        http.sendAsync(request(instance, "/api/v1/alerts/stream?type=CONTACT_DECISION")
                        .header("Authorization", basic("manager1")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .forEach(line -> lines.add(line.replace("event: ", "event:").replace("data: ", "data:"))));
        return lines;
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String user) {
        return IntegrationTestSupport.send(request(instance, path).header("Authorization", basic(user)).GET().build());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String user,
                                             Object body) {
        HttpRequest.Builder request = request(instance, path).header("Authorization", basic(user));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.valueToTree(body).toString()));
        }
        return IntegrationTestSupport.send(request.build());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":dev-password").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
