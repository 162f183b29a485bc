package uk.frontdoor.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, hostile input: thousands of generated submissions ({@link HostileSubmissions}) to each edge of the
 * running service, HTTP and Kafka, on the embedded PostgreSQL and KRaft broker. For each: no 5xx; every refusal
 * a problem+json naming the field (or the body, as {@code ""}); no stack trace and none of the attack strings in
 * any answer; nothing stored for a refused input; every good one stored; on Kafka every refused record
 * dead-lettered with its reason and every good one stored, none lost. Afterwards the service is healthy and
 * nothing it logged during the run carries a stack trace.
 *
 * <p>{@code -Dfrontdoor.fuzz.tries=N} inputs per edge (the default suite runs a few hundred; the {@code faults}
 * profile 10,000); {@code -Dfrontdoor.fuzz.seed=S} replays a run (each failure names its seed and input).
 */
class SubmissionFuzzTest extends IntegrationTestSupport {

    static final int TRIES = Integer.getInteger("frontdoor.fuzz.tries", 300);
    /** The most a record's value may be here: Kafka's 1 MiB request limit, less room for its key and headers. */
    private static final int KAFKA_RECORD_LIMIT = 1_000_000;
    static final long SEED = Long.getLong("frontdoor.fuzz.seed", new Random().nextLong());

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";
    private static final String CONTACT_RECEIVED = "uk.frontdoor.triage.api.ContactReceived";
    private static final Set<String> REFUSAL_REASONS = Set.of("MALFORMED_JSON", "INVALID_SUBMISSION", "TOO_LARGE",
            "UNKNOWN_AGENCY", "SUBMISSION_ID_REUSED");

    @Test
    void every_generated_submission_over_http_is_stored_or_refused_with_a_problem_naming_the_field() throws Exception {
        fuzzHttp();
    }

