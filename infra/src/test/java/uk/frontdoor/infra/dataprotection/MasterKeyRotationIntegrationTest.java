package uk.frontdoor.infra.dataprotection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.dataprotection.DataKeyRewrap;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.frontdoor.infra.dataprotection.SealedConsents.read;
import static uk.frontdoor.infra.dataprotection.SealedConsents.write;

/**
 * Replacing the master key as a council's security officer would, on a real PostgreSQL (one of its own, so the
 * master keys here never meet the shared test database's): keys written under master key A; after a restart with
 * B current and A previous, everything still reads; the re-wrap moves every key to B and leaves erased children
 * erased; with A removed everything still reads; a start with keys under a master key it does not have refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterKeyRotationIntegrationTest {

    private static final String A = TestMasterKeys.random32();
    private static final String B = TestMasterKeys.random32();
    private static final String P = OwnKeyDatabase.SETTINGS;

    private OwnKeyDatabase database;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        database = OwnKeyDatabase.start();
        jdbc = database.jdbc();
    }

    @AfterAll
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_master_key_is_replaced_without_any_child_becoming_unreadable_or_an_erased_one_coming_back() throws Exception {
        Map<String, String> stored = new LinkedHashMap<>();
        List<String> children = new ArrayList<>();
        String erased = UUID.randomUUID().toString();
        String erasedDuringRewrap = UUID.randomUUID().toString();
        service(P + "master-key=" + A, P + "master-key-id=council-2025").run(context -> {
            assertThat(context).hasNotFailed();
            PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
            ObjectMapper writer = EventJson.mapper(keys);
            for (int i = 0; i < 1_203; i++) {
                String child = UUID.randomUUID().toString();
                children.add(child);
                stored.put(child, write(writer, child, "Reason " + i));
            }
            stored.put(erased, write(writer, erased, "Erased before the rotation"));
            stored.put(erasedDuringRewrap, write(writer, erasedDuringRewrap, "Erased while re-wrapping"));
            keys.destroy(ChildId.of(erased));
        });
        assertThat(masterKeyIds()).containsOnlyKeys("council-2025");

        String[] rotating = {P + "master-key=" + B, P + "master-key-id=council-2026",
                P + "previous-master-keys[0].master-key=" + A, P + "previous-master-keys[0].master-key-id=council-2025"};
        service(rotating).run(context -> {
            assertThat(context).hasNotFailed();
            PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
            ObjectMapper reader = EventJson.mapper(keys);
            assertEveryChildReads(reader, stored, children);
            assertThat(read(reader, stored.get(erased)).reason()).isEqualTo(PersonalData.ERASED);
            String newChild = UUID.randomUUID().toString();
            stored.put(newChild, write(reader, newChild, "Reason: written during the rotation"));
            assertThat(masterKeyOf(newChild)).isEqualTo("council-2026");

            DataKeyRewrap rewrap = context.getBean(DataKeyRewrap.class);
            DataKeyRewrap.Status before = rewrap.status();
            assertThat(before.currentMasterKeyId()).isEqualTo("council-2026");
            assertThat(before.masterKeys()).contains(
                    new DataKeyRewrap.MasterKeyUse("council-2025", false, true, 1_204, 1),
                    new DataKeyRewrap.MasterKeyUse("council-2026", true, true, 1, 0));

            // An erasure destroying a key while the re-wrap runs: its row is locked until the erasure commits.
            try (Connection erasure = database.dataSource().getConnection()) {
                erasure.setAutoCommit(false);
                try (PreparedStatement destroy = erasure.prepareStatement("""
                        UPDATE personal_data_keys SET wrapped_key = NULL, destroyed_at = now() WHERE child_id = ?""")) {
                    destroy.setString(1, erasedDuringRewrap);
                    assertThat(destroy.executeUpdate()).isEqualTo(1);
                }
                DataKeyRewrap.Run started = rewrap.start("sysadmin1", "SYSTEM_MANAGER");
                assertThat(started.startedBy()).isEqualTo("sysadmin1");
                assertThat(started.toMasterKeyId()).isEqualTo("council-2026");
                DataKeyRewrap.Status after = await().atMost(Duration.ofMinutes(1))
                        .until(rewrap::status, status -> !status.running());
                erasure.commit();

                assertThat(after.lastRun().outcome()).isEqualTo("COMPLETED");
                assertThat(after.lastRun().rewrapped()).isEqualTo(1_203);
                assertThat(after.lastRun().finishedAt()).isNotNull();
            }
            DataKeyRewrap.Status done = rewrap.status();
            assertThat(done.masterKeys()).contains(
                    new DataKeyRewrap.MasterKeyUse("council-2025", false, true, 0, 2),
                    new DataKeyRewrap.MasterKeyUse("council-2026", true, true, 1_204, 0));
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM personal_data_keys WHERE child_id IN (?, ?) AND wrapped_key IS NULL""",
                    Long.class, erased, erasedDuringRewrap)).isEqualTo(2);
        });

        service(P + "master-key=" + B, P + "master-key-id=council-2026").run(context -> {
            assertThat(context).hasNotFailed();
            ObjectMapper reader = EventJson.mapper(context.getBean(PersonalDataKeys.class));
            assertEveryChildReads(reader, stored, children);
            assertThat(read(reader, stored.get(newChildOf(stored, children, erased, erasedDuringRewrap))).reason())
                    .isEqualTo("Reason: written during the rotation");
            assertThat(read(reader, stored.get(erased)).reason()).isEqualTo(PersonalData.ERASED);
            assertThat(read(reader, stored.get(erasedDuringRewrap)).reason()).isEqualTo(PersonalData.ERASED);
        });

        // The old key alone is refused now: the database is the new key's.
        service(P + "master-key=" + A, P + "master-key-id=council-2025").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("is not the one this database's personal data keys are wrapped with")
                    .hasMessageNotContaining(A).hasMessageNotContaining(B);
        });
    }

    @Test
    void a_start_with_data_keys_under_a_master_key_it_does_not_have_is_refused_naming_it_and_how_many() {
        String c = TestMasterKeys.random32();
        String d = TestMasterKeys.random32();
        try (OwnKeyDatabase own = OwnKeyDatabase.start()) {
            ApplicationContextRunner service = own.service();
            service.withPropertyValues(P + "master-key=" + c, P + "master-key-id=council-c").run(context -> {
                PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
                for (int i = 0; i < 3; i++) {
                    keys.forWriting(UUID.randomUUID().toString());
                }
            });
            // Rotated to D, but C forgotten before its keys were re-wrapped.
            service.withPropertyValues(P + "master-key=" + d, P + "master-key-id=council-d",
                    P + "previous-master-keys[0].master-key=" + c, P + "previous-master-keys[0].master-key-id=council-c")
                    .run(context -> assertThat(context).hasNotFailed());

            service.withPropertyValues(P + "master-key=" + d, P + "master-key-id=council-d").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("'council-c' (3 data keys)")
                        .hasMessageContaining(P + "previous-master-keys")
                        .hasMessageNotContaining(c).hasMessageNotContaining(d);
            });
        }
    }

    @Test
    void rewrap_on_start_moves_the_keys_once_the_service_is_up() {
        String c = TestMasterKeys.random32();
        String d = TestMasterKeys.random32();
        try (OwnKeyDatabase own = OwnKeyDatabase.start()) {
            ApplicationContextRunner service = own.service();
            Map<String, String> stored = new LinkedHashMap<>();
            service.withPropertyValues(P + "master-key=" + c, P + "master-key-id=council-c").run(context -> {
                ObjectMapper writer = EventJson.mapper(context.getBean(PersonalDataKeys.class));
                for (int i = 0; i < 7; i++) {
                    String child = UUID.randomUUID().toString();
                    stored.put(child, write(writer, child, "Reason " + i));
                }
            });

            service.withPropertyValues(P + "master-key=" + d, P + "master-key-id=council-d",
                    P + "previous-master-keys[0].master-key=" + c, P + "previous-master-keys[0].master-key-id=council-c",
                    P + "rewrap-on-start=true").run(context -> {
                DataKeyRewrap rewrap = context.getBean(DataKeyRewrap.class);
                assertThat(rewrap.status().lastRun()).isNull();
                context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                        context.getSourceApplicationContext(), Duration.ZERO));

                DataKeyRewrap.Status done = await().atMost(Duration.ofMinutes(1)).until(rewrap::status,
                        status -> status.lastRun() != null && status.lastRun().finishedAt() != null);
                assertThat(done.lastRun().startedBy()).isEqualTo(P + "rewrap-on-start");
                assertThat(done.lastRun().rewrapped()).isEqualTo(7);
                assertThat(done.masterKeys()).contains(new DataKeyRewrap.MasterKeyUse("council-d", true, true, 7, 0));
            });
            service.withPropertyValues(P + "master-key=" + d, P + "master-key-id=council-d").run(context -> {
                assertThat(context).hasNotFailed();
                ObjectMapper reader = EventJson.mapper(context.getBean(PersonalDataKeys.class));
                stored.values().forEach(json -> assertThat(read(reader, json).reason()).startsWith("Reason "));
            });
        }
    }

    private ApplicationContextRunner service(String... properties) {
        return database.service(properties);
    }

    private void assertEveryChildReads(ObjectMapper reader, Map<String, String> stored, List<String> children) {
        for (String child : children) {
            assertThat(read(reader, stored.get(child)).reason()).as(child).startsWith("Reason ")
                    .isNotEqualTo(PersonalData.ERASED);
        }
    }

    private static String newChildOf(Map<String, String> stored, List<String> children, String... erased) {
        return stored.keySet().stream().filter(child -> !children.contains(child) && !List.of(erased).contains(child))
                .findFirst().orElseThrow();
    }

    private Map<String, Long> masterKeyIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.query("SELECT master_key_id, count(*) FROM personal_data_keys GROUP BY master_key_id",
                (java.sql.ResultSet rows) -> {
                    ids.put(rows.getString(1), rows.getLong(2));
                });
        return ids;
    }

    private String masterKeyOf(String child) {
        return jdbc.queryForObject("SELECT master_key_id FROM personal_data_keys WHERE child_id = ?", String.class,
                child);
    }
}
