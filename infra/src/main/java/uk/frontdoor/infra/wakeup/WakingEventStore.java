package uk.frontdoor.infra.wakeup;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store, with streams that say when events are available. Without that, a
 * pooled streaming processor's coordinator has no signal and re-reads every 500 ms when idle (Axon
 * 4.13's {@code Coordinator}: "no availability callback. Scheduling coordination task with delay of
 * 500ms"), which was most of the time from a contact's commit to its queue row.
 * <p>
 * How it knows: the store's own producer thread reads new events into a shared cache when this node
 * commits ({@code afterCommit}), when {@link #appendedElsewhere()} is called (another node's commit,
 * heard through PostgreSQL {@code NOTIFY}), or at the latest after its fetch delay (the fallback poll).
 * One watcher thread tails that cache like any processor does; when it sees new events, they are in
 * the cache, so every waiting processor's stream is then called back and finds them at once.
 */
final class WakingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(WakingEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread watcher;

    WakingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallingBackStream(super.openStream(trackingToken));
    }

    /**
     * A child's stream, without first asking the snapshot table: no snapshots are ever taken (see
     * {@code Child}), and Axon's own store looked for one on every load of a child not in the cache, one
     * statement in four of a repeat contact's (docs/benchmarks.md, "The write path, profiled"). Events
     * staged in the current unit of work follow the stored ones, as in Axon's store.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return DomainEventStream.concat(storageEngine().readEvents(aggregateIdentifier),
                DomainEventStream.of(stagedDomainEventMessages(aggregateIdentifier)));
    }

    /** What the processors' streams read, below the shared cache of recent events. */
    EventStorageEngine storage() {
        return storageEngine();
    }

    /** Events were committed by another node: the producer looks now rather than at its next poll. */
    void appendedElsewhere() {
        afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        closed = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
        super.shutDown();
    }

    private void watch() {
        while (!closed) {
            try (TrackingEventStream tail = super.openStream(createHeadToken())) {
                while (!closed) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        // Whatever has arrived meanwhile is in the cache too: one call back for all of it.
                        do {
                            tail.nextAvailable();
                        } while (tail.hasNextAvailable());
                        callbacks.forEach(WakingEventStore::callBack);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                // Processors still poll meanwhile (their token claim interval); try again shortly.
                log.warn("Event watcher failed ({}); starting again", e.getClass().getName());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void ensureWatching() {
        if (watching.compareAndSet(false, true)) {
            Thread thread = new Thread(this::watch, "event-store-watcher");
            thread.setDaemon(true);
            watcher = thread;
            thread.start();
        }
    }

    private static void callBack(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("An event stream's availability callback failed: {}", e.getClass().getName());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stream of the embedded store that also calls back when events may be available. */
    private final class CallingBackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private CallingBackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            ensureWatching();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
