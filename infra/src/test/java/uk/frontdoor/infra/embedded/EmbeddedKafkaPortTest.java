package uk.frontdoor.infra.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker listens where {@code frontdoor.embedded.kafka-port} says (the README's localhost:9092 by default). */
class EmbeddedKafkaPortTest {

    @Test
    void listens_on_the_configured_port_and_answers_there() throws Exception {
        int port = freePort();
        EmbeddedKafkaKraftBroker broker = EmbeddedInfrastructure.startKafka(port);
        try {
            assertThat(broker.getBrokersAsString()).isEqualTo("localhost:" + port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .singleElement().satisfies(node -> assertThat(node.port()).isEqualTo(port));
            }
        } finally {
            broker.destroy();
        }
    }

    @Test
    void port_0_picks_a_free_one() {
        EmbeddedKafkaKraftBroker broker = EmbeddedInfrastructure.startKafka(0);
        try {
            assertThat(broker.getBrokersAsString()).matches("localhost:\\d+").isNotEqualTo("localhost:0");
        } finally {
            broker.destroy();
        }
    }

    @Test
    void refuses_a_port_out_of_range() {
        assertThatThrownBy(() -> EmbeddedInfrastructure.startKafka(70_000)).hasMessageContaining("kafka-port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
