package uk.frontdoor.triage.dataprotection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Clock;
import java.time.Duration;

/**
 * Encrypts the personal fields of every event stored before they were encrypted ({@link StoredPlainText}), in
 * the migration's transaction: once it has run, no child's personal data is in the event store in plain text.
 * It needs the master key, so it is a Spring bean (Spring Boot gives Flyway every {@code JavaMigration} bean),
 * not a class Flyway finds by scanning; it checks the master key first, as start-up does.
 */
public class V43__Encrypt_personal_data_stored_in_plain_text extends BaseJavaMigration {

    private final DataProtectionProperties settings;
    private final Clock clock;

    V43__Encrypt_personal_data_stored_in_plain_text(DataProtectionProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        MasterKeyRing masterKeys = MasterKeys.ring(settings);
        MasterKeyCheck.verify(jdbc, masterKeys, clock);
        StoredPlainText.encryptAll(jdbc, new JdbcPersonalDataKeys(jdbc, masterKeys, clock, 10_000, Duration.ofHours(1)));
    }
}
