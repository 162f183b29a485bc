package uk.frontdoor.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Axon message monitor on the command bus or the event store. Axon's Micrometer monitors looked up (and
 * registered, checking for duplicates) a timer and counters by payload type for every command and every event
 * applied: with one nested command and about four events a contact received, 6.7% of the Kafka listener's samples
 * (docs/benchmarks.md, "The write path: Axon's per-message machinery"). What operations watch of the write path is
 * the service's own: {@code frontdoor_contacts_received_total}, {@code frontdoor_submissions_rejected_total} and
 * the HTTP server's request timings. The query bus keeps Axon's monitor; the read models' processors have none
 * ({@link EventProcessingSetup}).
 */
@Configuration
class CommandSideSetup {

    @Bean
    ConfigurerModule noPerMessageMonitorsOnTheWritePath() {
        return configurer -> {
            configurer.configureMessageMonitor(CommandBus.class,
                    (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
            configurer.configureMessageMonitor(EventStore.class,
                    (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
            configurer.configureMessageMonitor(EventBus.class,
                    (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
        };
    }
}
