package uk.frontdoor.triage;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cache of children that is never trusted beyond the event store. With several instances, another
 * instance may have appended to a child since this one cached it: a command handled on the stale copy
 * would either fail on the store's unique key (and be retried) or, worse, be refused on facts that are
 * no longer true. So a cached child is used only while the store's last sequence number for it is still
 * the one it was cached at (one indexed look-up instead of replaying the stream); otherwise it is
 * dropped and the stream read afresh.
 * <p>
 * A transaction about to use many children (a batch of contacts) checks them all in one statement
 * ({@link #checkAll}); its loads of those children then need no look-up of their own. Either way the store's
 * unique (stream, sequence number) still refuses an append on a child changed since it was checked.
 * <p>
 * Held in Caffeine, bounded by count and by idle time, with soft references so that memory pressure
 * still empties it. It replaced Axon's {@code WeakReferenceCache}, whose children every young collection
 * took: under load nine loads in ten of a known child read its whole stream again (docs/benchmarks.md).
 */
public final class StoreCheckedCache implements Cache {

    /** What is cached: Axon's entry, and the child's sequence number when it was put. */
    private record Versioned(Object value, Long version) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<Object, Versioned> entries;
    private final Supplier<EventStore> eventStore;
    private final Function<Collection<String>, Map<String, Long>> lastSequenceNumbers;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Each stream's last sequence number (absent: no events), in one statement: for each stream one step down the
     * event store's unique (stream, sequence number) index from its end, instead of reading every entry of every
     * stream asked about and taking the greatest ({@code max ... GROUP BY}), which read a whole stream's entries for
     * each child checked, however long its history.
     */
    public static Map<String, Long> lastSequenceNumbers(JdbcTemplate jdbc, Collection<String> streams) {
        Map<String, Long> last = new HashMap<>();
        jdbc.query("""
                        SELECT s.id, e.sequencenumber
                          FROM unnest(CAST(? AS varchar[])) AS s(id)
                         CROSS JOIN LATERAL (SELECT sequencenumber FROM domainevententry
                                              WHERE aggregateidentifier = s.id
                                              ORDER BY sequencenumber DESC LIMIT 1) e""",
                (ResultSet rows) -> {
                    last.put(rows.getString(1), rows.getLong(2));
                },
                (Object) streams.stream().distinct().toArray(String[]::new));
        return last;
    }

    /**
     * @param lastSequenceNumbers the store's last sequence number of each of these streams (absent: none), in
     *                            one statement
     */
    StoreCheckedCache(Supplier<EventStore> eventStore, Function<Collection<String>, Map<String, Long>> lastSequenceNumbers,
                      long maximumSize, Duration idle) {
        this.eventStore = eventStore;
        this.lastSequenceNumbers = lastSequenceNumbers;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(idle)
                .softValues()
                .removalListener((Object key, Versioned value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        tell(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Versioned cached = entries.getIfPresent(key);
        if (cached == null) {
            return null;
        }
        if (cached.value() instanceof AggregateCacheEntry<?> && !checkedInThisTransaction(key, cached.version())) {
            Optional<Long> stored = eventStore.get().lastSequenceNumberFor(key.toString());
            if (cached.version() == null || !Objects.equals(stored.orElse(null), cached.version())) {
                remove(key);
                return null;
            }
        }
        tell(listener -> listener.onEntryRead(key, cached.value()));
        return (V) cached.value();
    }

    @Override
    public void put(Object key, Object value) {
        boolean existed = entries.asMap().put(key, versioned(value)) != null;
        tell(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = entries.asMap().putIfAbsent(key, versioned(value)) == null;
        if (put) {
            tell(listener -> listener.onEntryCreated(key, value));
        }
        return put;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            tell(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.asMap().keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Checks every one of these children held here against the store at once, for the caller's transaction: those
     * still current are used by its loads without a look-up each, the rest are dropped. Outside a transaction,
     * nothing is done.
     */
    public void checkAll(Collection<String> childIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Long> held = new HashMap<>();
        for (String childId : childIds) {
            Versioned cached = entries.getIfPresent(childId);
            if (cached != null && cached.version() != null) {
                held.put(childId, cached.version());
            }
        }
        if (held.isEmpty()) {
            return;
        }
        Map<String, Long> stored = lastSequenceNumbers.apply(held.keySet());
        Map<Object, Long> checked = checkedInThisTransaction();
        held.forEach((childId, version) -> {
            if (version.equals(stored.get(childId))) {
                checked.put(childId, version);
            } else {
                remove(childId);
            }
        });
    }

    /** How many children are held now (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static Versioned versioned(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            // The entry as put holds the live aggregate (recreating it returns that one), and so its version.
            return new Versioned(value, entry.recreateAggregate(null, null, null, null).version());
        }
        return new Versioned(value, null);
    }

    private boolean checkedInThisTransaction(Object key, Long version) {
        if (version == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Long> checked = (Map<Object, Long>) TransactionSynchronizationManager.getResource(this);
        return checked != null && version.equals(checked.get(key));
    }

    /** The children this transaction checked, and at which sequence number; forgotten when it completes. */
    private Map<Object, Long> checkedInThisTransaction() {
        @SuppressWarnings("unchecked")
        Map<Object, Long> checked = (Map<Object, Long>) TransactionSynchronizationManager.getResource(this);
        if (checked == null) {
            Map<Object, Long> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StoreCheckedCache.this);
                }
            });
            checked = created;
        }
        return checked;
    }

    private void tell(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }
}