    private void fuzzHttp() throws Exception {
        HostileSubmissions inputs = new HostileSubmissions(json, 10);
        Random random = new Random(SEED);
        String run = "FUZZ-H-" + Long.toHexString(SEED) + "-";
        long registeredBefore = registered(run);
        long receivedBefore = contactsReceived();
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        DistinctFailures failures = new DistinctFailures();
        AtomicInteger acceptedCount = new AtomicInteger();
        // Four partners at once, as the service meets them; inputs are drawn in order, so a seed replays.
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try (CapturedLog log = CapturedLog.capture()) {
            for (int chunk = 0; chunk < TRIES; chunk += 64) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = chunk; i < Math.min(TRIES, chunk + 64); i++) {
                    ObjectNode base = submission();
                    String submissionId = run + i;
                    base.put("submissionId", submissionId);
                    HostileSubmissions.Input input = inputs.next(base, random);
                    String what = "seed " + SEED + ", input " + i + " (" + input.kind() + ")";
                    sent.add(senders.submit(() -> check(input, submissionId, what, statuses, acceptedCount, failures)));
                }
                for (Future<?> one : sent) {
                    one.get();
                }
            }
            int accepted = acceptedCount.get();
            failures.assertNone();
            assertThat(registered(run) - registeredBefore).as("contacts registered = inputs accepted").isEqualTo(accepted);
            await().until(() -> contactsReceived() - receivedBefore == accepted);
            assertHealthy();
            assertThat(log.withStackTraces()).as("logged with a stack trace during the run (seed " + SEED + ")").isEmpty();
            assertNothingLogged(log);
            System.out.printf("HTTP fuzz: %d inputs (seed %d), %d accepted, answers %s%n", TRIES, SEED, accepted, statuses);
        } finally {
            senders.shutdownNow();
        }
    }

    private void check(HostileSubmissions.Input input, String submissionId, String what, Map<Integer, Integer> statuses,
                       AtomicInteger accepted, DistinctFailures failures) {
        HttpResponse<String> answer = postContact(POLICE_KEY, "application/json", input.body());
        int status = answer.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status == 202) {
            accepted.incrementAndGet();
        }
        failures.check(input.kind().replaceAll("[0-9]+", "N") + " " + status, () -> {
            assertThat(status).as(what + ": " + answer.body()).isLessThan(500);
            assertNoStackTraceOrAttack(answer.body(), what);
            if (input.good()) {
                assertThat(status).as(what + ": " + answer.body()).isEqualTo(202);
            }
            if (input.mustRefuse()) {
                assertThat(status).as(what).isBetween(400, 499);
            }
            if (status == 202) {
                assertThat(body(answer)).as(what).containsEntry("alreadyReceived", false);
            } else {
                assertProblemNamingAField(answer, what);
                assertThat(stored(submissionId)).as(what + ": nothing stored for a refused input").isZero();
            }
        });
    }

    @Test
    void every_generated_record_over_kafka_is_stored_or_dead_lettered_with_its_reason_and_none_is_lost() throws Exception {
        fuzzKafka();
    }

    private void fuzzKafka() throws Exception {
        HostileSubmissions inputs = new HostileSubmissions(json, 10);
        Random random = new Random(SEED + 1);
        String run = "FUZZ-K-" + Long.toHexString(SEED) + "-";
        Map<TopicPartition, Long> deadLettersBefore = endOffsets(DLQ);
        long receivedBefore = contactsReceived();
        // Only what the checks need is kept of each record (a digest, not the bytes): 10,000 records of up to
        // 1 MB would not fit in the test JVM beside the service and the broker.
        List<Sent> sent = new ArrayList<>(TRIES);
        Set<Integer> unattributed = new HashSet<>();

        try (CapturedLog log = CapturedLog.capture()) {
            java.util.concurrent.atomic.AtomicReference<Throwable> sendFailed = new java.util.concurrent.atomic.AtomicReference<>();
            for (int i = 0; i < TRIES; i++) {
                ObjectNode base = submission();
                base.put("submissionId", run + i);
                HostileSubmissions.Input input = inputs.next(base, random);
                while (input.body().length > KAFKA_RECORD_LIMIT) {
                    // No producer can publish it (the client refuses a record over max.request.size, 1 MiB, and
                    // the broker one over message.max.bytes): it never reaches the service, so it is drawn again.
                    input = inputs.next(base, random);
                }
                byte[] value = input.body();
                var record = new ProducerRecord<>(TOPIC, (run + i).getBytes(StandardCharsets.UTF_8), value);
                // One record in twenty claims no agency, an unknown one or one in bytes that are not text.
                int header = random.nextInt(20);
                if (!input.good() && header == 0) {
                    unattributed.add(i);
                } else if (!input.good() && header == 1) {
                    record.headers().add("agency", "demo-nowhere".getBytes(StandardCharsets.UTF_8));
                    unattributed.add(i);
                } else if (!input.good() && header == 2) {
                    record.headers().add("agency", new byte[]{(byte) 0xFF, (byte) 0xC0, 0});
                    unattributed.add(i);
                } else {
                    record.headers().add("agency", "demo-police".getBytes(StandardCharsets.UTF_8));
                }
                sent.add(new Sent(input.kind(), input.mustRefuse(), input.good(), digest(value)));
                kafka.send(record).whenComplete((result, failed) -> {
                    if (failed != null) {
                        sendFailed.compareAndSet(null, failed);
                    }
                });
            }
            kafka.flush();
            assertThat(sendFailed.get()).as("every record published").isNull();

            Map<Integer, Dead> deadLettered = new HashMap<>();
            try (KafkaConsumer<byte[], byte[]> consumer = consumerFrom(DLQ, deadLettersBefore)) {
                // If the wait ends first, the checks below name each record neither stored nor dead-lettered (seed,
                // record number, kind) rather than failing on the wait alone, as the first full-size run did.
                awaitAtMost(Duration.ofMinutes(15), () -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                        if (key.startsWith(run)) {
                            Dead twice = deadLettered.put(Integer.parseInt(key.substring(run.length())), Dead.of(record));
                            assertThat(twice).as("dead-lettered twice: " + key).isNull();
                        }
                    });
                    return deadLettered.size() + registered(run) >= TRIES;
                });
            }
            Set<Integer> storedIndexes = new HashSet<>();
            jdbc.sql("SELECT submission_id FROM contact_registry WHERE agency = 'demo-police' AND submission_id LIKE ?")
                    .param(run + "%").query(String.class).list()
                    .forEach(id -> storedIndexes.add(Integer.parseInt(id.substring(run.length()))));

            DistinctFailures failures = new DistinctFailures();
            for (int i = 0; i < TRIES; i++) {
                int index = i;
                Sent input = sent.get(i);
                String what = "seed " + SEED + ", record " + i + " (" + input.kind() + ")";
                Dead dead = deadLettered.get(i);
                failures.check(input.kind().replaceAll("[0-9]+", "N") + (dead == null ? " stored" : " dead"), () -> {
                    assertThat(dead != null || storedIndexes.contains(index)).as(what + ": lost").isTrue();
                    assertThat(dead != null && storedIndexes.contains(index)).as(what + ": stored and dead-lettered").isFalse();
                    if (input.good()) {
                        assertThat(storedIndexes).as(what + ": a good record is stored").contains(index);
                    }
                    if (input.mustRefuse() || unattributed.contains(index)) {
                        assertThat(dead).as(what + ": a refused record is dead-lettered").isNotNull();
                    }
                    if (dead != null) {
                        String reason = dead.reason();
                        assertThat(reason).as(what).isIn(REFUSAL_REASONS);
                        if (unattributed.contains(index)) {
                            assertThat(reason).as(what).isEqualTo("UNKNOWN_AGENCY");
                        }
                        assertThat(dead.violations()).as(what + ": violations header").isNotNull();
                        JsonNode violations = readTree(dead.violations());
                        assertThat(violations.isArray() && !violations.isEmpty()).as(what + ": violations named").isTrue();
                        violations.forEach(v -> assertThat(v.get("field")).as(what).isNotNull());
                        assertThat(dead.sha256()).as(what + ": the original bytes").isEqualTo(input.sha256());
                        assertThat(dead.stackTraceHeader()).as(what + ": a stack trace header").isFalse();
                        assertNoStackTraceOrAttack(dead.violations(), what);
                    }
                });
            }
            failures.assertNone();
            await().until(() -> contactsReceived() - receivedBefore == storedIndexes.size());
            assertHealthy();
            assertThat(log.withStackTraces()).as("logged with a stack trace during the run (seed " + SEED + ")").isEmpty();
            assertNothingLogged(log);
            System.out.printf("Kafka fuzz: %d records (seed %d), %d stored, %d dead-lettered%n", TRIES, SEED,
                    storedIndexes.size(), deadLettered.size());
        }
    }

    /** Waits for the condition, and goes on when the time is up (the checks after it say what is missing). */
    private static void awaitAtMost(Duration limit, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(limit).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            System.out.printf("Kafka fuzz: still incomplete after %s; checking what arrived%n", limit);
        }
    }

    /** What is kept of a published record. */
    private record Sent(String kind, boolean mustRefuse, boolean good, byte[] sha256) {
    }

    /** What is kept of a dead letter. */
    private record Dead(String reason, String violations, byte[] sha256, boolean stackTraceHeader) {

        static Dead of(ConsumerRecord<byte[], byte[]> record) {
            return new Dead(text(record, "frontdoor-rejection-reason"), text(record, "frontdoor-rejection-violations"),
                    digest(record.value()), record.headers().lastHeader("kafka_dlt-exception-stacktrace") != null);
        }

        private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
            var found = record.headers().lastHeader(header);
            return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] digest(byte[] value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value == null ? new byte[0] : value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- checks

    static final List<String> STACK_TRACE_SIGNS = List.of("Exception", "\tat ", "at java.", "at org.", "at uk.",
            "Caused by", "org.springframework", "com.fasterxml", "java.lang", "SQLState", "org.postgresql");

    static void assertNoStackTrace(String text, String what) {
        if (text == null) {
            return;
        }
        for (String sign : STACK_TRACE_SIGNS) {
            assertThat(text).as(what + ": a stack trace or internal name in the answer").doesNotContain(sign);
        }
    }

    static void assertNoStackTraceOrAttack(String text, String what) {
        if (text == null) {
            return;
        }
        assertNoStackTrace(text, what);
        for (String attack : HostileSubmissions.INJECTIONS) {
            if (attack.length() >= 8) {
                assertThat(text).as(what + ": an attack string came back").doesNotContain(attack);
            }
        }
        assertThat(text).as(what).doesNotContain("NESTED-MARKER", "BYTES-MARKER", "SURROGATE-MARKER");
    }

    private void assertProblemNamingAField(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
        Map<String, Object> problem = body(answer);
        assertThat(problem).as(what).containsKeys("type", "title", "detail").containsEntry("status", answer.statusCode());
        assertThat(problem.get("errors")).as(what + ": errors naming the field").isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as(what).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("field")).as(what).isInstanceOf(String.class);
            assertThat(error.get("problem")).as(what).isInstanceOf(String.class);
        });
    }

    private void assertHealthy() {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(body(health)).containsEntry("status", "UP");
    }

    /** Nothing a refused input carried reaches the log: no attack string, no marker. */
    static void assertNothingLogged(CapturedLog log) {
        for (String line : log.lines()) {
            for (String attack : HostileSubmissions.INJECTIONS) {
                if (attack.length() >= 8) {
                    assertThat(line).as("an attack string was logged").doesNotContain(attack);
                }
            }
        }
    }

    // ---- counts

    private long stored(String submissionId) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE agency = 'demo-police' AND submission_id = ?")
                .param(submissionId).query(Long.class).single();
    }

    private long registered(String prefix) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE agency = 'demo-police' AND submission_id LIKE ?")
                .param(prefix + "%").query(Long.class).single();
    }

    private long contactsReceived() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = ?")
                .param(CONTACT_RECEIVED).query(Long.class).single();
    }

    // ---- Kafka

    private KafkaConsumer<byte[], byte[]> consumerFrom(String topic, Map<TopicPartition, Long> offsets) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "fuzz-" + UUID.randomUUID(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(offsets.keySet());
        offsets.forEach(consumer::seek);
        return consumer;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
