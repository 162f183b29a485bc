package uk.frontdoor.triage.dataprotection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stops start-up when the configured master key is not the one this database's data keys were wrapped with: a
 * service running on the wrong key could read no child's personal data, and would wrap new keys that the right
 * key cannot open. The first start seals a known value with the master key; every later start must open it.
 * Master key ids are not secret, so they and counts of data keys may be named in a message; keys never are.
 */
final class MasterKeyCheck {

    private static final byte[] CHECK = "frontdoor master key check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "frontdoor-master-key-check".getBytes(StandardCharsets.US_ASCII);

    private MasterKeyCheck() {
    }

    static void verify(JdbcTemplate jdbc, KeyEncryptionKey masterKey, Clock clock) {
        verify(jdbc, MasterKeyRing.of(masterKey), clock);
    }

    /**
     * The check value must open with the master key it names (the current one, or a previous one during a
     * rotation, after which it is sealed again with the current one), and every data key must be wrapped by a
     * configured master key.
     */
    static void verify(JdbcTemplate jdbc, MasterKeyRing masterKeys, Clock clock) {
        KeyEncryptionKey current = masterKeys.current();
        jdbc.update("""
                        INSERT INTO data_protection_master_key_check (id, master_key_id, sealed_check, created_at)
                        VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                current.id(), current.wrap(CHECK, CONTEXT), Timestamp.from(clock.instant()));
        Sealed sealed = jdbc.queryForObject(
                "SELECT master_key_id, sealed_check FROM data_protection_master_key_check WHERE id = 1",
                (rs, row) -> new Sealed(rs.getString(1), rs.getBytes(2)));
        boolean opensWithCurrent = opens(current, sealed.check());
        if (!opensWithCurrent) {
            KeyEncryptionKey named = masterKeys.named(sealed.masterKeyId()).orElse(null);
            if (named == null || named == current || !opens(named, sealed.check())) {
                throw new IllegalStateException("The configured master key (" + MasterKeys.PREFIX + "*) is not the "
                        + "one this database's personal data keys are wrapped with: start the service with that key"
                        + " (or, to rotate, configure that key under " + MasterKeys.PREFIX
                        + "previous-master-keys[n]). Nothing was written.");
            }
        }
        Map<String, Long> wrappedBy = new TreeMap<>();
        jdbc.query("""
                        SELECT master_key_id, count(*) FROM personal_data_keys WHERE wrapped_key IS NOT NULL
                        GROUP BY master_key_id""",
                (ResultSet rows) -> {
                    wrappedBy.put(rows.getString(1), rows.getLong(2));
                });
        wrappedBy.keySet().removeAll(masterKeys.ids());
        if (!wrappedBy.isEmpty()) {
            String unknown = wrappedBy.entrySet().stream()
                    .map(entry -> "'" + entry.getKey() + "' (" + entry.getValue() + " data keys)")
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("Children's data keys are wrapped by master keys configured neither as "
                    + MasterKeys.PREFIX + "master-key-id nor under " + MasterKeys.PREFIX + "previous-master-keys: "
                    + unknown + ". Configure each as a previous master key (with its master-key-id) and re-wrap. "
                    + "Nothing was written.");
        }
        if (!opensWithCurrent) {
            // The rotation has begun: from now on the database is the new key's, and an old-key-only start is refused.
            jdbc.update("UPDATE data_protection_master_key_check SET master_key_id = ?, sealed_check = ? WHERE id = 1",
                    current.id(), current.wrap(CHECK, CONTEXT));
        }
    }

    private static boolean opens(KeyEncryptionKey key, byte[] sealed) {
        try {
            return Arrays.equals(CHECK, key.unwrap(sealed, CONTEXT));
        } catch (KeyEncryptionKey.WrongMasterKeyException e) {
            return false;
        }
    }

    private record Sealed(String masterKeyId, byte[] check) {
    }
}
