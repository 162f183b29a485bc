package uk.frontdoor.triage.dataprotection;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return from(settings.masterKey(), settings.masterKeyFile(), settings.keyStore(), settings.masterKeyId(),
                PREFIX);
    }

    /**
     * The current master key and the previous ones being rotated out. A previous key needs its own id, unlike
     * the current one (whose id defaults to its source's name), because the keys table tells them apart by it.
     */
    public static MasterKeyRing ring(DataProtectionProperties settings) {
        KeyEncryptionKey current = from(settings);
        Map<String, KeyEncryptionKey> previous = new LinkedHashMap<>();
        List<DataProtectionProperties.PreviousMasterKey> configured = settings.previousMasterKeys();
        for (int n = 0; n < configured.size(); n++) {
            DataProtectionProperties.PreviousMasterKey entry = configured.get(n);
            String prefix = PREFIX + "previous-master-keys[" + n + "].";
            if (entry == null || entry.masterKeyId() == null || entry.masterKeyId().isBlank()) {
                throw new IllegalStateException(prefix + "master-key-id must be set: it names the master key the "
                        + "data keys to read with it are stored under");
            }
            String id = entry.masterKeyId();
            if (id.equals(current.id())) {
                throw new IllegalStateException(prefix + "master-key-id '" + id + "' is the current master key's id "
                        + "(" + PREFIX + "master-key-id): give the new current key an id of its own");
            }
            if (previous.containsKey(id)) {
                throw new IllegalStateException(prefix + "master-key-id '" + id + "' is set for two previous master "
                        + "keys: each needs an id of its own");
            }
            previous.put(id, from(entry.masterKey(), entry.masterKeyFile(), entry.keyStore(), id, prefix));
        }
        return new MasterKeyRing(current, previous.values());
    }

    private static KeyEncryptionKey from(String masterKey, Path masterKeyFile, DataProtectionProperties.KeyStore keyStore,
                                         String masterKeyId, String prefix) {
        long sources = Stream.of(masterKey, masterKeyFile, keyStore)
                .filter(source -> source != null && !"".equals(source)).count();
        if (sources == 0) {
            if (!PREFIX.equals(prefix)) {
                throw new IllegalStateException("No key for " + prefix + "master-key-id '" + masterKeyId + "': set "
                        + prefix + "master-key-file or " + prefix + "key-store.*");
            }
            throw new IllegalStateException("No master key for personal data: set " + PREFIX + "master-key-file (a "
                    + "file holding a base64 AES-256 key) or " + PREFIX + "key-store.*. The service never stores "
                    + "children's personal data unencrypted.");
        }
        if (sources > 1) {
            throw new IllegalStateException("Set only one of " + prefix + "master-key, " + prefix
                    + "master-key-file and " + prefix + "key-store.*");
        }
        if (masterKey != null && !masterKey.isEmpty()) {
            return new AesKeyEncryptionKey(id(masterKeyId, "config"), aes(masterKey, prefix + "master-key"));
        }
        if (masterKeyFile != null) {
            String text;
            try {
                text = Files.readString(masterKeyFile, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException(prefix + "master-key-file cannot be read: " + masterKeyFile
                        + " (" + e.getClass().getSimpleName() + ")");
            }
            return new AesKeyEncryptionKey(id(masterKeyId, "file"), aes(text.strip(), prefix + "master-key-file"));
        }
        return fromKeyStore(keyStore, masterKeyId, prefix);
    }

    private static KeyEncryptionKey fromKeyStore(DataProtectionProperties.KeyStore store, String masterKeyId,
                                                 String prefix) {
        String setting = prefix + "key-store";
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
            return new AesKeyEncryptionKey(id(masterKeyId, store.alias()), secret);
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

    private static String id(String masterKeyId, String source) {
        return masterKeyId == null || masterKeyId.isBlank() ? source : masterKeyId;
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
