package uk.frontdoor.infra.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documented way back for dead letters: poison messages among good ones are dead-lettered with their reasons
 * while the good ones land; export writes them to a file, a corrected file is replayed, and the corrected
 * submissions are stored once (a second replay stores nothing more), while one still wrong is dead-lettered again.
 * The shared test context runs the embedded default, which reads the agency from the header on the one shared
 * topic ({@code --agency-from=header}); the agency-topic mode's sender and target are in {@link DeadLetterCommandTest}.
 */
class DeadLetterReplayIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";

    @TempDir
    Path files;

    @Test
    void dead_letters_exported_corrected_and_replayed_are_stored_once() throws Exception {
        String run = UUID.randomUUID().toString();
        ObjectNode wrongNhsNumber = submission();
        ((ObjectNode) wrongNhsNumber.get("child")).put("nhsNumber", "1234567890");
        // A school's contact, with the school's own referral source: only its missing consent is wrong.
        ObjectNode noConsent = sentBy("demo-school", submission());
        noConsent.remove("consent");
        ObjectNode good = submission();
        byte[] garbage = ("{\"submissionId\": \"" + run + "-garbage\", \"child\": ").getBytes(StandardCharsets.UTF_8);

        publish(TOPIC, "demo-police", key(wrongNhsNumber), bytes(wrongNhsNumber));
        publish(TOPIC, "demo-police", key(good), bytes(good));
        publish(TOPIC, "demo-school", key(noConsent), bytes(noConsent));
        publish(TOPIC, "demo-police", (run + "-garbage").getBytes(StandardCharsets.UTF_8), garbage);

        awaitContactId("demo-police", id(good));
        awaitRecord(DLQ, r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(run + "-garbage"));
        awaitRecord(DLQ, r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(id(noConsent)));

        Path exported = files.resolve("dead-letters.jsonl");
        String printed = command("export", "--kafka=" + broker.getBrokersAsString(), "--out=" + exported);
        assertThat(printed).startsWith("exported ");
        Map<String, JsonNode> lines = Files.readAllLines(exported).stream().map(this::tree)
                .filter(line -> List.of(id(wrongNhsNumber), id(noConsent), run + "-garbage").contains(line.path("key").asText()))
                .collect(java.util.stream.Collectors.toMap(line -> line.path("key").asText(), line -> line));
        assertThat(lines).hasSize(3);
        JsonNode nhs = lines.get(id(wrongNhsNumber));
        assertThat(nhs.path("agency").asText()).isEqualTo("demo-police");
        assertThat(nhs.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(nhs.path("reason").asText()).isEqualTo("INVALID_SUBMISSION");
        assertThat(nhs.path("violations").toString()).contains("child.nhsNumber");
        assertThat(nhs.path("submission")).isEqualTo(wrongNhsNumber);
        assertThat(lines.get(id(noConsent)).path("agency").asText()).isEqualTo("demo-school");
        assertThat(lines.get(run + "-garbage").path("reason").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(lines.get(run + "-garbage").path("raw").asText()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));

        // The operator corrects two (a valid NHS number; consent added) and leaves one still wrong.
        ObjectNode nhsLine = (ObjectNode) nhs.deepCopy();
        ((ObjectNode) nhsLine.get("submission").get("child")).put("nhsNumber", freshNhsNumber());
        ObjectNode consentLine = (ObjectNode) lines.get(id(noConsent)).deepCopy();
        ((ObjectNode) consentLine.get("submission")).set("consent", good.get("consent"));
        ObjectNode stillGarbage = (ObjectNode) lines.get(run + "-garbage").deepCopy();
        stillGarbage.put("raw", "still not json " + run);
        Path corrected = files.resolve("corrected.jsonl");
        Files.write(corrected, List.of(json.writeValueAsString(nhsLine), json.writeValueAsString(consentLine),
                json.writeValueAsString(stillGarbage)));

        assertThat(command("replay", "--kafka=" + broker.getBrokersAsString(), "--agency-from=header", "--in=" + corrected))
                .startsWith("replayed 3 submissions to contact-submissions with the agency header");
        awaitContactId("demo-police", id(wrongNhsNumber));
        awaitContactId("demo-school", id(noConsent));
        awaitRecord(DLQ, r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(run + "-garbage")
                && new String(r.value(), StandardCharsets.UTF_8).equals("still not json " + run));

        // Replaying the same file again stores nothing more: the submission ids are already held.
        command("replay", "--kafka=" + broker.getBrokersAsString(), "--agency-from=header", "--in=" + corrected);
        awaitIntakeConsumedEverything();
        assertThat(contactsReceived(id(wrongNhsNumber))).isEqualTo(1);
        assertThat(contactsReceived(id(noConsent))).isEqualTo(1);
        assertThat(contactsReceived(id(good))).isEqualTo(1);
    }

    @Test
    void a_line_without_an_agency_is_refused_before_anything_is_sent() throws Exception {
        Path file = files.resolve("no-agency.jsonl");
        Files.writeString(file, "{\"key\":\"x\",\"submission\":{\"submissionId\":\"x\"}}\n");

        DeadLetterCommand command = new DeadLetterCommand(new PrintStream(new ByteArrayOutputStream()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        command.run("replay", "--kafka=" + broker.getBrokersAsString(), "--in=" + file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1 names no agency");
    }

    @Test
    void a_replay_to_agency_topics_that_do_not_exist_sends_nothing_and_says_so() throws Exception {
        String prefix = "replay-missing-" + UUID.randomUUID() + ".";
        Path file = files.resolve("to-missing-topics.jsonl");
        Files.writeString(file, "{\"key\":\"x\",\"agency\":\"demo-police\",\"submission\":{\"submissionId\":\"x\"}}\n");

        DeadLetterCommand command = new DeadLetterCommand(new PrintStream(new ByteArrayOutputStream()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command.run("replay",
                        "--kafka=" + broker.getBrokersAsString(), "--agency-topic-prefix=" + prefix, "--in=" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no topic " + prefix + "demo-police: nothing replayed.");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThat(admin.listTopics().names().get()).noneMatch(topic -> topic.startsWith(prefix));
        }
    }

    /** ContactReceived events in the event store for this submission id. */
    private long contactsReceived(String submissionId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' = ?""")
                .param(submissionId).query(Long.class).single();
    }

    /** The intake's consumer group has committed every offset of the submissions topic published so far. */
    private void awaitIntakeConsumedEverything() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                    .forEach(p -> partitions.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            await().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("frontdoor-intake")
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        }
    }

    private String command(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new DeadLetterCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(args);
        assertThat(status).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private JsonNode tree(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(ObjectNode submission) {
        return submission.get("submissionId").asText();
    }

    private static byte[] key(ObjectNode submission) {
        return id(submission).getBytes(StandardCharsets.UTF_8);
    }
}
