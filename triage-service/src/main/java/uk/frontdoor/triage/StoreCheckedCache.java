package uk.frontdoor.triage;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A cache of children that is never trusted beyond the event store. With several instances, another
 * instance may have appended to a child since this one cached it: a command handled on the stale copy
 * would either fail on the store's unique key (and be retried) or, worse, be refused on facts that are
 * no longer true. So a cached child is used only while the store's last sequence number for it is still
 * the one it was cached at (one indexed look-up instead of replaying the stream); otherwise it is
 * dropped and the stream read afresh.
 */
final class StoreCheckedCache implements Cache {

    private final Cache delegate;
    private final Supplier<EventStore> eventStore;
    private final Map<Object, Long> versions = new ConcurrentHashMap<>();

    StoreCheckedCache(Cache delegate, Supplier<EventStore> eventStore) {
        this.delegate = delegate;
        this.eventStore = eventStore;
        // Entries the delegate lets go of by itself (a weak reference collected) take their version along.
        delegate.registerCacheEntryListener(new EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                versions.remove(key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                versions.remove(key);
            }
        });
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?>) {
            Long cachedAt = versions.get(key);
            Optional<Long> stored = eventStore.get().lastSequenceNumberFor(key.toString());
            if (cachedAt == null || !Objects.equals(stored.orElse(null), cachedAt)) {
                remove(key);
                return null;
            }
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        remember(key, value);
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = delegate.putIfAbsent(key, value);
        if (put) {
            remember(key, value);
        }
        return put;
    }

    @Override
    public boolean remove(Object key) {
        versions.remove(key);
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        versions.clear();
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    private void remember(Object key, Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            // The entry as put holds the live aggregate (recreating it returns that one), and so its version.
            Long version = entry.recreateAggregate(null, null, null, null).version();
            if (version == null) {
                versions.remove(key);
            } else {
                versions.put(key, version);
            }
        } else {
            versions.remove(key);
        }
    }
}
