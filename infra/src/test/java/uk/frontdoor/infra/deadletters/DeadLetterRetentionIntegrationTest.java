package uk.frontdoor.infra.deadletters;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics the service creates that hold partners' personal data beyond any record's reach: the dead-letter topic
 * keeps a refused submission for 30 days, the partners' reply and answer topics a message for 14, then the broker
 * deletes it.
 */
class DeadLetterRetentionIntegrationTest extends IntegrationTestSupport {

    @Test
    void the_dead_letter_topic_is_created_with_a_retention_period() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "contact-submissions.dlq");
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
        }
    }

    @Test
    void the_partners_reply_and_answer_topics_are_created_with_a_retention_period() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            for (String name : List.of("frontdoor.replies.demo-health", "frontdoor.answers.demo-health")) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(name)
                        .isEqualTo(String.valueOf(Duration.ofDays(14).toMillis()));
            }
        }
    }
}
