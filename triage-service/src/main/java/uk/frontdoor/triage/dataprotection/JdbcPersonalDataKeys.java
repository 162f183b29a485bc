package uk.frontdoor.triage.dataprotection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.frontdoor.triage.api.value.ChildId;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data keys in {@code personal_data_keys} (V42), each wrapped by the master key its row names (the current one,
 * or during a rotation a previous one: {@link MasterKeyRing}; new keys always by the current one), unwrapped
 * keys cached in a bounded cache so the hot path (a known child's next event) touches neither the table nor the
 * master key.
 * <p>
 * A key is created in the transaction that first writes the child's personal data, so it commits or rolls back
 * with those events. Until that transaction commits, the new key is kept for that transaction only: a key whose
 * row rolled back must never be cached and used for another transaction's events, which no one could read. The
 * keys of children the transaction itself creates ({@link #newChild}) are written together just before it
 * commits: one statement for a batch of contacts, where it was one a new child.
 */
public final class JdbcPersonalDataKeys implements PersonalDataKeys {

    private final JdbcTemplate jdbc;
    private final MasterKeyRing masterKeys;
    /** Wraps every new data key; the previous master keys in {@link #masterKeys} only open old ones. */
    private final KeyEncryptionKey masterKey;
    private final Clock clock;
    private final Cache<String, DataKey> cache;
    /** {@link #destructionsHeard}: counted after the key is dropped from the cache, never before. */
    private final AtomicLong destructions = new AtomicLong();
    /** The keys this thread's work holds ({@link #held}), if any. */
    private final ThreadLocal<HeldKeys> inUse = new ThreadLocal<>();

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, KeyEncryptionKey masterKey, Clock clock, long cacheSize,
                                Duration cacheTtl) {
        this(jdbc, MasterKeyRing.of(masterKey), clock, cacheSize, cacheTtl);
    }

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, MasterKeyRing masterKeys, Clock clock, long cacheSize,
                                Duration cacheTtl) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.masterKey = masterKeys.current();
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheTtl).build();
    }

    @Override
    public DataKey forWriting(String childId) {
        DataKey known = known(childId);
        if (known != null) {
            return known;
        }
        byte[] fresh = Aes.randomKey();
        try {
            int inserted = jdbc.update("""
                            INSERT INTO personal_data_keys (child_id, wrapped_key, master_key_id, created_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT (child_id) DO NOTHING""",
                    childId, masterKey.wrap(fresh, context(childId)), masterKey.id(), Timestamp.from(clock.instant()));
            if (inserted == 1) {
                DataKey key = new DataKey(childId, new SecretKeySpec(fresh, "AES"));
                createdInThisTransaction(childId, key);
                return key;
            }
            // Another transaction holds the child's key (it committed before our insert returned), or destroyed it.
            return stored(childId).orElseGet(() -> throwaway(childId));
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    @Override
    public void newChild(String childId) {
        TransactionKeys transaction = transaction(true);
        if (transaction == null) {
            forWriting(childId);
            return;
        }
        byte[] fresh = Aes.randomKey();
        try {
            transaction.created.put(childId, new DataKey(childId, new SecretKeySpec(fresh, "AES")));
            transaction.unsaved.put(childId, new Object[]{childId, masterKey.wrap(fresh, context(childId)),
                    masterKey.id(), Timestamp.from(clock.instant())});
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    @Override
    public Optional<DataKey> forReading(String childId) {
        DataKey known = known(childId);
        return known != null ? Optional.of(known) : stored(childId);
    }

    @Override
    public void loadAll(Collection<String> childIds) {
        List<String> missing = childIds.stream().filter(id -> known(id) == null).toList();
        if (!missing.isEmpty()) {
            read(missing).values().forEach(key -> cache.put(key.childId(), key));
        }
    }

    @Override
    public Held held(Collection<String> childIds) {
        // Counted before reading: a destruction heard while the statement runs already disowns what it read.
        long heard = destructions.get();
        Map<String, DataKey> held = new HashMap<>(childIds.size() * 2);
        List<String> missing = new ArrayList<>(childIds.size());
        for (String childId : childIds) {
            DataKey cached = known(childId);
            if (cached != null) {
                held.put(childId, cached);
            } else {
                missing.add(childId);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, DataKey> read = read(missing);
            held.putAll(read);
            // Cached too, as loadAll does: the live processors and the next page meet the same children.
            cache.putAll(read);
        }
        return new HeldKeys(held, heard);
    }

    /** These children's stored keys (none for a child whose key was destroyed or never written), unwrapped. */
    private Map<String, DataKey> read(List<String> childIds) {
        Map<String, DataKey> read = new HashMap<>(childIds.size() * 2);
        jdbc.query("""
                        SELECT child_id, wrapped_key, master_key_id FROM personal_data_keys
                        WHERE child_id = ANY (?) AND wrapped_key IS NOT NULL""",
                (ResultSet rows) -> {
                    String childId = rows.getString(1);
                    byte[] raw = masterKeys.unwrap(rows.getString(3), rows.getBytes(2), context(childId));
                    read.put(childId, new DataKey(childId, new SecretKeySpec(raw, "AES")));
                    Arrays.fill(raw, (byte) 0);
                },
                (Object) childIds.toArray(String[]::new));
        return read;
    }

    @Override
    public boolean destroy(ChildId childId) {
        String id = childId.value();
        TransactionKeys transaction = transaction(false);
        if (transaction != null) {
            transaction.created.remove(id);
            transaction.unsaved.remove(id);
        }
        int destroyed = jdbc.update("""
                        UPDATE personal_data_keys SET wrapped_key = NULL, destroyed_at = ?
                        WHERE child_id = ? AND wrapped_key IS NOT NULL""",
                Timestamp.from(clock.instant()), id);
        if (destroyed == 0) {
            // A tombstone for a child that had no key yet: none is ever created for it after its erasure.
            jdbc.update("""
                            INSERT INTO personal_data_keys (child_id, wrapped_key, master_key_id, created_at, destroyed_at)
                            VALUES (?, NULL, ?, ?, ?) ON CONFLICT (child_id) DO NOTHING""",
                    id, masterKey.id(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        }
        // Delivered to every instance (this one included) when the transaction commits; never if it rolls back.
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, KEYS_DESTROYED, id);
        cache.invalidate(id);
        destructions.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A read by another transaction before ours commits may have cached the key again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(id);
                    destructions.incrementAndGet();
                }
            });
        }
        return destroyed == 1;
    }

    @Override
    public boolean destroyed(ChildId childId) {
        List<Boolean> rows = jdbc.query("SELECT wrapped_key IS NULL FROM personal_data_keys WHERE child_id = ?",
                (rs, row) -> rs.getBoolean(1), childId.value());
        return !rows.isEmpty() && rows.get(0);
    }

    @Override
    public void forgetCached(String childId) {
        cache.invalidate(childId);
        destructions.incrementAndGet();
    }

    @Override
    public void forgetAllCached() {
        cache.invalidateAll();
        destructions.incrementAndGet();
    }

    @Override
    public long destructionsHeard() {
        return destructions.get();
    }

    private DataKey known(String childId) {
        TransactionKeys transaction = transaction(false);
        DataKey key = transaction == null ? null : transaction.created.get(childId);
        if (key == null) {
            HeldKeys held = inUse.get();
            // Only while no destruction has been heard since they were read: the cache has dropped a destroyed key
            // by the time the count moves, and so, from then on, do the held ones.
            if (held != null && held.heard == destructions.get()) {
                key = held.keys.get(childId);
            }
        }
        return key != null ? key : cache.getIfPresent(childId);
    }

    /** Keys read together for one piece of work, and the destructions heard when they were read. */
    private final class HeldKeys implements Held {
        private final Map<String, DataKey> keys;
        private final long heard;

        HeldKeys(Map<String, DataKey> keys, long heard) {
            this.keys = keys;
            this.heard = heard;
        }

        @Override
        public Scope use() {
            HeldKeys before = inUse.get();
            inUse.set(this);
            return () -> {
                if (before == null) {
                    inUse.remove();
                } else {
                    inUse.set(before);
                }
            };
        }
    }

    /** The committed key (another transaction's, or ours from an earlier one), cached; empty if none or destroyed. */
    private Optional<DataKey> stored(String childId) {
        List<Wrapped> rows = jdbc.query("SELECT wrapped_key, master_key_id FROM personal_data_keys WHERE child_id = ?",
                (rs, row) -> new Wrapped(rs.getBytes(1), rs.getString(2)), childId);
        if (rows.isEmpty() || rows.get(0).key() == null) {
            return Optional.empty();
        }
        byte[] raw = masterKeys.unwrap(rows.get(0).masterKeyId(), rows.get(0).key(), context(childId));
        DataKey key = new DataKey(childId, new SecretKeySpec(raw, "AES"));
        Arrays.fill(raw, (byte) 0);
        cache.put(childId, key);
        return Optional.of(key);
    }

    private static DataKey throwaway(String childId) {
        return new DataKey(childId, new SecretKeySpec(Aes.randomKey(), "AES"));
    }

    private void createdInThisTransaction(String childId, DataKey key) {
        TransactionKeys transaction = transaction(true);
        if (transaction == null) {
            cache.put(childId, key);
        } else {
            transaction.created.put(childId, key);
        }
    }

    /**
     * The keys this transaction created, cached once it commits, and the rows of those not yet stored, written
     * before it commits; null outside a transaction.
     */
    private TransactionKeys transaction(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        TransactionKeys keys = (TransactionKeys) TransactionSynchronizationManager.getResource(this);
        if (keys == null && create) {
            TransactionKeys created = new TransactionKeys();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    store(created.unsaved);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcPersonalDataKeys.this);
                    if (status == STATUS_COMMITTED) {
                        cache.putAll(created.created);
                    }
                }
            });
            keys = created;
        }
        return keys;
    }

    /**
     * New children's key rows, in one batch. Their ids were just made, so none can have a row; should one, the
     * events already written with its new key could never be read: the primary key refuses it, and with it the
     * transaction.
     */
    private void store(Map<String, Object[]> unsaved) {
        if (!unsaved.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO personal_data_keys (child_id, wrapped_key, master_key_id, created_at)
                    VALUES (?, ?, ?, ?)""", List.copyOf(unsaved.values()));
            unsaved.clear();
        }
    }

    private record Wrapped(byte[] key, String masterKeyId) {
    }

    /** What one transaction did with keys, until it completes. */
    private static final class TransactionKeys {
        private final Map<String, DataKey> created = new HashMap<>();
        private final Map<String, Object[]> unsaved = new LinkedHashMap<>();
    }

    /** Binds a wrapped key to its child: a row copied to another child does not open. */
    static byte[] context(String childId) {
        return ("frontdoor-data-key:" + childId).getBytes(StandardCharsets.UTF_8);
    }
}
