package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ActiveProfiles;
import uk.frontdoor.intake.submission.NhsNumber;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.SubmissionIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integration test runs the whole service on its embedded default: a real PostgreSQL and a
 * real KRaft broker, started in-process. All test classes share one application context (same
 * configuration), so the servers start once per run.
 */
@SpringBootTest(classes = FrontDoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontdoor.embedded.kafka-port=0", "frontdoor.embedded.smtp-port=0",
                "frontdoor.embedded.imap-port=0", "frontdoor.demo-feed.enabled=false",
                "frontdoor.deadlines.polling-interval=200ms",
                // A poisoned Kafka record's four retries take under a second, not about 16 (the default's 2 s first wait).
                "frontdoor.intake.retries.first-back-off=100ms",
                // An email that failed is tried again soon (NotificationIntegrationTest's mail server outage).
                "frontdoor.notifications.outbox.retry-after=200ms", "frontdoor.notifications.outbox.max-retry-after=1s",
                // Idle alert streams beat often, so a client that has gone is let go quickly.
                "frontdoor.alerts.stream.heartbeat=200ms",
                // The demo housing agency floods in PartnerRateLimitIntegrationTest: 3 an hour, so no cycle ends mid-test.
                "frontdoor.partners.rate-limits.demo-housing.requests=3",
                "frontdoor.partners.rate-limits.demo-housing.per=1h",
                // The probes' processors are pooled, as every read model's is, so a rebuild of one replays in bulk.
                "axon.eventhandling.processors.replay-probe.mode=pooled",
                "axon.eventhandling.processors.replay-probe.initial-segment-count=2",
                "axon.eventhandling.processors.replay-probe.thread-count=2",
                "axon.eventhandling.processors.failure-probe.mode=pooled",
                "axon.eventhandling.processors.failure-probe.initial-segment-count=2",
                "axon.eventhandling.processors.failure-probe.thread-count=2"})
