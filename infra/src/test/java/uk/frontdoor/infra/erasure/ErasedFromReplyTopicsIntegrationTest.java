package uk.frontdoor.infra.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.partner.PartnerCheckTestSupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure reaches the messages the service published about a child on the partners' reply topics, against the whole
 * running service and the embedded broker: a police contact's partner checks to the police and to health, delivered
 * with the child's details, and its outcome told to the police; once the child is erased (four eyes), a tombstone
 * (the message's key, no value) follows each of them on the topic it was on, and those topics are compacted as well as
 * deleted by age, so the broker removes the earlier messages of those keys.
 */
class ErasedFromReplyTopicsIntegrationTest extends PartnerCheckTestSupport {

    private static final String POLICE_REPLIES = "frontdoor.replies.demo-police";
    private static final String HEALTH_REPLIES = "frontdoor.replies.demo-health";

    @Test
    void erasing_a_child_publishes_a_tombstone_for_each_message_about_them_on_the_reply_topics() throws Exception {
        Asked asked = asked(List.of("POLICE", "HEALTH"), "What do you know of the family?");
        String contact = asked.contact();
        String child = asked.child();
        String path = "/api/v1/contacts/" + contact;
        String policeCheck = asked.checkId(0);
        String healthCheck = asked.checkId(1);
        assertThat(postJson(path + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode()).isEqualTo(204);
        assertThat(postJson(path + "/proposal", staff("sw1"), Map.of("outcome", "NO_FURTHER_ACTION",
                "rationale", "The rationale for the test.")).statusCode()).isEqualTo(204);
        HttpResponse<String> authorised = postJson(path + "/proposal/authorise", staff("manager1"),
                Map.of("reason", "The family is engaging."));
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(204);

        // Delivered: the checks with the child's details, and the outcome to the police who sent the contact.
        assertThat(message(POLICE_REPLIES, policeCheck).get("child").get("familyName").asText()).isNotBlank();
        assertThat(message(HEALTH_REPLIES, healthCheck).get("child").get("familyName").asText()).isNotBlank();
        assertThat(message(POLICE_REPLIES, contact).get("type").asText()).isEqualTo("OUTCOME");

        HttpResponse<String> requested = postJson("/api/v1/children/" + child + "/erasure", staff("manager1"),
                Map.of("reason", "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY", "reference", "DPO-2026-042"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        HttpResponse<String> erased = postJson("/api/v1/children/" + child + "/erasure/authorise", staff("manager2"),
                null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        // A tombstone for each, on the topic the message was on, after it (same key, same partition).
        ConsumerRecord<byte[], byte[]> policeCheckGone = tombstone(POLICE_REPLIES, policeCheck);
        ConsumerRecord<byte[], byte[]> healthCheckGone = tombstone(HEALTH_REPLIES, healthCheck);
        ConsumerRecord<byte[], byte[]> outcomeGone = tombstone(POLICE_REPLIES, contact);
        assertThat(policeCheckGone.offset()).isGreaterThan(record(POLICE_REPLIES, policeCheck).offset());
        assertThat(healthCheckGone.offset()).isGreaterThan(record(HEALTH_REPLIES, healthCheck).offset());
        assertThat(outcomeGone.offset()).isGreaterThan(record(POLICE_REPLIES, contact).offset());
        // Health was not sent the police's check, nor told the police's outcome.
        assertThat(keysOf(HEALTH_REPLIES)).doesNotContain(policeCheck, contact);

        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            for (String name : List.of(POLICE_REPLIES, HEALTH_REPLIES)) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(name).isEqualTo("compact,delete");
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(name)
                        .isEqualTo(String.valueOf(Duration.ofDays(14).toMillis()));
                assertThat(config.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG).value()).as(name)
                        .isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
                assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).as(name)
                        .isEqualTo(String.valueOf(Duration.ofDays(2).toMillis()));
            }
            // Partners key their answers as they like: only age removes them.
            ConfigResource answers = new ConfigResource(ConfigResource.Type.TOPIC, "frontdoor.answers.demo-health");
            assertThat(admin.describeConfigs(List.of(answers)).all().get().get(answers)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        }
    }

    /** The first message with this key and a value. */
    private ConsumerRecord<byte[], byte[]> record(String topic, String key) {
        return awaitRecord(topic, record -> record.key() != null && record.value() != null
                && new String(record.key(), StandardCharsets.UTF_8).equals(key));
    }

    private JsonNode message(String topic, String key) throws Exception {
        return json.readTree(record(topic, key).value());
    }

    private ConsumerRecord<byte[], byte[]> tombstone(String topic, String key) {
        return awaitRecord(topic, record -> record.key() != null && record.value() == null
                && new String(record.key(), StandardCharsets.UTF_8).equals(key));
    }

    /** Every key on the topic up to now: read until a record written after this call (a tombstone of our own). */
    private List<String> keysOf(String topic) {
        String marker = "marker-" + java.util.UUID.randomUUID();
        publish(topic, null, marker.getBytes(StandardCharsets.UTF_8), null);
        List<String> keys = new java.util.ArrayList<>();
        awaitRecord(topic, record -> {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            keys.add(key);
            return marker.equals(key);
        });
        return keys;
    }
}
