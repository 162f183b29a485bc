package uk.frontdoor.infra.dataprotection;

import java.security.SecureRandom;
import java.util.Base64;

/** Master keys for tests that start the service on the prod profile, which has none of its own. */
public final class TestMasterKeys {

    private TestMasterKeys() {
    }

    /** A fresh random AES-256 key, base64: for {@code frontdoor.data-protection.master-key}. */
    public static String random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
