package uk.frontdoor.triage;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command failures the gateway retries: a lost append race between instances, never a real fault. */
class LostAppendRaceTest {

    private static EventStoreException duplicateSequence() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        var batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry", "23505", 0, new int[0], duplicate);
        return new EventStoreException("An event for aggregate [x] at sequence [4] was already inserted", batch);
    }

    @Test
    void a_second_append_at_the_same_sequence_number_is_a_lost_race() {
        assertThat(TriageConfiguration.lostAppendRace(duplicateSequence())).isTrue();
    }

    @Test
    void other_event_store_failures_and_other_constraint_breaches_are_not() {
        assertThat(TriageConfiguration.lostAppendRace(new EventStoreException("store unavailable",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(TriageConfiguration.lostAppendRace(new IllegalStateException(new SQLException("dup", "23505")))).isFalse();
    }

    @Test
    void the_gateways_retry_scheduler_retries_the_lost_race_and_not_other_non_transient_failures() {
        IntervalRetryScheduler scheduler = TriageConfiguration.retryScheduler();
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        List<Runnable> retried = new ArrayList<>();

        boolean raceRetried = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                duplicateSequence(), failures, () -> retried.add(() -> { }));
        boolean faultRetried = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new EventStoreException("An exception occurred while attempting to store events"), new ArrayList<>(),
                () -> retried.add(() -> { }));

        assertThat(raceRetried).isTrue();
        assertThat(faultRetried).isFalse();
    }
}