@ActiveProfiles("embedded")
// Spring Boot switches metric export off in tests; the Prometheus endpoint is part of what is tested.
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTestSupport {

    protected static final String POLICE_KEY = "dev-key-police";
    protected static final String SCHOOL_KEY = "dev-key-school";
    protected static final String HEALTH_KEY = "dev-key-health";
    protected static final String HOUSING_KEY = "dev-key-housing";

    protected static final HttpClient http = HttpClient.newHttpClient();

    static {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    protected EmbeddedKafkaKraftBroker broker;
    @Autowired
    protected CandidateFinder candidates;

    /**
     * The example police submission about a child no other test has used (fresh NHS number),
     * with a fresh submission id and a recent awareSince.
     */
    protected ObjectNode submission() {
        try (InputStream in = getClass().getResourceAsStream("/police-example.json")) {
            ObjectNode node = (ObjectNode) json.readTree(in);
            node.put("submissionId", "TEST-" + UUID.randomUUID());
            ((ObjectNode) node.get("child")).put("nhsNumber", freshNhsNumber());
            node.put("awareSince", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The submission as this demo agency (its API key or its code) would send it: with a referral source
     * its agency may use (a school is not the police, {@code frontdoor.partners.agencies[n].kind}).
     * Returns the submission.
     */
    protected static ObjectNode sentBy(String agency, ObjectNode submission) {
        return submission.put("referralSource", switch (agency) {
            case POLICE_KEY, "demo-police" -> "6";
            case SCHOOL_KEY, "demo-school" -> "2A";
            case HEALTH_KEY, "demo-health" -> "3A";
            case HOUSING_KEY, "demo-housing" -> "4";
            default -> throw new IllegalArgumentException("not a demo agency: " + agency);
        });
    }

    /**
     * Gives the submission a child no other test has, without an NHS number, as most police contacts come:
     * letters-only names unique to this run, a birth date, a home and a mother of its own. Contacts about
     * one such child are recognised by matching alone. Returns the submission.
     */
    protected static ObjectNode aChildOfItsOwn(ObjectNode submission, ChildIdentity child) {
        ObjectNode about = (ObjectNode) submission.get("child");
        about.remove("nhsNumber");
        about.put("givenName", child.givenName()).put("familyName", child.familyName())
                .put("dateOfBirth", child.dateOfBirth());
        ((ObjectNode) about.get("address")).put("line1", child.line1()).put("postcode", child.postcode());
        ObjectNode mother = (ObjectNode) submission.withArray("household").get(0);
        mother.put("givenName", child.mothersName()).put("familyName", child.familyName());
        return submission;
    }

    /** Who a test's own child is: {@link #aChildOfItsOwn}. */
    protected record ChildIdentity(String givenName, String familyName, String dateOfBirth, String line1,
                                   String postcode, String mothersName) {

        public static ChildIdentity fresh() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String dateOfBirth = java.time.LocalDate.of(2011, 1, 1).plusDays(random.nextInt(3_650)).toString();
            // The inward code's letters are never C, I, K, M, O or V.
            String inward = "ABDEFGHJLNPQRSTUWXYZ";
            String postcode = "RG" + (1 + random.nextInt(40)) + " " + random.nextInt(10)
                    + inward.charAt(random.nextInt(inward.length())) + inward.charAt(random.nextInt(inward.length()));
            return new ChildIdentity(uniqueName("Kid"), uniqueName("Fam"), dateOfBirth,
                    (1 + random.nextInt(200)) + " " + uniqueName("Road") + " Road", postcode, uniqueName("Mum"));
        }

        public ChildIdentity withGivenName(String name) {
            return new ChildIdentity(name, familyName, dateOfBirth, line1, postcode, mothersName);
        }

        public ChildIdentity movedTo(String newLine1, String newPostcode) {
            return new ChildIdentity(givenName, familyName, dateOfBirth, newLine1, newPostcode, mothersName);
        }
    }

    /** A capitalised, letters-only name unique to this run. */
    protected static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A valid NHS number, random enough that no other test uses it. */
    public static String freshNhsNumber() {
        while (true) {
            String candidate = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
            if (NhsNumber.isValid(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * A police contact about a child with no NHS number, as most police contacts are: names, date of birth
     * and postcode as given, the rest as in the example. Returns the id of the child record it joined or
     * started, once the contact is registered and its child can be searched for.
     */
    protected String policeContactWithoutNhsNumber(String givenName, String familyName, LocalDate dateOfBirth,
                                                  String postcode) {
        ObjectNode submission = submission();
        ObjectNode child = (ObjectNode) submission.get("child");
        child.put("givenName", givenName).put("familyName", familyName).put("dateOfBirth", dateOfBirth.toString())
                .remove("nhsNumber");
        ((ObjectNode) child.get("address")).put("postcode", postcode);
        HttpResponse<String> accepted = postContact(POLICE_KEY, submission);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("contact not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        String contactId = contactIdOf(accepted);
        String childId = childOf(contactId);
        searchable(childId, submission);
        return childId;
    }

    /**
     * Makes sure the candidate table ({@code child_identity_variant}) knows who the child was recorded as.
     * Contact reception is to remember every contact's child there itself, in the contact's transaction;
     * where it has not, the test remembers exactly what reception would ({@link SubmissionIdentity}), so
     * the facts and their fingerprint are the same either way and nothing is recorded twice.
     */
    protected void searchable(String childId, ObjectNode submission) {
        boolean remembered = jdbc.sql("SELECT count(*) FROM child_identity_variant WHERE child_id = ?")
                .param(childId).query(Long.class).single() > 0;
        if (!remembered) {
            try {
                ContactSubmission.Child child = json.treeToValue(submission.get("child"), ContactSubmission.Child.class);
                List<ContactSubmission.HouseholdMember> household = List.of(json.treeToValue(
                        submission.get("household"), ContactSubmission.HouseholdMember[].class));
                candidates.remember(childId, SubmissionIdentity.of(child, household), Instant.now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    protected byte[] bytes(Object node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected HttpResponse<String> postContact(String apiKey, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/contacts"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postContact(String apiKey, Object submission) {
        return postContact(apiKey, "application/json", bytes(submission));
    }

    protected HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A staff (or partner) call with a JSON body; a null body sends none. */
    protected HttpResponse<String> postJson(String path, String authorization, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", authorization)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    protected static String bearer(String key) {
        return "Bearer " + key;
    }

    protected static String staff(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":dev-password").getBytes(StandardCharsets.UTF_8));
    }

    protected Map<String, Object> body(HttpResponse<String> response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(response.body(), Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String contactIdOf(HttpResponse<String> response) {
        return (String) body(response).get("contactId");
    }

    /** The whole queue, most urgent first, read a page at a time (the suite's queue outgrows one page). */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> queueItems() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> answer = body(get("/api/v1/triage-queue?limit=500&page=" + page, staff("sw1")));
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            all.addAll(items);
            if (items.isEmpty() || page >= ((Number) answer.get("totalPages")).intValue()) {
                return all;
            }
        }
    }

    protected Map<String, Object> awaitQueueItem(String contactId) {
        return Awaitility.await().until(() -> queueItems().stream()
                        .filter(item -> contactId.equals(item.get("contactId")))
                        .findFirst().orElse(null),
                item -> item != null);
    }

    /**
     * Waits until a streaming event processor (a read model) has handled every event stored so far:
     * each of its segments has reached the event store's head as it was when asked, with no error and
     * no rebuild under way. What a read model must not show is only worth asserting after this.
     */
    /** The contact as staff read it ({@code GET /api/v1/contacts/{id}}), once it has this status. */
    protected Map<String, Object> awaitStatus(String contactId, String status) {
        return Awaitility.await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                view -> status.equals(view.get("status")));
    }

    /**
     * A police contact screened by sw1 and decided by manager1 with this outcome (a manager's reason given in case it
     * steps down); returns once the contact view says it is decided.
     */
    protected String decided(String outcome) {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        awaitStatus(contactId, "ASSESSED");
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", outcome,
                "rationale", "The rationale for the test.")).statusCode()).isEqualTo(204);
        HttpResponse<String> authorised = postJson(contact + "/proposal/authorise", staff("manager1"),
                Map.of("reason", "The family is engaging."));
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(204);
        awaitStatus(contactId, "DECIDED");
        return contactId;
    }

    protected void awaitUpToDate(String processor) {
        Awaitility.await().until(() -> {
            HttpResponse<String> status = get("/api/v1/admin/projections/" + processor, staff("sysadmin1"));
            if (status.statusCode() != 200) {
                throw new IllegalStateException("no projection " + processor + ": " + status.statusCode());
            }
            return "UP_TO_DATE".equals(body(status).get("state"));
        });
    }

    protected void publish(String topic, String agency, byte[] key, byte[] value) {
        var record = new ProducerRecord<>(topic, key, value);
        if (agency != null) {
            record.headers().add("agency", agency.getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a topic from the beginning until a record matching the predicate arrives. */
    protected ConsumerRecord<byte[], byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<byte[], byte[]>> match) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Awaitility.await().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** The child record an accepted contact joined, once reception has stored it. */
    protected String childOf(String contactId) {
        return childOf(jdbc, contactId);
    }

    /** {@link #childOf(String)} for tests with a database of their own. */
    public static String childOf(JdbcClient jdbc, String contactId) {
        return Awaitility.await().until(() -> jdbc.sql("SELECT child_id FROM contact_registry WHERE contact_id = ?")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);
    }

    protected long contactsWithSubmissionId(String submissionId) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id = ?")
                .param(submissionId).query(Long.class).single();
    }

    protected String awaitContactId(String agency, String submissionId) {
        return Awaitility.await().until(() -> jdbc.sql(
                                "SELECT contact_id FROM contact_registry WHERE agency = ? AND submission_id = ?")
                        .params(agency, submissionId).query(String.class).optional().orElse(null),
                id -> id != null);
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** The contact ids of the child's events of one type, in stream order. */
    protected List<String> eventsAbout(String childId, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'contactId' FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""")
                .params(childId, "uk.frontdoor.triage.api." + type)
                .query(String.class).list();
    }

    /**
     * Sends the submissions as the demo police to one partition of the topic, in this order, each keyed by the run
     * and its submission id, so that the listener takes them in one poll (or more) in this order; returns once sent.
     */
    protected void sendInOrder(String topic, String run, List<ObjectNode> submissions) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (ObjectNode submission : submissions) {
            var record = new ProducerRecord<>(topic, 0, keyOf(run, submission), bytes(submission));
            record.headers().add("agency", "demo-police".getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
    }

    /** Waits for a submission {@link #sendInOrder sent} to be dead-lettered, and checks the letter and its reason. */
    protected void awaitDeadLettered(String deadLetters, String run, ObjectNode submission, String reason) {
        String key = new String(keyOf(run, submission), StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> dead = awaitRecord(deadLetters,
                r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key));
        assertThat(dead.value()).isEqualTo(bytes(submission));
        assertThat(new String(dead.headers().lastHeader("frontdoor-rejection-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo(reason);
    }

    private static byte[] keyOf(String run, ObjectNode submission) {
        return (run + "/" + submission.get("submissionId").asText()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes PostgreSQL refuse to insert a row into {@code table} when {@code refused} holds (an SQL condition on
     * {@code NEW} and {@code TG_ARGV[0]}, which is {@code argument}), as a failing constraint would: a trigger and
     * a function, both called {@code name}, which the test drops afterwards.
     */
    protected void refuseInserts(String name, String table, String refused, String argument) {
        jdbc.sql("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                + refused + " THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; "
                + "END IF; RETURN NEW; END $$").update();
        jdbc.sql("DROP TRIGGER IF EXISTS " + name + " ON " + table).update();
        jdbc.sql("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
                + name + "('" + argument + "')").update();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends and reads the whole body as text; I/O failures fail the test. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
