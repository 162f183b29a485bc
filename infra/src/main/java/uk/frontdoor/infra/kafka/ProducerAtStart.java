package uk.frontdoor.infra.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the service's shared Kafka producer (dead letters, partners' answers) when the instance is ready, rather
 * than at its first send. Created on first use, it was created inside the intake listener at the instance's first
 * dead letter, and on a loaded machine that took 3 to 5.5 s (its metadata and its idempotent producer id fetched
 * then, from a dead broker first if the bootstrap list began with one): in the scale-out run, twice during the
 * consumer group's rebalance after a broker and an instance were lost, where every survivor's wait holds up the
 * others. Constructing it does not wait for a broker (its sender thread fetches what it needs in the background),
 * and a failure only leaves it to be created on first use, as before. On with {@code frontdoor.kafka.producer-at-start}
 * (the prod profile sets it).
 */
@Component
@ConditionalOnProperty(name = "frontdoor.kafka.producer-at-start", havingValue = "true")
class ProducerAtStart {

    private static final Logger log = LoggerFactory.getLogger(ProducerAtStart.class);

    private final ProducerFactory<?, ?> producers;

    ProducerAtStart(ProducerFactory<?, ?> producers) {
        this.producers = producers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        try {
            // The factory's shared producer: it stays open, and the factory closes it when the service stops.
            producers.createProducer();
        } catch (RuntimeException e) {
            log.warn("The Kafka producer was not created at start-up ({}); it will be at its first send",
                    e.getClass().getSimpleName());
        }
    }
}
