package uk.frontdoor.triage;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child cache, with Axon's own caching repository and event store (in memory): a cached aggregate is used
 * without reading its stream while nobody else has appended to it, and read afresh once somebody has.
 */
class StoreCheckedCacheTest {

    private final AtomicInteger batchLookUps = new AtomicInteger();
    private final CountingStore store = new CountingStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()));
    private final StoreCheckedCache cache = new StoreCheckedCache(() -> store, this::lastSequenceNumbers, 100,
            Duration.ofMinutes(10));
    private final EventSourcingRepository<Counter> cached = EventSourcingRepository.builder(Counter.class)
            .eventStore(store).cache(cache).build();
    /** Another instance: the same store, no shared cache. */
    private final EventSourcingRepository<Counter> elsewhere = EventSourcingRepository.builder(Counter.class)
            .eventStore(store).build();

    @Test
    void a_cached_aggregate_is_used_without_reading_its_stream_while_the_store_has_nothing_newer() {
        create(cached, "c1");
        count(cached, "c1");
        count(cached, "c1");

        assertThat(store.streamsRead.get()).isZero();
        assertThat(count(cached, "c1")).isEqualTo(4);
        assertThat(store.streamsRead.get()).isZero();
    }

    @Test
    void an_aggregate_appended_to_elsewhere_is_read_afresh_and_cached_again() {
        create(cached, "c1");
        count(elsewhere, "c1");
        int readsBefore = store.streamsRead.get();

        assertThat(count(cached, "c1")).as("the other instance's event is seen").isEqualTo(3);
        assertThat(store.streamsRead.get()).isEqualTo(readsBefore + 1);
        assertThat(count(cached, "c1")).isEqualTo(4);
        assertThat(store.streamsRead.get()).as("cached again at its new version").isEqualTo(readsBefore + 1);
    }

    @Test
    void the_cache_holds_no_more_than_its_maximum() {
        StoreCheckedCache small = new StoreCheckedCache(() -> store, this::lastSequenceNumbers, 2,
                Duration.ofMinutes(10));
        EventSourcingRepository<Counter> repository = EventSourcingRepository.builder(Counter.class)
                .eventStore(store).cache(small).build();
        for (int i = 0; i < 20; i++) {
            create(repository, "child-" + i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(2);
        // An evicted one is read from the store, whole.
        assertThat(count(repository, "child-0")).isEqualTo(2);
    }

    @Test
    void children_checked_together_in_a_transaction_are_loaded_without_a_look_up_each_and_stale_ones_dropped() {
        create(cached, "c1");
        create(cached, "c2");
        count(elsewhere, "c2");
        int readsBefore = store.streamsRead.get();

        int[] counts = inTransaction(() -> {
            cache.checkAll(List.of("c1", "c2", "never-held"));
            assertThat(batchLookUps.get()).isEqualTo(1);
            assertThat(cache.containsKey("c2")).as("changed elsewhere: dropped").isFalse();
            int lookUpsBefore = store.lookUps.get();
            int c1 = count(cached, "c1");
            assertThat(store.lookUps.get()).as("c1 was checked with the batch").isEqualTo(lookUpsBefore);
            return new int[]{c1, count(cached, "c2")};
        });

        assertThat(counts).containsExactly(2, 3);
        assertThat(store.streamsRead.get()).as("only c2 read afresh").isEqualTo(readsBefore + 1);
        // Outside that transaction, c1 is looked up again before it is used.
        int lookUpsBefore = store.lookUps.get();
        count(cached, "c1");
        assertThat(store.lookUps.get()).isEqualTo(lookUpsBefore + 1);
    }

    /** Spring's transaction synchronisation, as a transaction manager runs it: begun, then completed. */
    private static <T> T inTransaction(java.util.function.Supplier<T> work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            return work.get();
        } finally {
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            synchronizations.forEach(each -> each.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        }
    }

    private Map<String, Long> lastSequenceNumbers(Collection<String> ids) {
        batchLookUps.incrementAndGet();
        Map<String, Long> last = new HashMap<>();
        ids.forEach(id -> store.lastSequenceNumberFor(id).ifPresent(seq -> last.put(id, seq)));
        store.lookUps.addAndGet(-ids.size());
        return last;
    }

    private static void create(EventSourcingRepository<Counter> repository, String id) {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.newInstance(() -> new Counter(id)));
    }

    /** Counts once more, in its own unit of work; the count after. */
    private static int count(EventSourcingRepository<Counter> repository, String id) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            var aggregate = repository.load(id);
            aggregate.execute(counter -> AggregateLifecycle.apply(new Counted(id)));
            return aggregate.invoke(counter -> counter.count);
        }).getPayload();
    }

    record Counted(String id) {
    }

    static class Counter {
        @AggregateIdentifier
        String id;
        int count;

        Counter() {
        }

        Counter(String id) {
            AggregateLifecycle.apply(new Counted(id));
        }

        @EventSourcingHandler
        void on(Counted event) {
            id = event.id();
            count++;
        }
    }

    /** Axon's embedded store, counting the streams read for loading an aggregate and the look-ups of one's end. */
    static final class CountingStore extends EmbeddedEventStore {
        final AtomicInteger streamsRead = new AtomicInteger();
        final AtomicInteger lookUps = new AtomicInteger();

        CountingStore(Builder builder) {
            super(builder);
        }

        @Override
        public java.util.Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            lookUps.incrementAndGet();
            return super.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            streamsRead.incrementAndGet();
            return super.readEvents(aggregateIdentifier);
        }
    }
}
