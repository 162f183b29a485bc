package uk.frontdoor.triage.dataprotection;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * The master key from {@link DataProtectionProperties}. Every failure names the setting and what is wrong with
 * it, never the key.
 */
public final class MasterKeys {

    static final String PREFIX = "frontdoor.data-protection.";

    private MasterKeys() {
    }

    public static KeyEncryptionKey from(DataProtectionProperties settings) {
        long sources = Stream.of(settings.masterKey(), settings.masterKeyFile(), settings.keyStore())
                .filter(source -> source != null && !"".equals(source)).count();
        if (sources == 0) {
            throw new IllegalStateException("No master key for personal data: set " + PREFIX + "master-key-file (a "
                    + "file holding a base64 AES-256 key) or " + PREFIX + "key-store.*. The service never stores "
                    + "children's personal data unencrypted.");
        }
        if (sources > 1) {
            throw new IllegalStateException("Set only one of " + PREFIX + "master-key, " + PREFIX
                    + "master-key-file and " + PREFIX + "key-store.*");
        }
        if (settings.masterKey() != null && !settings.masterKey().isEmpty()) {
            return new AesKeyEncryptionKey(id(settings, "config"), aes(settings.masterKey(), PREFIX + "master-key"));
        }
        if (settings.masterKeyFile() != null) {
            String text;
            try {
                text = Files.readString(settings.masterKeyFile(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException(PREFIX + "master-key-file cannot be read: " + settings.masterKeyFile()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
            return new AesKeyEncryptionKey(id(settings, "file"), aes(text.strip(), PREFIX + "master-key-file"));
        }
        return fromKeyStore(settings);
    }

    private static KeyEncryptionKey fromKeyStore(DataProtectionProperties settings) {
        DataProtectionProperties.KeyStore store = settings.keyStore();
        String setting = PREFIX + "key-store";
        if (store.type() == null || store.alias() == null) {
            throw new IllegalStateException(setting + ".type and " + setting + ".alias must be set");
        }
        char[] password = store.password() == null ? null : store.password().toCharArray();
        try {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            if (store.path() == null) {
                keyStore.load(null, password);
            } else {
                try (InputStream in = Files.newInputStream(store.path())) {
                    keyStore.load(in, password);
                }
            }
            Key key = keyStore.getKey(store.alias(), password);
            if (!(key instanceof SecretKey secret) || !"AES".equalsIgnoreCase(secret.getAlgorithm())) {
                throw new IllegalStateException(setting + ": no AES secret key under alias '" + store.alias() + "'");
            }
            return new AesKeyEncryptionKey(id(settings, store.alias()), secret);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException from load(): say which setting, not the password.
            throw new IllegalStateException(setting + " cannot be opened (" + e.getClass().getSimpleName()
                    + "): check its type, path, password and alias");
        } finally {
            if (password != null) {
                Arrays.fill(password, ' ');
            }
        }
    }

    private static String id(DataProtectionProperties settings, String source) {
        return settings.masterKeyId() == null || settings.masterKeyId().isBlank() ? source : settings.masterKeyId();
    }

    private static SecretKey aes(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64: it must hold a base64 AES-256 key (32 bytes)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(setting + " must hold a base64 AES-256 key (32 bytes), not "
                    + key.length + " bytes");
        }
        SecretKey secret = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
        return secret;
    }
}
