package uk.frontdoor.triage;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.triage.child.ChildStreams;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.util.concurrent.Executors;

@Configuration
@EnableConfigurationProperties(ChildCacheProperties.class)
public class TriageConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataKeys keys) {
        return EventJson.serializer(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(PersonalDataKeys keys) {
        return EventJson.serializer(keys);
    }

    /**
     * Recently used children stay in memory: a long stream need not be replayed for every command. A cached
     * child is used only while no other instance has appended to it since ({@link StoreCheckedCache}).
     */
    @Bean
    StoreCheckedCache childCache(ObjectProvider<EventStore> eventStore, JdbcTemplate jdbc, ChildCacheProperties settings) {
        return new StoreCheckedCache(eventStore::getObject,
                childIds -> StoreCheckedCache.lastSequenceNumbers(jdbc, childIds), settings.maximumSize(), settings.idle());
    }

    /** Many children's streams read at once, through the event store's own serializer and upcasters. */
    @Bean
    ChildStreams childStreams(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                              ObjectProvider<org.axonframework.config.Configuration> axon, PersonalDataKeys keys) {
        return new ChildStreams(jdbc, () -> eventSerializer, () -> axon.getObject().upcasterChain(), keys);
    }

    /**
     * Which child a command is for, found as Axon's annotation resolver finds it, with each command class's annotated
     * members looked up once rather than on every command (one nested command a contact received).
     */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    /**
     * Two contacts for one child can arrive at once (a police notification and a school's call);
     * the loser of the append race is retried on a fresh copy of the stream instead of failing.
     * Domain refusals are not retried: they extend Axon's non-transient exception.
     * <p>
     * Within one instance Axon's lock on the child serialises the two; between instances the event
     * store's unique (stream, sequence number) refuses the second append, which infra's
     * {@code UniqueViolations} reports as Axon's (transient) {@code ConcurrencyException}, so it is
     * retried too (the failed attempt's cached copy of the child is dropped with its rollback).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler()).build();
    }

    /**
     * A command that failed because the database cannot be reached is not retried: each retry would wait out
     * the pool's connection timeout again, holding the caller (a partner's request) many times that long for
     * the same answer. It fails at once, and HTTP answers {@code 503} with {@code Retry-After}.
     */
    static RetryScheduler retryScheduler() {
        IntervalRetryScheduler appendRaces = intervalRetryScheduler();
        return (command, failure, failures, dispatch) -> !DatabaseUnreachable.causedBy(failure)
                && appendRaces.scheduleRetry(command, failure, failures, dispatch);
    }

    private static IntervalRetryScheduler intervalRetryScheduler() {
        return IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }))
                .retryInterval(50)
                .maxRetryCount(5)
                .build();
    }
}
