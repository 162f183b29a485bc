package uk.frontdoor.triage.dataprotection;

import uk.frontdoor.triage.child.erasure.ChildKeyShredder;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The children's data keys, wrapped by the master key from {@link DataProtectionProperties}. A missing or wrong
 * master key stops start-up here, before the event store can write anything.
 */
@Configuration
@EnableConfigurationProperties(DataProtectionProperties.class)
public class DataProtectionConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(DataProtectionProperties settings, JdbcTemplate jdbc, Clock clock) {
        MasterKeyRing masterKeys = MasterKeys.ring(settings);
        MasterKeyCheck.verify(jdbc, masterKeys, clock);
        return new JdbcPersonalDataKeys(jdbc, masterKeys, clock, settings.keyCacheSize(), settings.keyCacheTtl());
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
