package uk.frontdoor.infra.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No personal data where it does not belong. One run of the suite's typical scenarios with children of its own,
 * each with distinctive names, dates of birth, NHS numbers and addresses: partner submissions over HTTP and Kafka,
 * a contact staff log, a staff journey through to a decision, matching a second contact to the child without its
 * NHS number, searches, bad input at both edges and in staff commands, and dead letters. Then it scans
 * <ul>
 *     <li>every line logged meanwhile (the console, where the service logs),</li>
 *     <li>the Prometheus scrape (metric names and labels),</li>
 *     <li>the key and every header of every record on every Kafka topic (intake, dead letters, internal ones),</li>
 *     <li>the body of every HTTP answer that was an error (4xx or 5xx)</li>
 * </ul>
 * for those names, dates of birth (as sent and as the pages write them), NHS numbers (as sent and spaced 3-3-4),
 * address lines and postcodes. It finds none.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataScanIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DEAD_LETTERS = "contact-submissions.dlq";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Each distinctive value sent, and what it is (the report names the kind, and the value: it is fictional). */
    private final Map<String, String> personalData = new LinkedHashMap<>();
    private final List<String> errorAnswers = new ArrayList<>();

    /** A child and mother with values found nowhere else, and the submission that tells of them. */
    private record Person(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                          String line1, String postcode, String mothersGivenName, LocalDate mothersDateOfBirth) {
    }

    @Test
    void personal_data_sent_in_the_suites_scenarios_appears_in_no_log_metric_kafka_key_or_header_or_error_answer(
            CapturedOutput output) throws Exception {
        Person viaHttp = person();
        Person viaKafka = person();
        Person loggedByStaff = person();
        Person refused = person();
        Person deadLettered = person();

        // A partner's contact over HTTP, and its journey to a decision, the child named in the staff's own words.
        ObjectNode first = submissionAbout(viaHttp, true);
        String contactId = contactIdOf(expect(202, postContact(POLICE_KEY, first)));
        String contact = "/api/v1/contacts/" + contactId;
        awaitStatus(contactId, "ASSESSED");
        expect(200, get(contact, bearer(POLICE_KEY)));
        expect(200, get(contact, staff("sw1")));
        expect(204, postJson(contact + "/claim", staff("sw1"), null));
        expect(409, postJson(contact + "/claim", staff("sw2"), null));
        expect(204, postJson(contact + "/consent", staff("sw1"), Map.of("decision", "NOT_SOUGHT",
                "reason", "Asking " + viaHttp.mothersGivenName() + " would alert the alleged abuser.")));
        HttpResponse<String> checks = expect(201, postJson(contact + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("POLICE", "HEALTH"),
                        "question", "What do you know of " + viaHttp.givenName() + " " + viaHttp.familyName() + "?")));
        String checkId = (String) listOf(checks).get(0).get("checkId");
        expect(204, postJson(contact + "/partner-checks/" + checkId + "/reply", staff("admin1"),
                Map.of("information", "Two call-outs to " + viaHttp.line1() + " this year.")));
        expect(204, postJson(contact + "/priority", staff("sw1"), Map.of("priority", "RED",
                "rationale", viaHttp.givenName() + " disclosed injuries at school.")));
        expect(204, postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "STRATEGY_DISCUSSION",
                "rationale", "Reasonable cause to suspect significant harm to " + viaHttp.givenName() + ".")));
        expect(403, postJson(contact + "/proposal/authorise", staff("sw2"), null));
        expect(204, postJson(contact + "/proposal/authorise", staff("manager1"), null));

        // Matching: the same child again, from school, without the NHS number.
        ObjectNode again = submissionAbout(viaHttp, false);
        again.put("referralSource", "2A");
        String againId = contactIdOf(expect(202, postContact(SCHOOL_KEY, again)));
        awaitStatus(againId, "ASSESSED");
        expect(200, get("/api/v1/contacts/" + againId, staff("sw1")));

        // A third contact: same family, birth date, home and mother, another given name (a twin, or a name misheard).
        // Matching never joins that by itself; a worker confirms it, giving the reason in their own words.
        Person twins = person();
        awaitStatus(contactIdOf(expect(202, postContact(POLICE_KEY, submissionAbout(twins, false)))), "ASSESSED");
        String otherGivenName = uniqueName("Orrin");
        personalData.put(otherGivenName, "a child's given name");
        ObjectNode twin = submissionAbout(twins, false);
        ((ObjectNode) twin.get("child")).put("givenName", otherGivenName);
        String twinId = contactIdOf(expect(202, postContact(POLICE_KEY, twin)));
        Map<?, ?> identity = await().until(() -> body(get("/api/v1/contacts/" + twinId, staff("sw1"))).get("work"),
                work -> work instanceof Map<?, ?> w && w.get("identity") != null) instanceof Map<?, ?> work
                ? (Map<?, ?>) work.get("identity") : Map.of();
        List<?> possibleMatches = (List<?>) identity.get("possibleMatches");
        assertThat(possibleMatches).isNotEmpty();
        expect(204, postJson("/api/v1/contacts/" + twinId + "/identity/resolve", staff("sw1"),
                Map.of("candidateChildId", possibleMatches.get(0), "sameChild", true, "reason",
                        twins.mothersGivenName() + " confirmed " + otherGivenName + " is " + twins.givenName())));

        // A partner's contact over Kafka, and one a member of staff logs from a phone call.
        ObjectNode overKafka = submissionAbout(viaKafka, true);
        overKafka.put("referralSource", "2A");
        publish(TOPIC, "demo-school", key(overKafka), bytes(overKafka));
        String kafkaContactId = awaitContactId("demo-school", overKafka.get("submissionId").asText());
        ObjectNode phoned = submissionAbout(loggedByStaff, true);
        String phonedId = contactIdOf(expect(202, track(send(HttpRequest.newBuilder(uri("/api/v1/contacts"))
                .header("Authorization", staff("admin1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(phoned))).build()))));
        awaitStatus(kafkaContactId, "ASSESSED");
        awaitStatus(phonedId, "ASSESSED");

        // Staff look the children up, and read their records.
        String childId = (String) ((Map<?, ?>) body(get(contact, staff("sw1"))).get("work")).get("childId");
        expect(200, get("/api/v1/children?givenName=" + url(viaHttp.givenName()) + "&familyName="
                + url(viaHttp.familyName()) + "&dateOfBirth=" + viaHttp.dateOfBirth(), staff("sw1")));
        expect(200, get("/api/v1/children?nhsNumber=" + viaKafka.nhsNumber(), staff("sw1")));
        expect(200, get("/api/v1/children?postcode=" + url(viaHttp.postcode()) + "&familyName="
                + url(viaHttp.familyName()), staff("manager1")));
        expect(200, get("/api/v1/children/" + childId + "/chronology", staff("sw1")));
        expect(200, get("/api/v1/children/" + childId + "/family", staff("sw1")));
        expect(200, get("/api/v1/children/" + childId + "/views", staff("manager1")));
        get("/api/v1/triage-queue?limit=20", staff("sw1"));

        // The same through the staff pages, signed in; and pages asked for with a child's details in the address.
        HttpClient pages = signedIn("sw1");
        expect(200, page(pages, "/contacts/" + contactId));
        expect(200, page(pages, "/children/" + childId + "/chronology"));
        expect(200, page(pages, "/children/search?givenName=" + url(viaHttp.givenName()) + "&familyName="
                + url(viaHttp.familyName()) + "&dateOfBirth=" + viaHttp.dateOfBirth()));
        expect(200, page(pages, "/queue"));
        page(pages, "/children/search?givenName=" + url(refused.givenName()) + "&dateOfBirth="
                + url(refused.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        page(pages, "/contacts/" + refused.nhsNumber());
        page(pages, "/children/" + url(refused.familyName()) + "/chronology");
        page(pages, "/children/" + url(refused.givenName()));
        page(pages, "/" + url(refused.line1()));

        // Bad input at the HTTP edge, each carrying a child's details where they do not fit.
        ObjectNode invalid = submissionAbout(refused, true);
        ((ObjectNode) invalid.get("child")).put("nhsNumber", wrongCheckDigit(refused.nhsNumber()))
                .put("dateOfBirth", LocalDate.now().plusYears(1).toString());
        invalid.put("awareSince", refused.dateOfBirth() + "T10:00:00Z");
        expect(400, postContact(POLICE_KEY, invalid));
        ObjectNode wrongTypes = submissionAbout(refused, true);
        ((ObjectNode) wrongTypes.get("child")).put("sex", refused.givenName())
                .set("dateOfBirth", json.createArrayNode().add(refused.dateOfBirth().toString()));
        ((ObjectNode) wrongTypes.get("child")).set("nhsNumber", json.createObjectNode().put("value", refused.nhsNumber()));
        expect(400, postContact(POLICE_KEY, wrongTypes));
        ObjectNode wrongEnum = submissionAbout(refused, true);
        ((ObjectNode) wrongEnum.get("child")).put("sex", refused.familyName());
        ((ObjectNode) wrongEnum.withArray("household").get(0)).put("relationship", refused.mothersGivenName());
        expect(400, postContact(POLICE_KEY, wrongEnum));
        expect(400, postContact(POLICE_KEY, "application/json", ("{\"child\": {\"givenName\": \"" + refused.givenName()
                + "\", \"familyName\": \"" + refused.familyName() + "\", \"dateOfBirth\": \"" + refused.dateOfBirth()
                + "\", \"nhsNumber\": \"" + refused.nhsNumber() + "\", \"address\": {\"line1\": \"" + refused.line1())
                .getBytes(StandardCharsets.UTF_8)));
        ObjectNode duplicateKeys = submissionAbout(refused, true);
        String duplicated = duplicateKeys.toString().replaceFirst("\"givenName\":", "\"givenName\":\""
                + refused.givenName() + "\",\"givenName\":");
        postContact(POLICE_KEY, "application/json", duplicated.getBytes(StandardCharsets.UTF_8));
        expect(415, postContact(POLICE_KEY, "text/plain", bytes(submissionAbout(refused, true))));
        expect(401, postContact("not-a-key", submissionAbout(refused, true)));
        // The same submission id again with other content.
        ObjectNode changed = first.deepCopy();
        ((ObjectNode) changed.get("child")).put("givenName", refused.givenName());
        HttpResponse<String> resent = postContact(POLICE_KEY, changed);
        assertThat(resent.statusCode()).isIn(202, 409);

        // Bad input in staff commands and queries.
        expect(400, postJson(contact + "/priority", staff("sw1"), Map.of("priority", refused.givenName(),
                "rationale", refused.familyName() + " was seen at " + refused.line1())));
        postJson("/api/v1/contacts/" + againId + "/identity/resolve", staff("sw1"),
                Map.of("candidateChildId", refused.nhsNumber(), "sameChild", true));
        expect(400, postJson("/api/v1/contacts/" + againId + "/partner-checks", staff("sw1"),
                Map.of("agencies", Map.of("first", refused.givenName()))));
        get("/api/v1/children?givenName=" + url(refused.givenName()) + "&dateOfBirth="
                + refused.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), staff("sw1"));
        get("/api/v1/children?nhsNumber=" + wrongCheckDigit(refused.nhsNumber()) + "&postcode="
                + url(refused.postcode() + "!"), staff("sw1"));
        get("/api/v1/children?familyName=" + url(refused.familyName()), bearer(POLICE_KEY));
        get("/api/v1/triage-queue?limit=0", staff("sw1"));
        get("/api/v1/triage-queue?limit=1000", staff("sw1"));
        expect(400, get("/api/v1/children/" + childId + "/chronology?from="
                + url(refused.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))), staff("sw1")));
        expect(400, get("/api/v1/alerts?priority=" + url(refused.givenName()) + "&limit=" + url(refused.postcode()),
                staff("manager1")));
        expect(404, get("/api/v1/" + url(refused.line1()), staff("sw1")));
        get("/api/v1/contacts/" + refused.nhsNumber(), staff("sw1"));
        get("/api/v1/children/" + url(refused.familyName()) + "/chronology", staff("sw1"));

        // Dead letters at the Kafka edge.
        ObjectNode deadInvalid = submissionAbout(deadLettered, true);
        ((ObjectNode) deadInvalid.get("child")).put("nhsNumber", wrongCheckDigit(deadLettered.nhsNumber()));
        publish(TOPIC, "demo-police", key(deadInvalid), bytes(deadInvalid));
        ObjectNode deadWrongType = submissionAbout(deadLettered, true);
        ((ObjectNode) deadWrongType.get("child")).put("sex", deadLettered.givenName());
        publish(TOPIC, "demo-police", key(deadWrongType), bytes(deadWrongType));
        ObjectNode deadUnknownAgency = submissionAbout(deadLettered, true);
        publish(TOPIC, "demo-nowhere", key(deadUnknownAgency), bytes(deadUnknownAgency));
        String garbageKey = "PD-GARBAGE-" + UUID.randomUUID();
        publish(TOPIC, "demo-police", garbageKey.getBytes(StandardCharsets.UTF_8),
                ("{\"child\": {\"givenName\": \"" + deadLettered.givenName() + "\", \"nhsNumber\": \""
                        + deadLettered.nhsNumber() + "\", \"dateOfBirth\": \"" + deadLettered.dateOfBirth())
                        .getBytes(StandardCharsets.UTF_8));
        for (String deadKey : List.of(deadInvalid.get("submissionId").asText(), deadWrongType.get("submissionId").asText(),
                deadUnknownAgency.get("submissionId").asText(), garbageKey)) {
            awaitRecord(DEAD_LETTERS, record -> record.key() != null
                    && new String(record.key(), StandardCharsets.UTF_8).equals(deadKey));
        }

        // Everything has gone through the read side before anything is scanned.
        for (String processor : List.of("triage-queue", "contact-status", "chronology", "alerts", "performance",
                "family", "contact-submissions")) {
            awaitUpToDate(processor);
        }

        Map<String, String> places = new LinkedHashMap<>();
        places.put("the log", output.getAll());
        places.put("the Prometheus scrape", expect(200, get("/actuator/prometheus", null)).body());
        places.put("Kafka record keys and headers", kafkaKeysAndHeaders());
        places.put("HTTP error answers", String.join("\n", errorAnswers));

        // Each place really holds what this run left there.
        assertThat(errorAnswers).hasSizeGreaterThan(10);
        assertThat(places.get("the log")).contains("Dead-lettering submission from " + TOPIC);
        assertThat(places.get("the Prometheus scrape")).contains("frontdoor_contacts_received_total");
        assertThat(places.get("Kafka record keys and headers")).contains(garbageKey)
                .contains(DEAD_LETTERS + " key=" + garbageKey);
        // What the error answers said, to read after a run (it holds nothing personal once the test passes).
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/personal-data-scan-errors.txt"),
                String.join("\n", errorAnswers));
        List<String> found = new ArrayList<>();
        places.forEach((place, text) -> personalData.forEach((value, what) -> {
            int at = text.indexOf(value);
            if (at >= 0) {
                found.add(what + " '" + value + "' in " + place + ": ..."
                        + text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 200)) + "...");
            }
        }));
        assertThat(found).as("personal data where it does not belong").isEmpty();
    }

    private Person person() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String inward = "ABDEFGHJLNPQRSTUWXYZ";
        Person person = new Person(uniqueName("Zanthe"), uniqueName("Quorrel"),
                LocalDate.of(2010, 1, 1).plusDays(random.nextInt(4_000)), freshNhsNumber(),
                (10 + random.nextInt(190)) + " " + uniqueName("Wyvern") + " Close",
                "OX" + (10 + random.nextInt(30)) + " " + random.nextInt(10) + inward.charAt(random.nextInt(inward.length()))
                        + inward.charAt(random.nextInt(inward.length())),
                uniqueName("Merrow"), LocalDate.of(1975, 1, 1).plusDays(random.nextInt(7_000)));
        personalData.put(person.givenName(), "a child's given name");
        personalData.put(person.familyName(), "a family name");
        personalData.put(person.mothersGivenName(), "a parent's given name");
        for (LocalDate date : List.of(person.dateOfBirth(), person.mothersDateOfBirth())) {
            personalData.put(date.toString(), "a date of birth");
            personalData.put(date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)), "a date of birth");
            personalData.put(date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "a date of birth");
        }
        personalData.put(person.nhsNumber(), "an NHS number");
        personalData.put(person.nhsNumber().substring(0, 3) + " " + person.nhsNumber().substring(3, 6) + " "
                + person.nhsNumber().substring(6), "an NHS number");
        personalData.put(wrongCheckDigit(person.nhsNumber()), "an NHS number (check digit changed)");
        personalData.put(person.line1(), "an address");
        personalData.put(person.postcode(), "a postcode");
        return person;
    }

    /** The example contact about this person; without an NHS number, as most police contacts come. */
    private ObjectNode submissionAbout(Person person, boolean withNhsNumber) {
        ObjectNode submission = submission();
        submission.put("submissionId", "PD-" + UUID.randomUUID());
        ObjectNode child = (ObjectNode) submission.get("child");
        child.put("givenName", person.givenName()).put("familyName", person.familyName())
                .put("dateOfBirth", person.dateOfBirth().toString());
        if (withNhsNumber) {
            child.put("nhsNumber", person.nhsNumber());
        } else {
            child.remove("nhsNumber");
        }
        ((ObjectNode) child.get("address")).put("line1", person.line1()).put("postcode", person.postcode());
        ArrayNode household = submission.withArray("household");
        ((ObjectNode) household.get(0)).put("givenName", person.mothersGivenName()).put("familyName", person.familyName())
                .put("dateOfBirth", person.mothersDateOfBirth().toString());
        ((ObjectNode) submission.get("concerns")).put("narrative", "Domestic incident at " + person.line1() + "; "
                + person.givenName() + " was present.");
        submission.put("awareSince", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        return submission;
    }

    private static String wrongCheckDigit(String nhsNumber) {
        char last = nhsNumber.charAt(9);
        return nhsNumber.substring(0, 9) + (char) (last == '9' ? '0' : last + 1);
    }

    private static byte[] key(ObjectNode submission) {
        return submission.get("submissionId").asText().getBytes(StandardCharsets.UTF_8);
    }

    /** The answer is already tracked: every request goes through {@link #track}. */
    private HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private HttpResponse<String> track(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            // Not the address called: the test itself puts children's details in some, to see they are not echoed.
            errorAnswers.add(response.statusCode() + " " + response.request().method() + ": " + response.body());
        }
        return response;
    }

    @Override
    protected HttpResponse<String> get(String path, String authorization) {
        return track(super.get(path, authorization));
    }

    @Override
    protected HttpResponse<String> postJson(String path, String authorization, Object body) {
        return track(super.postJson(path, authorization, body));
    }

    @Override
    protected HttpResponse<String> postContact(String apiKey, String contentType, byte[] body) {
        return track(super.postContact(apiKey, contentType, body));
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = CSRF.matcher(client.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=dev-password&_csrf="
                        + url(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return client;
    }

    private HttpResponse<String> page(HttpClient client, String path) throws Exception {
        return track(client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private java.net.URI uri(String path) {
        return java.net.URI.create("http://localhost:" + port + path);
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listOf(HttpResponse<String> response) throws Exception {
        return json.readValue(response.body(), List.class);
    }


    /** Every record's key and headers (names and values), on every topic, internal ones too, from the start. */
    private String kafkaKeysAndHeaders() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(TOPIC, DEAD_LETTERS);
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000));
            try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Set<TopicPartition> unread = new LinkedHashSet<>(partitions);
                long records = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!unread.isEmpty()) {
                    assertThat(System.nanoTime()).as("read every topic to its end in 2 minutes").isLessThan(deadline);
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        records++;
                        text.append(record.topic()).append(" key=")
                                .append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                        for (Header header : record.headers()) {
                            text.append(' ').append(header.key()).append('=')
                                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                        }
                        text.append('\n');
                    }
                    unread.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                }
                assertThat(records).isPositive();
            }
        }
        return text.toString();
    }
}
