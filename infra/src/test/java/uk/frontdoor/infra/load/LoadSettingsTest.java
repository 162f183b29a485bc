package uk.frontdoor.infra.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSettingsTest {

    @Test
    void defaults_target_the_embedded_service() {
        LoadSettings settings = LoadSettings.parse();

        assertThat(settings.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(settings.httpTargets()).containsExactly(URI.create("http://localhost:8080"));
        assertThat(settings.metricsTargets()).isEqualTo(settings.httpTargets());
        assertThat(settings.agencies().get(LoadSettings.Partner.POLICE))
                .isEqualTo(new LoadSettings.Agency("demo-police", "dev-key-police"));
    }

    @Test
    void the_morning_burst_sends_at_its_factor_then_the_rate_carries_on() {
        LoadSettings settings = LoadSettings.parse("--rate=100", "--duration=60s", "--burst=10s", "--burst-factor=3");

        assertThat(settings.dueBy(Duration.ofSeconds(5))).isEqualTo(1_500);
        assertThat(settings.dueBy(Duration.ofSeconds(10))).isEqualTo(3_000);
        assertThat(settings.dueBy(Duration.ofSeconds(20))).isEqualTo(4_000);
        assertThat(settings.total()).isEqualTo(8_000);
        assertThat(settings.dueBy(Duration.ofMinutes(5))).isEqualTo(8_000);
        assertThat(settings.rateAt(Duration.ofSeconds(9))).isEqualTo(300);
        assertThat(settings.rateAt(Duration.ofSeconds(10))).isEqualTo(100);
    }

    @Test
    void several_instances_and_kafka_only() {
        LoadSettings settings = LoadSettings.parse("--http=http://a:8080/, http://b:8080", "--metrics=",
                "--duration=2m", "--burst=0s");

        assertThat(settings.httpTargets()).isEqualTo(List.of(URI.create("http://a:8080"), URI.create("http://b:8080")));
        assertThat(settings.metricsTargets()).isEmpty();
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refuses_unknown_or_impossible_settings() {
        assertThatThrownBy(() -> LoadSettings.parse("--rat=100")).hasMessageContaining("unknown setting --rat");
        assertThatThrownBy(() -> LoadSettings.parse("--kafka-share=2")).hasMessageContaining("kafka-share");
        assertThatThrownBy(() -> LoadSettings.parse("--duration=5s", "--burst=10s")).hasMessageContaining("burst");
        assertThatThrownBy(() -> LoadSettings.parse("--kafka=", "--http=")).hasMessageContaining("targets");
        assertThatThrownBy(() -> LoadSettings.parse("--rate=fast")).hasMessageContaining("rate must be a number");
        assertThatThrownBy(() -> LoadSettings.parse("rate=5")).hasMessageContaining("--name=value");
    }
}
