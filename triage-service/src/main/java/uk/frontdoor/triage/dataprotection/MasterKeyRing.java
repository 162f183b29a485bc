package uk.frontdoor.triage.dataprotection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current master key, which wraps every new data key, and the previous ones being rotated out, which only
 * open the data keys still stored under them (each row names its master key).
 */
public final class MasterKeyRing {

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    public MasterKeyRing(KeyEncryptionKey current, Collection<KeyEncryptionKey> previous) {
        this.current = current;
        byId.put(current.id(), current);
        for (KeyEncryptionKey key : previous) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("Two master keys named '" + key.id() + "'");
            }
        }
    }

    public static MasterKeyRing of(KeyEncryptionKey current) {
        return new MasterKeyRing(current, java.util.List.of());
    }

    public KeyEncryptionKey current() {
        return current;
    }

    /** The master key a row names, current or previous; empty if it is configured as neither. */
    public Optional<KeyEncryptionKey> named(String masterKeyId) {
        return Optional.ofNullable(byId.get(masterKeyId));
    }

    /** Every configured master key's id, the current one first. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** Opens a data key with the master key its row names. */
    byte[] unwrap(String masterKeyId, byte[] wrapped, byte[] context) {
        KeyEncryptionKey key = byId.get(masterKeyId);
        if (key == null) {
            throw new KeyEncryptionKey.WrongMasterKeyException("A data key is wrapped by master key '" + masterKeyId
                    + "', which is configured neither as the current nor as a previous master key");
        }
        return key.unwrap(wrapped, context);
    }
}
