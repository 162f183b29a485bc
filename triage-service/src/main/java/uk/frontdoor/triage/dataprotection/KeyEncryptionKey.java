package uk.frontdoor.triage.dataprotection;

/**
 * The master key, which wraps (encrypts) every child's data key: the key-management seam. The service ships an
 * AES-GCM implementation over a {@link javax.crypto.SecretKey} ({@link AesKeyEncryptionKey}): from configuration
 * (the embedded default's demo key), from a file, or from a Java key store, where a {@code PKCS11} key store puts
 * the key in a hardware security module and the key never leaves it. A cloud KMS implements this interface with
 * its encrypt and decrypt calls (wrapping is one call per new child; unwrapped keys are cached).
 * <p>
 * Implementations never put key material, wrapped or not, in an exception message or a log.
 */
public interface KeyEncryptionKey {

    /** Names the master key (not secret), stored beside each wrapped key so a rotation can tell them apart. */
    String id();

    /** @param context bound to the result: a wrapped key opens only with the same context (the child's id) */
    byte[] wrap(byte[] dataKey, byte[] context);

    /** @throws WrongMasterKeyException if this master key did not wrap it (or it was altered) */
    byte[] unwrap(byte[] wrapped, byte[] context);

    /** A wrapped key this master key cannot open. */
    final class WrongMasterKeyException extends IllegalStateException {
        public WrongMasterKeyException(String message) {
            super(message);
        }
    }
}
