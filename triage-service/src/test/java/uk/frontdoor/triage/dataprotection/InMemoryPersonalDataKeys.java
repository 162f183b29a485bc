package uk.frontdoor.triage.dataprotection;

import uk.frontdoor.triage.api.value.ChildId;

import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys in memory, for tests of what is written and read; the stored keys are tested on PostgreSQL in infra. */
public final class InMemoryPersonalDataKeys implements PersonalDataKeys {

    private final Map<String, DataKey> keys = new ConcurrentHashMap<>();
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();

    @Override
    public DataKey forWriting(String childId) {
        if (destroyed.contains(childId)) {
            return new DataKey(childId, new SecretKeySpec(Aes.randomKey(), "AES"));
        }
        return keys.computeIfAbsent(childId, id -> new DataKey(id, new SecretKeySpec(Aes.randomKey(), "AES")));
    }

    @Override
    public Optional<DataKey> forReading(String childId) {
        return Optional.ofNullable(keys.get(childId));
    }

    @Override
    public boolean destroy(ChildId childId) {
        destroyed.add(childId.value());
        return keys.remove(childId.value()) != null;
    }

    @Override
    public boolean destroyed(ChildId childId) {
        return destroyed.contains(childId.value());
    }

    /** Nothing cached: every key is the stored one. */
    @Override
    public void forgetCached(String childId) {
    }

    @Override
    public void forgetAllCached() {
    }
}
