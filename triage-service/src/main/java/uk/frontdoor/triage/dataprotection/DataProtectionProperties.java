package uk.frontdoor.triage.dataprotection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the master key comes from: exactly one of {@code master-key} (base64 AES-256 key in configuration: the
 * embedded profile's demo key, never production), {@code master-key-file} (a file holding that base64 key, e.g.
 * a mounted secret) or {@code key-store} (a Java key store: PKCS12 file, or PKCS11 for a hardware module).
 *
 * @param masterKeyId  names the master key in the keys table (not secret); defaults to the source's name
 * @param keyCacheSize how many children's unwrapped keys one instance keeps in memory
 * @param keyCacheTtl  how long an instance keeps a key in memory: after a child's key is destroyed on one
 *                     instance, the others stop reading the child's data within this time
 * @param previousMasterKeys master keys being rotated out: data keys still wrapped by one of them are read with
 *                     it (never wrapped with it) until a re-wrap moves them to the current key
 * @param rewrapOnStart start a re-wrap to the current master key when the service starts
 */
@ConfigurationProperties("frontdoor.data-protection")
public record DataProtectionProperties(String masterKey, Path masterKeyFile, KeyStore keyStore, String masterKeyId,
                                       @DefaultValue("10000") long keyCacheSize,
                                       @DefaultValue("10m") Duration keyCacheTtl,
                                       List<PreviousMasterKey> previousMasterKeys,
                                       @DefaultValue("false") boolean rewrapOnStart) {

    public DataProtectionProperties {
        previousMasterKeys = previousMasterKeys == null ? List.of() : List.copyOf(previousMasterKeys);
    }

    /**
     * A master key being rotated out, from the same sources as the current one; its id is required (it is how
     * the keys table names it) and differs from every other master key's.
     */
    public record PreviousMasterKey(String masterKey, Path masterKeyFile, KeyStore keyStore, String masterKeyId) {
        @Override
        public String toString() {
            return "PreviousMasterKey[masterKey " + (masterKey == null ? "unset" : "set") + ", masterKeyFile "
                    + masterKeyFile + ", keyStore " + keyStore + ", masterKeyId " + masterKeyId + "]";
        }
    }

    /**
     * @param type     PKCS12, or PKCS11 (the provider configured in the JVM's java.security; path then empty)
     * @param password the key store's and the key entry's password
     */
    public record KeyStore(String type, Path path, String password, String alias) {
        @Override
        public String toString() {
            return "KeyStore[" + type + ", " + path + ", alias " + alias + "]";
        }
    }

    /** The key itself never appears in a log, an actuator page or an error. */
    @Override
    public String toString() {
        return "DataProtectionProperties[masterKey " + (masterKey == null ? "unset" : "set") + ", masterKeyFile "
                + masterKeyFile + ", keyStore " + keyStore + ", masterKeyId " + masterKeyId + ", previousMasterKeys "
                + previousMasterKeys + ", rewrapOnStart " + rewrapOnStart + "]";
    }
}
