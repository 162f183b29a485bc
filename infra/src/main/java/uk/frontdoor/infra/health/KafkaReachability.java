package uk.frontdoor.infra.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code frontdoor_kafka_reachable}: 1 while the broker answers ({@link KafkaHealthIndicator} UP), 0 while
 * it does not. Readiness leaves Kafka out, so that a broker outage does not take every instance out of
 * service; this gauge is what an alert watches instead ({@code frontdoor_kafka_reachable == 0} for a few
 * minutes: partners' Kafka contacts wait on the broker, nothing is lost). Read at each scrape, so a scrape
 * during an outage waits for the check's 2 s timeout.
 */
@Component
class KafkaReachability implements MeterBinder {

    private final KafkaHealthIndicator kafka;

    KafkaReachability(KafkaHealthIndicator kafka) {
        this.kafka = kafka;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("frontdoor.kafka.reachable", kafka, indicator -> reachable(indicator) ? 1 : 0)
                .description("1 while the Kafka cluster answers a metadata request within 2 s, else 0")
                .register(registry);
    }

    private static boolean reachable(KafkaHealthIndicator indicator) {
        return Status.UP.equals(indicator.health().getStatus());
    }
}
