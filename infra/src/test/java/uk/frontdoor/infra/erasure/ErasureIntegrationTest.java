package uk.frontdoor.infra.erasure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence, against the real embedded servers: a child referred twice, linked, viewed and then erased
 * (four eyes); afterwards none of their names, date of birth or NHS number is in any table of the database, the
 * event store's included (its personal fields were sealed with the child's key, which is destroyed: the stream
 * stays, unreadable where it was personal), nor in any Kafka topic the service writes; a full rebuild of every read
 * model succeeds and brings none of it back, the performance figures' counts are unchanged, the linked record is
 * untouched, and the erased record reads "erased on ... under ..." and nothing else.
 */
class ErasureIntegrationTest extends IntegrationTestSupport {

    private static final List<String> READ_MODELS = List.of("triage-queue", "contact-status", "chronology", "family",
            "alerts", "contact-submissions", "performance", "partner-requests");

    @Test
    void an_erased_child_leaves_no_name_date_of_birth_or_nhs_number_in_any_table_and_survives_a_rebuild() {
        ChildIdentity erased = ChildIdentity.fresh();
        String dateOfBirth = unusedDateOfBirth();
        String nhsNumber = freshNhsNumber();
        ChildIdentity linked = ChildIdentity.fresh();

        // Referred twice: two contacts about one child, one stream (the NHS number).
        String first = accepted(postContact(POLICE_KEY, about(erased, dateOfBirth, nhsNumber)));
        String second = accepted(postContact(POLICE_KEY, about(erased, dateOfBirth, nhsNumber)));
        String other = accepted(postContact(POLICE_KEY, about(linked, linked.dateOfBirth(), freshNhsNumber())));
        String child = (String) awaitQueueItem(first).get("childId");
        assertThat(awaitQueueItem(second).get("childId")).isEqualTo(child);
        String otherChild = (String) awaitQueueItem(other).get("childId");
        awaitStatus(first, "ASSESSED");
        awaitStatus(second, "ASSESSED");
        awaitStatus(other, "ASSESSED");

        // Linked, and viewed.
        assertThat(postJson("/api/v1/children/" + otherChild + "/links", staff("sw1"),
                Map.of("otherChildId", child, "reason", "Linked for the test")).statusCode()).isEqualTo(204);
        // The chronology is a read model of its own, which nothing above waited for: until it has the child, its
        // API answers 404.
        awaitUpToDate("chronology");
        assertThat(get("/api/v1/children/" + child + "/chronology", staff("sw1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/contacts/" + first, staff("sw1")).statusCode()).isEqualTo(200);
        READ_MODELS.forEach(this::awaitUpToDate);
        List<String> personal = List.of(erased.givenName(), dateOfBirth, nhsNumber, erased.mothersName());
        assertThat(tablesHolding(personal)).as("before erasure").containsKeys("triage_queue", "contact_submissions",
                "child_identity", "child_identity_variant", "family_contact");
        String figures = performance();

        // Four eyes: the manager who decided may not authorise.
        HttpResponse<String> requested = postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY", "reference", "DPO-2026-041"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(body(requested)).containsEntry("state", "REQUESTED");
        HttpResponse<String> own = postJson("/api/v1/children/" + child + "/erasure/authorise", staff("manager1"), null);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(body(own)).containsEntry("rule", "own-erasure-request");
        HttpResponse<String> authorised = postJson("/api/v1/children/" + child + "/erasure/authorise",
                staff("manager2"), null);
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(200);
        assertThat(body(authorised)).containsEntry("state", "ERASED");

        READ_MODELS.forEach(this::awaitUpToDate);
        assertThat(tablesHolding(personal)).as("after erasure").isEmpty();
        assertThat(performance()).isEqualTo(figures);
        assertThat(jdbc.sql("SELECT wrapped_key IS NULL AND destroyed_at IS NOT NULL FROM personal_data_keys WHERE child_id = ?")
                .param(child).query(Boolean.class).single()).as("the child's key destroyed").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(child)
                .query(Long.class).single()).as("the stream is kept").isGreaterThan(2);
        assertThat(topicsHolding(personal)).as("the Kafka topics the service writes").isEmpty();

        // The erased record, by API and by page: erased on ... under ..., nothing else, no 500.
        for (String path : List.of("/api/v1/children/" + child + "/chronology", "/api/v1/contacts/" + first,
                "/api/v1/children/" + child + "/family")) {
            HttpResponse<String> gone = get(path, staff("sw1"));
            assertThat(gone.statusCode()).as(path).isEqualTo(410);
            assertThat(body(gone)).containsEntry("rule", "erased").containsEntry("detail",
                    "Erased on " + LocalDate.now(java.time.ZoneId.of("Europe/London"))
                            .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))
                            + " under UK GDPR Article 17(1)(a), no longer necessary.");
        }
        // Nothing more is done on it.
        assertThat(postJson("/api/v1/contacts/" + second + "/claim", staff("sw1"), null).statusCode()).isEqualTo(410);
        HttpResponse<String> hold = postJson("/api/v1/children/" + child + "/legal-holds", staff("manager1"),
                Map.of("kind", "PROCEEDINGS", "reason", "Too late"));
        assertThat(hold.statusCode()).isEqualTo(409);
        assertThat(body(hold)).containsEntry("rule", "erased");

        // The linked record is untouched.
        HttpResponse<String> linkedChronology = get("/api/v1/children/" + otherChild + "/chronology", staff("sw1"));
        assertThat(linkedChronology.statusCode()).isEqualTo(200);
        assertThat(awaitQueueItem(other).get("childName").toString()).contains(linked.givenName());
        assertThat(tablesHolding(List.of(linked.givenName()))).containsKeys("triage_queue", "contact_submissions",
                "child_identity_variant", "family_contact");

        // A full rebuild of every read model succeeds and brings nothing of the erased child back.
        for (String readModel : READ_MODELS) {
            HttpResponse<String> started = postJson("/api/v1/admin/projections/" + readModel + "/rebuild",
                    staff("sysadmin1"), null);
            assertThat(started.statusCode()).as(readModel + ": " + started.body()).isEqualTo(202);
        }
        for (String readModel : READ_MODELS) {
            Awaitility.await().until(() -> body(get("/api/v1/admin/projections/" + readModel, staff("sysadmin1"))),
                    p -> "UP_TO_DATE".equals(p.get("state")) && p.get("lastRebuild") instanceof Map<?, ?> rebuild
                            && rebuild.get("completedAt") != null);
        }
        assertThat(tablesHolding(personal)).as("after a rebuild").isEmpty();
        assertThat(performance()).isEqualTo(figures);
        assertThat(awaitQueueItem(other).get("childName").toString()).contains(linked.givenName());
    }

    @Test
    void a_record_under_legal_hold_is_not_erased_and_the_refusal_names_the_hold() {
        String contact = contactIdOf(postContact(POLICE_KEY, submission()));
        String child = (String) awaitQueueItem(contact).get("childId");

        HttpResponse<String> noReason = postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("legalBasis", "NO_LONGER_NECESSARY"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        HttpResponse<String> noBasis = postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST"));
        assertThat(noBasis.statusCode()).isEqualTo(400);
        assertThat(noBasis.body()).contains("\"field\":\"legalBasis\"");
        HttpResponse<String> holdWithoutReason = postJson("/api/v1/children/" + child + "/legal-holds",
                staff("manager1"), Map.of("kind", "PROCEEDINGS"));
        assertThat(holdWithoutReason.statusCode()).isEqualTo(400);
        assertThat(holdWithoutReason.body()).contains("\"field\":\"reason\"");
        assertThat(postJson("/api/v1/children/" + child + "/legal-holds", staff("sw1"),
                Map.of("kind", "PROCEEDINGS", "reason", "Care proceedings")).statusCode()).isEqualTo(403);

        HttpResponse<String> held = postJson("/api/v1/children/" + child + "/legal-holds", staff("manager1"),
                Map.of("kind", "PRACTICE_REVIEW", "reason", "Rapid review under way"));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        String holdId = (String) body(held).get("holdId");

        HttpResponse<String> refused = postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused)).containsEntry("rule", "under-legal-hold");
        assertThat((String) body(refused).get("detail")).contains(holdId).contains("practice review");

        assertThat(postJson("/api/v1/children/" + child + "/legal-holds/" + holdId + "/lift", staff("manager2"),
                Map.of("reason", "Review published")).statusCode()).isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY")).statusCode()).isEqualTo(202);
        assertThat(get("/api/v1/data-protection/erasures/pending", staff("manager2")).body()).contains(child);
    }

    private String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return contactIdOf(response);
    }

    private ObjectNode about(ChildIdentity child, String dateOfBirth, String nhsNumber) {
        ObjectNode submission = aChildOfItsOwn(submission(), child);
        ((ObjectNode) submission.get("child")).put("dateOfBirth", dateOfBirth).put("nhsNumber", nhsNumber);
        return submission;
    }

    /** A date of birth no row of any table holds yet, so that finding it later means finding this child. */
    private String unusedDateOfBirth() {
        while (true) {
            String candidate = LocalDate.of(2009, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365)).toString();
            if (tablesHolding(List.of(candidate)).isEmpty()) {
                return candidate;
            }
        }
    }

    private String performance() {
        HttpResponse<String> figures = get("/api/v1/performance", staff("manager1"));
        assertThat(figures.statusCode()).isEqualTo(200);
        return figures.body();
    }

    /**
     * Every record of every topic the service writes (the replies to each agency, dead letters, and any other
     * {@code frontdoor.} topic), read raw from the broker: the topics holding any of these values.
     */
    private List<String> topicsHolding(List<String> values) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-scan-" + UUID.randomUUID(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
                    .filter(topic -> topic.getKey().startsWith("frontdoor.") || topic.getKey().endsWith(".dlq"))
                    .flatMap(topic -> topic.getValue().stream()
                            .map(partition -> new TopicPartition(partition.topic(), partition.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<byte[]> needles = values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
            java.util.Set<String> holding = new java.util.TreeSet<>();
            Awaitility.await().until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && needles.stream().anyMatch(needle -> contains(record.value(), needle))) {
                        holding.add(record.topic());
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return List.copyOf(holding);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Every table of the database, the event store's included, read raw (each row as text, and every bytea column's
     * bytes), and the tables holding any of these values, with how many rows.
     */
    private Map<String, Long> tablesHolding(List<String> values) {
        Map<String, Long> found = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list();
        for (String table : tables) {
            List<String> byteColumns = jdbc.sql("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'bytea'""")
                    .param(table).query(String.class).list();
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (String value : values) {
                conditions.add("strpos(t::text, ?) > 0");
                params.add(value);
                for (String column : byteColumns) {
                    conditions.add("position(convert_to(?, 'UTF8') in t.\"" + column + "\") > 0");
                    params.add(value);
                }
            }
            long rows = jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE " + String.join(" OR ", conditions))
                    .params(params).query(Long.class).single();
            if (rows > 0) {
                found.put(table, rows);
            }
        }
        return found;
    }
}
