package uk.frontdoor.triage.dataprotection;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A master key that is an AES key: in memory (from configuration or a file) or a handle to a key in a key
 * store, including a PKCS#11 hardware module, where the JDK's provider runs AES-GCM inside the module.
 */
public final class AesKeyEncryptionKey implements KeyEncryptionKey {

    private final String id;
    private final SecretKey key;

    public AesKeyEncryptionKey(String id, SecretKey key) {
        this.id = id;
        this.key = key;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        return Aes.seal(key, dataKey, context);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) {
        try {
            return Aes.open(key, wrapped, context);
        } catch (AEADBadTagException e) {
            throw new WrongMasterKeyException("A data key does not open with the configured master key ('" + id + "')");
        }
    }

    @Override
    public String toString() {
        return "AesKeyEncryptionKey[" + id + "]";
    }
}
