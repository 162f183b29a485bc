package uk.frontdoor.triage.dataprotection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the master key comes from: exactly one of {@code master-key} (base64 AES-256 key in configuration: the
 * embedded profile's demo key, never production), {@code master-key-file} (a file holding that base64 key, e.g.
 * a mounted secret) or {@code key-store} (a Java key store: PKCS12 file, or PKCS11 for a hardware module).
 *
 * @param masterKeyId  names the master key in the keys table (not secret); defaults to the source's name
 * @param keyCacheSize how many children's unwrapped keys one instance keeps in memory
 * @param keyCacheTtl  how long an instance keeps a key in memory: after a child's key is destroyed on one
 *                     instance, the others stop reading the child's data within this time
 */
@ConfigurationProperties("frontdoor.data-protection")
public record DataProtectionProperties(String masterKey, Path masterKeyFile, KeyStore keyStore, String masterKeyId,
                                       @DefaultValue("10000") long keyCacheSize,
                                       @DefaultValue("10m") Duration keyCacheTtl) {

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
                + masterKeyFile + ", keyStore " + keyStore + ", masterKeyId " + masterKeyId + "]";
    }
}
