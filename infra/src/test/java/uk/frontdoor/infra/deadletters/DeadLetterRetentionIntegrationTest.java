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

/** The dead-letter topic the service creates keeps a refused submission for 30 days, then the broker deletes it. */
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
}
