package uk.frontdoor.infra.dataprotection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uk.frontdoor.triage.dataprotection.DataProtectionConfiguration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * A PostgreSQL of a test's own holding only the personal data key tables, and the service's data protection on it
 * started as a council would start it with these settings: master keys in tests never meet the shared test
 * database's, and each start reads the keys afresh as a restart would.
 */
final class OwnKeyDatabase implements AutoCloseable {

    static final String SETTINGS = "frontdoor.data-protection.";

    private final EmbeddedPostgres postgres;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    private OwnKeyDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = postgres.getPostgresDatabase();
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V42__personal_data_keys.sql"),
                new ClassPathResource("db/migration/V50__data_key_rewraps.sql")).execute(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static OwnKeyDatabase start() {
        try {
            return new OwnKeyDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The data protection part of the service on this database, to {@code run} with these properties. */
    ApplicationContextRunner service(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(DataProtectionConfiguration.class)
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues(properties);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
