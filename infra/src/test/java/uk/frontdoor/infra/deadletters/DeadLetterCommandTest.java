package uk.frontdoor.infra.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.frontdoor.infra.deadletters.DeadLetterCommand.AgencyFrom;
import uk.frontdoor.infra.deadletters.DeadLetterCommand.Target;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a dead letter's sender is read from and where its replay goes, in the service's two Kafka modes. The
 * header mode's whole round trip runs against the embedded service in {@link DeadLetterReplayIntegrationTest};
 * the shared test context cannot read agency topics, so the topic mode's sender and target are proven here.
 */
class DeadLetterCommandTest {

    private static final String PREFIX = "frontdoor.contacts.";
    private static final Target TOPIC_MODE = new Target(AgencyFrom.TOPIC, PREFIX, "contact-submissions");
    private static final Target HEADER_MODE = new Target(AgencyFrom.HEADER, PREFIX, "contact-submissions");

    private final DeadLetterCommand command = new DeadLetterCommand(new PrintStream(new ByteArrayOutputStream()));
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path files;

    @Test
    void a_dead_letter_from_an_agency_topic_was_sent_by_that_agency_whatever_its_header_claims() {
        JsonNode line = command.line(deadLetter(PREFIX + "demo-school", "demo-police"), PREFIX);

        assertThat(line.path("topic").asText()).isEqualTo(PREFIX + "demo-school");
        assertThat(line.path("agency").asText()).isEqualTo("demo-school");
        assertThat(line.path("reason").asText()).isEqualTo("INVALID_SUBMISSION");
        assertThat(line.path("submission").path("submissionId").asText()).isEqualTo("S-1");
    }

    @Test
    void a_dead_letter_from_the_shared_topic_was_sent_by_the_agency_its_header_names() {
        JsonNode line = command.line(deadLetter("contact-submissions", "demo-police"), PREFIX);

        assertThat(line.path("topic").asText()).isEqualTo("contact-submissions");
        assertThat(line.path("agency").asText()).isEqualTo("demo-police");
    }

    @Test
    void the_prefix_alone_or_no_original_topic_names_no_agency_by_topic() {
        assertThat(DeadLetterCommand.agencyOf(PREFIX, "demo-health", PREFIX)).isEqualTo("demo-health");
        assertThat(DeadLetterCommand.agencyOf(null, "demo-health", PREFIX)).isEqualTo("demo-health");
        assertThat(DeadLetterCommand.agencyOf("other.demo-school", null, PREFIX)).isNull();
        assertThat(DeadLetterCommand.agencyOf("contact-submissions", "demo-health", "")).isEqualTo("demo-health");
        assertThat(DeadLetterCommand.agencyOf("agency-b.x", null, "agency-b.")).isEqualTo("x");
    }

    @Test
    void in_topic_mode_a_line_is_replayed_to_its_agencys_own_topic_without_a_header() {
        ProducerRecord<byte[], byte[]> record = command.record(TOPIC_MODE, line("demo-school"), 1);

        assertThat(record.topic()).isEqualTo(PREFIX + "demo-school");
        assertThat(record.headers().lastHeader("agency")).isNull();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("S-2");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"submissionId\":\"S-2\"}");
    }

    @Test
    void in_header_mode_a_line_is_replayed_to_the_shared_topic_naming_its_agency() {
        ProducerRecord<byte[], byte[]> record = command.record(HEADER_MODE, line("demo-school"), 1);

        assertThat(record.topic()).isEqualTo("contact-submissions");
        assertThat(new String(record.headers().lastHeader("agency").value(), StandardCharsets.UTF_8))
                .isEqualTo("demo-school");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("S-2");
    }

    @Test
    void in_topic_mode_an_agency_that_cannot_name_a_topic_is_refused() {
        assertThatThrownBy(() -> command.record(TOPIC_MODE, line("demo police"), 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 7: its agency cannot name a Kafka topic");
    }

    @Test
    void an_unknown_agency_mode_is_refused_before_kafka_is_asked_anything() throws Exception {
        Path file = files.resolve("lines.jsonl");
        Files.writeString(file, line("demo-school") + "\n");

        assertThatThrownBy(() -> command.run("replay", "--kafka=localhost:1", "--in=" + file, "--agency-from=key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--agency-from must be topic or header");
    }

    private String line(String agency) {
        return json.createObjectNode().put("key", "old-key").put("agency", agency)
                .set("submission", json.createObjectNode().put("submissionId", "S-2")).toString();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(String originalTopic, String agencyHeader) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", originalTopic.getBytes(StandardCharsets.UTF_8));
        headers.add("agency", agencyHeader.getBytes(StandardCharsets.UTF_8));
        headers.add("frontdoor-rejection-reason", "INVALID_SUBMISSION".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("contact-submissions.dlq", 0, 3L, 0L, TimestampType.CREATE_TIME, 3, 20,
                "S-1".getBytes(StandardCharsets.UTF_8), "{\"submissionId\":\"S-1\"}".getBytes(StandardCharsets.UTF_8),
                headers, Optional.empty());
    }
}
