package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message the front door cannot take goes to the dead-letter topic, whole, with the reason; the rest flow on. */
class KafkaDeadLetterIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";

    @Test
    void unparseable_invalid_and_unattributed_messages_are_dead_lettered_and_the_consumer_carries_on() {
        String run = UUID.randomUUID().toString();
        byte[] garbage = ("not json at all, Sam Example " + run).getBytes(StandardCharsets.UTF_8);
        ObjectNode invalid = submission();
        ((ObjectNode) invalid.get("child")).put("nhsNumber", "1234567890");
        ObjectNode noAgency = submission();
        ObjectNode valid = submission();
        long eventsBefore = storedEvents();

        publish(TOPIC, "demo-police", key(run, "garbage"), garbage);
        publish(TOPIC, "demo-police", key(run, "invalid"), bytes(invalid));
        publish(TOPIC, null, key(run, "no-agency"), bytes(noAgency));
        publish(TOPIC, "demo-nowhere", key(run, "unknown-agency"), bytes(noAgency));
        publish(TOPIC, "demo-police", key(run, "valid"), bytes(valid));

        ConsumerRecord<byte[], byte[]> deadGarbage = awaitRecord(DLQ, r -> keyIs(r, run, "garbage"));
        assertThat(deadGarbage.value()).isEqualTo(garbage);
        assertThat(header(deadGarbage, "frontdoor-rejection-reason")).isEqualTo("MALFORMED_JSON");
        assertThat(header(deadGarbage, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(deadGarbage.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(deadGarbage.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();

        ConsumerRecord<byte[], byte[]> deadInvalid = awaitRecord(DLQ, r -> keyIs(r, run, "invalid"));
        assertThat(deadInvalid.value()).isEqualTo(bytes(invalid));
        assertThat(header(deadInvalid, "frontdoor-rejection-reason")).isEqualTo("INVALID_SUBMISSION");
        assertThat(header(deadInvalid, "frontdoor-rejection-violations")).contains("child.nhsNumber")
                .doesNotContain("1234567890");

        assertThat(header(awaitRecord(DLQ, r -> keyIs(r, run, "no-agency")), "frontdoor-rejection-reason"))
                .isEqualTo("UNKNOWN_AGENCY");
        assertThat(header(awaitRecord(DLQ, r -> keyIs(r, run, "unknown-agency")), "frontdoor-rejection-reason"))
                .isEqualTo("UNKNOWN_AGENCY");

        // The consumer carried on past the rejects: the valid message behind them is stored.
        awaitContactId("demo-police", valid.get("submissionId").asText());
        assertThat(contactsWithSubmissionId(invalid.get("submissionId").asText())).isZero();
        assertThat(contactsWithSubmissionId(noAgency.get("submissionId").asText())).isZero();
        await().until(() -> storedEvents() > eventsBefore);
    }

    private static byte[] key(String run, String name) {
        return (run + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean keyIs(ConsumerRecord<byte[], byte[]> record, String run, String name) {
        return record.key() != null && Arrays.equals(record.key(), key(run, name));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
