package uk.frontdoor.triage.dataprotection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Stops start-up when the configured master key is not the one this database's data keys were wrapped with: a
 * service running on the wrong key could read no child's personal data, and would wrap new keys that the right
 * key cannot open. The first start seals a known value with the master key; every later start must open it.
 */
final class MasterKeyCheck {

    private static final byte[] CHECK = "frontdoor master key check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "frontdoor-master-key-check".getBytes(StandardCharsets.US_ASCII);

    private MasterKeyCheck() {
    }

    static void verify(JdbcTemplate jdbc, KeyEncryptionKey masterKey, Clock clock) {
        jdbc.update("""
                        INSERT INTO data_protection_master_key_check (id, master_key_id, sealed_check, created_at)
                        VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                masterKey.id(), masterKey.wrap(CHECK, CONTEXT), Timestamp.from(clock.instant()));
        List<byte[]> sealed = jdbc.query("SELECT sealed_check FROM data_protection_master_key_check WHERE id = 1",
                (rs, row) -> rs.getBytes(1));
        boolean opens;
        try {
            opens = Arrays.equals(CHECK, masterKey.unwrap(sealed.get(0), CONTEXT));
        } catch (KeyEncryptionKey.WrongMasterKeyException e) {
            opens = false;
        }
        if (!opens) {
            throw new IllegalStateException("The configured master key (" + MasterKeys.PREFIX + "*) is not the one "
                    + "this database's personal data keys are wrapped with: start the service with that key. "
                    + "Nothing was written.");
        }
    }
}
