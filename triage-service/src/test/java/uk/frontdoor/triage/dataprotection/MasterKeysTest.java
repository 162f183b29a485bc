package uk.frontdoor.triage.dataprotection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysTest {

    private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(32, 9));
    private static final byte[] CHILD = "child-1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void no_master_key_stops_start_up_naming_the_settings() {
        assertThatThrownBy(() -> MasterKeys.from(settings(null, null, null)))
                .hasMessageContaining("No master key")
                .hasMessageContaining("frontdoor.data-protection.master-key-file");
    }

    @Test
    void two_sources_are_refused() {
        assertThatThrownBy(() -> MasterKeys.from(settings(KEY, dir.resolve("key"), null)))
                .hasMessageContaining("only one of");
    }

    @Test
    void a_key_that_is_not_base64_or_not_256_bits_is_refused_without_repeating_it() {
        assertThatThrownBy(() -> MasterKeys.from(settings("not base64 at all!", null, null)))
                .hasMessageContaining("frontdoor.data-protection.master-key is not base64")
                .hasMessageNotContaining("not base64 at all!");
        String short16 = Base64.getEncoder().encodeToString(bytes(16, 1));
        assertThatThrownBy(() -> MasterKeys.from(settings(short16, null, null)))
                .hasMessageContaining("32 bytes), not 16 bytes")
                .hasMessageNotContaining(short16);
    }

    @Test
    void a_key_from_configuration_wraps_and_unwraps_a_data_key() {
        KeyEncryptionKey master = MasterKeys.from(settings(KEY, null, null));
        byte[] dataKey = bytes(32, 3);

        byte[] wrapped = master.wrap(dataKey, CHILD);

        assertThat(wrapped).isNotEqualTo(dataKey);
        assertThat(master.unwrap(wrapped, CHILD)).isEqualTo(dataKey);
        assertThat(master.id()).isEqualTo("config");
    }

    @Test
    void a_key_from_a_file_is_the_same_key() throws Exception {
        Path file = Files.writeString(dir.resolve("master.key"), KEY + "\n");
        byte[] wrapped = MasterKeys.from(settings(KEY, null, null)).wrap(bytes(32, 3), CHILD);

        assertThat(MasterKeys.from(settings(null, file, null)).unwrap(wrapped, CHILD)).isEqualTo(bytes(32, 3));
    }

    @Test
    void a_missing_key_file_is_named() {
        assertThatThrownBy(() -> MasterKeys.from(settings(null, dir.resolve("absent.key"), null)))
                .hasMessageContaining("master-key-file cannot be read")
                .hasMessageContaining("absent.key");
    }

    @Test
    void a_key_from_a_key_store_is_used_the_same_way() throws Exception {
        Path file = dir.resolve("master.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry("frontdoor-master", new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes(32, 7), "AES")),
                new KeyStore.PasswordProtection("changeit".toCharArray()));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        byte[] wrapped = MasterKeys.from(settings(KEY, null, null)).wrap(bytes(32, 3), CHILD);

        KeyEncryptionKey fromStore = MasterKeys.from(settings(null, null,
                new DataProtectionProperties.KeyStore("PKCS12", file, "changeit", "frontdoor-master")));

        assertThat(fromStore.unwrap(wrapped, CHILD)).isEqualTo(bytes(32, 3));
        assertThat(fromStore.id()).isEqualTo("frontdoor-master");
        assertThatThrownBy(() -> MasterKeys.from(settings(null, null,
                new DataProtectionProperties.KeyStore("PKCS12", file, "wrong", "frontdoor-master"))))
                .hasMessageContaining("key-store cannot be opened")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void another_master_key_does_not_open_a_wrapped_key_and_says_so_without_key_material() {
        byte[] wrapped = MasterKeys.from(settings(KEY, null, null)).wrap(bytes(32, 3), CHILD);

        assertThatThrownBy(() -> MasterKeys.from(settings(OTHER_KEY, null, null)).unwrap(wrapped, CHILD))
                .isInstanceOf(KeyEncryptionKey.WrongMasterKeyException.class)
                .hasMessageNotContaining(KEY)
                .hasMessageNotContaining(OTHER_KEY);
    }

    @Test
    void a_wrapped_key_opens_only_for_its_own_child() {
        KeyEncryptionKey master = MasterKeys.from(settings(KEY, null, null));
        byte[] wrapped = master.wrap(bytes(32, 3), CHILD);

        assertThatThrownBy(() -> master.unwrap(wrapped, "child-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyEncryptionKey.WrongMasterKeyException.class);
    }

    @Test
    void the_settings_never_print_the_key() {
        assertThat(settings(KEY, null, null).toString()).doesNotContain(KEY).contains("masterKey set");
    }

    @Test
    void previous_master_keys_open_the_keys_they_wrapped_and_new_keys_are_wrapped_with_the_current_one() {
        byte[] underOld = MasterKeys.from(settings(KEY, null, null)).wrap(bytes(32, 3), CHILD);
        MasterKeyRing ring = MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(KEY, null, null, "old")));

        assertThat(ring.current().id()).isEqualTo("new");
        assertThat(ring.ids()).containsExactly("new", "old");
        assertThat(ring.unwrap("old", underOld, CHILD)).isEqualTo(bytes(32, 3));
        assertThatThrownBy(() -> ring.unwrap("new", underOld, CHILD))
                .isInstanceOf(KeyEncryptionKey.WrongMasterKeyException.class);
        assertThatThrownBy(() -> ring.unwrap("gone", underOld, CHILD))
                .hasMessageContaining("'gone'").hasMessageContaining("neither as the current nor as a previous");
    }

    @Test
    void a_previous_master_key_without_an_id_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(KEY, null, null, " "))))
                .hasMessageContaining("frontdoor.data-protection.previous-master-keys[0].master-key-id must be set")
                .hasMessageNotContaining(KEY).hasMessageNotContaining(OTHER_KEY);
    }

    @Test
    void a_previous_master_key_with_the_current_keys_id_is_refused() {
        // The current key's id defaults to its source ("config"): a rotation must give the new key an id.
        assertThatThrownBy(() -> MasterKeys.ring(rotating(null,
                new DataProtectionProperties.PreviousMasterKey(KEY, null, null, "config"))))
                .hasMessageContaining("previous-master-keys[0].master-key-id 'config' is the current master key's id")
                .hasMessageNotContaining(KEY).hasMessageNotContaining(OTHER_KEY);
    }

    @Test
    void two_previous_master_keys_with_one_id_are_refused() {
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(KEY, null, null, "old"),
                new DataProtectionProperties.PreviousMasterKey(KEY, null, null, "old"))))
                .hasMessageContaining("previous-master-keys[1].master-key-id 'old' is set for two previous master keys");
    }

    @Test
    void a_previous_master_key_with_no_source_two_sources_or_a_bad_key_is_refused_naming_its_setting() {
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(null, null, null, "old"))))
                .hasMessageContaining("No key for frontdoor.data-protection.previous-master-keys[0].master-key-id 'old'");
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(KEY, dir.resolve("key"), null, "old"))))
                .hasMessageContaining("Set only one of frontdoor.data-protection.previous-master-keys[0].master-key");
        String short16 = Base64.getEncoder().encodeToString(bytes(16, 1));
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(short16, null, null, "old"))))
                .hasMessageContaining("frontdoor.data-protection.previous-master-keys[0].master-key must hold a base64 "
                        + "AES-256 key (32 bytes), not 16 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> MasterKeys.ring(rotating("new",
                new DataProtectionProperties.PreviousMasterKey(null, dir.resolve("absent.key"), null, "old"))))
                .hasMessageContaining("frontdoor.data-protection.previous-master-keys[0].master-key-file cannot be read");
    }

    private static DataProtectionProperties rotating(String currentId,
                                                     DataProtectionProperties.PreviousMasterKey... previous) {
        return new DataProtectionProperties(OTHER_KEY, null, null, currentId, 100, Duration.ofMinutes(10),
                java.util.List.of(previous), false);
    }

    private static DataProtectionProperties settings(String key, Path file, DataProtectionProperties.KeyStore store) {
        return new DataProtectionProperties(key, file, store, null, 100, Duration.ofMinutes(10), null, false);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
