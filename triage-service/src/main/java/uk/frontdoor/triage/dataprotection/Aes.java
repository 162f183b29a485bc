package uk.frontdoor.triage.dataprotection;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-GCM from the JDK: a random 96-bit nonce per message, a 128-bit tag, the nonce stored in front of the
 * ciphertext. Random nonces are safe here: a child's key encrypts thousands of fields at most, far below the
 * 2^32 messages NIST SP 800-38D allows per key with random nonces.
 */
final class Aes {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    });

    private Aes() {
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static byte[] seal(Key key, byte[] plain, byte[] associated) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipherFor(key);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = Arrays.copyOf(nonce, NONCE + cipher.getOutputSize(plain.length));
            cipher.doFinal(plain, 0, plain.length, sealed, NONCE);
            return sealed;
        } catch (GeneralSecurityException e) {
            // The exception's class only: never the key or the data.
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** @throws AEADBadTagException if the key, the associated data or the ciphertext is not the one sealed */
    static byte[] open(Key key, byte[] sealed, byte[] associated) throws AEADBadTagException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        try {
            Cipher cipher = cipherFor(key);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** A key held in a hardware module (PKCS#11) needs its own provider's cipher; a key in memory reuses one per thread. */
    private static Cipher cipherFor(Key key) throws GeneralSecurityException {
        return "RAW".equals(key.getFormat()) ? CIPHERS.get() : Cipher.getInstance(TRANSFORMATION);
    }
}
