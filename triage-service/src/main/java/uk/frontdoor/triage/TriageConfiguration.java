package uk.frontdoor.triage;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.concurrent.Executors;

@Configuration
public class TriageConfiguration {

    /** PostgreSQL's (and the SQL standard's) state for a unique constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventJson.serializer();
    }

    /** Recently used children stay in memory: a long stream need not be replayed for every command. */
    @Bean
    Cache childCache() {
        return new WeakReferenceCache();
    }

    /**
     * Two contacts for one child can arrive at once (a police notification and a school's call);
     * the loser of the append race is retried on a fresh copy of the stream instead of failing.
     * Domain refusals are not retried: they extend Axon's non-transient exception.
     * <p>
     * Within one instance Axon's lock on the child serialises the two; between instances the event
     * store's unique (stream, sequence number) refuses the second append, which Axon reports as a
     * non-transient {@link EventStoreException}. That one is a lost race, not a fault, so it is retried
     * too (the failed attempt's cached copy of the child is dropped with its rollback).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler()).build();
    }

    static IntervalRetryScheduler retryScheduler() {
        return IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }))
                .retryInterval(50)
                .maxRetryCount(5)
                .nonTransientFailurePredicate(failure -> failure instanceof AxonNonTransientException
                        && !lostAppendRace(failure))
                .build();
    }

    /** An append refused by the event store's unique (stream, sequence number): another instance wrote first. */
    static boolean lostAppendRace(Throwable failure) {
        if (!(failure instanceof EventStoreException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
