package uk.frontdoor.infra.wakeup;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.time.Duration;

/**
 * Event processors woken when events are appended, on every node: the {@code domainevententry} table's
 * statement trigger (V24) sends {@code NOTIFY frontdoor_events} inside each appending transaction;
 * PostgreSQL delivers it when that commits, to every node's {@link PostgresNotifications}, which tells
 * its {@link WakingEventStore} to look now.
 */
@Configuration(proxyBeanMethods = false)
class EventWakeUp {

    static final String EVENTS_APPENDED = "frontdoor_events";

    @Bean
    PostgresNotifications postgresNotifications(JdbcConnectionDetails database,
                                                ObjectProvider<NotificationListener> listeners) {
        var notifications = new PostgresNotifications(database, Duration.ofMillis(500));
        listeners.orderedStream().forEach(listener -> notifications.listen(listener.channel(), listener.listener()));
        return notifications;
    }

    /**
     * Axon's auto-configured {@link EmbeddedEventStore} is swapped for a {@link WakingEventStore} built the
     * same way, from whatever storage engine is configured: declaring an event store bean instead would
     * switch off Axon's JDBC storage engine auto-configuration.
     */
    @Bean
    @ConditionalOnProperty(name = "frontdoor.events.wake-up", havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor wakingEventStore(ObjectProvider<EventStorageEngine> storageEngine,
                                              ObjectProvider<org.axonframework.config.Configuration> configuration,
                                              ObjectProvider<EventWakeUpProperties> properties,
                                              ObjectProvider<DecodedEvents> decodedEvents) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedEventStore && !(bean instanceof WakingEventStore)) {
                    org.axonframework.config.Configuration axon = configuration.getObject();
                    return new WakingEventStore(EmbeddedEventStore.builder()
                            .storageEngine(shared(storageEngine.getObject(), decodedEvents.getIfAvailable()))
                            .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                            .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                            .fetchDelay(properties.getObject().pollInterval().toMillis()));
                }
                return bean;
            }
        };
    }

    /**
     * Each stored event deserialised and decrypted once on this instance for all the processors that read it
     * ({@link SharedDecoding}), when the engine says which serializer it reads with.
     */
    private static EventStorageEngine shared(EventStorageEngine engine, DecodedEvents decoded) {
        return decoded != null && engine instanceof AbstractEventStorageEngine stored
                ? new SharedDecoding(engine, stored.getEventSerializer(), decoded)
                : engine;
    }

    @Bean
    @ConditionalOnProperty(name = "frontdoor.events.shared-decoding.enabled", havingValue = "true", matchIfMissing = true)
    DecodedEvents decodedEvents(PersonalDataKeys keys, EventWakeUpProperties properties) {
        return new DecodedEvents(keys, properties.sharedDecoding().window(), properties.sharedDecoding().kept());
    }

    @Bean
    @ConditionalOnProperty(name = "frontdoor.events.wake-up", havingValue = "true", matchIfMissing = true)
    NotificationListener eventsAppended(EventStore store) {
        WakingEventStore eventStore = (WakingEventStore) store;
        return new NotificationListener(EVENTS_APPENDED, new PostgresNotifications.Channel() {
            @Override
            public void notified(String payload) {
                eventStore.appendedElsewhere();
            }

            @Override
            public void missedSome() {
                eventStore.appendedElsewhere();
            }
        });
    }
}
