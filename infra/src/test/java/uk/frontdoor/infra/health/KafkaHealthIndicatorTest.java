package uk.frontdoor.infra.health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kafka health component against a real broker, and against an address where none listens. */
class KafkaHealthIndicatorTest {

    @Test
    void up_while_the_broker_answers() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        KafkaHealthIndicator indicator = indicator(broker.getBrokersAsString());
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
            assertThat(reachable(indicator)).isEqualTo(1.0);
        } finally {
            indicator.destroy();
            broker.destroy();
        }
    }

    @Test
    void down_within_seconds_when_no_broker_answers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaHealthIndicator indicator = indicator("localhost:" + closedPort);
        try {
            long start = System.nanoTime();
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            // A probe must not hang: the timeout is 2 s, and the answer comes with it.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            // Readiness leaves Kafka out; this gauge is what an alert watches.
            assertThat(reachable(indicator)).isZero();
        } finally {
            indicator.destroy();
        }
    }

    private static double reachable(KafkaHealthIndicator indicator) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new KafkaReachability(indicator).bindTo(registry);
        return registry.get("frontdoor.kafka.reachable").gauge().value();
    }

    private static KafkaHealthIndicator indicator(String bootstrap) {
        return new KafkaHealthIndicator(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
    }
}
