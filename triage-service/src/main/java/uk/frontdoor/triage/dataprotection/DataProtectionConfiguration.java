package uk.frontdoor.triage.dataprotection;

import uk.frontdoor.triage.child.erasure.ChildKeyShredder;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The children's data keys, wrapped by the master key from {@link DataProtectionProperties}. A missing or wrong
 * master key stops start-up here, before the event store can write anything.
 */
@Configuration
@EnableConfigurationProperties(DataProtectionProperties.class)
public class DataProtectionConfiguration {

    /** Data keys re-wrapped a transaction: short locks, few round trips. */
    static final int REWRAP_BATCH = 500;

    /** The current and previous master keys, checked against the database before anything uses them. */
    @Bean
    MasterKeyRing masterKeyRing(DataProtectionProperties settings, JdbcTemplate jdbc, Clock clock) {
        MasterKeyRing masterKeys = MasterKeys.ring(settings);
        MasterKeyCheck.verify(jdbc, masterKeys, clock);
        return masterKeys;
    }

    @Bean
    PersonalDataKeys personalDataKeys(MasterKeyRing masterKeys, DataProtectionProperties settings, JdbcTemplate jdbc,
                                      Clock clock) {
        return new JdbcPersonalDataKeys(jdbc, masterKeys, clock, settings.keyCacheSize(), settings.keyCacheTtl());
    }

    /**
     * Its batches run on a thread of their own, in transactions of their own on the same database: a transaction
     * manager of its own keeps them independent of whichever one the rest of the service uses.
     */
    @Bean
    DataKeyRewrap dataKeyRewrap(MasterKeyRing masterKeys, JdbcTemplate jdbc, Clock clock) {
        return new DataKeyRewrap(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                masterKeys, clock, REWRAP_BATCH);
    }

    /** {@code rewrap-on-start}: once the service is up, and only if some data key is under a previous master key. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> rewrapOnStart(DataProtectionProperties settings, DataKeyRewrap rewrap) {
        return ready -> {
            if (settings.rewrapOnStart() && rewrap.anyUnderPreviousKeys()) {
                try {
                    rewrap.start(MasterKeys.PREFIX + "rewrap-on-start", "SYSTEM");
                } catch (DataKeyRewrap.AlreadyRunning alreadyRunning) {
                    // Started by a system manager in the moment since start-up: one run is enough.
                }
            }
        };
    }

    /** Run by Flyway (Spring Boot hands it every JavaMigration bean): needs the master key, which scanning cannot give. */
    /** Erasure's key step (crypto-shredding): the child's data key destroyed, in the erasure's transaction. */
    @Bean
    ChildKeyShredder childKeyShredder(PersonalDataKeys keys) {
        return keys::destroy;
    }

    @Bean
    JavaMigration encryptPersonalDataStoredInPlainText(DataProtectionProperties settings, Clock clock) {
        return new V43__Encrypt_personal_data_stored_in_plain_text(settings, clock);
    }
}
