package uk.frontdoor.infra.matching;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * The embedded PostgreSQL with every migration applied, without the rest of the service: what
 * {@code CandidateFinder} needs, started in a second or two.
 */
final class MatchingDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataSource dataSource;

    private MatchingDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // A pool, as the service has: the embedded server's own data source opens a connection per statement.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        this.dataSource = new HikariDataSource(pool);
        // One role, as the embedded default has (application.yml's spring.flyway.placeholders.runtimeRole).
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("runtimeRole", "")).load().migrate();
    }

    static MatchingDatabase start() throws IOException {
        return new MatchingDatabase(EmbeddedPostgres.builder()
                // Room for a million children's rows and their indexes in memory, as a real server would have.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("synchronous_commit", "off")
                .start());
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() throws IOException {
        ((HikariDataSource) dataSource).close();
        postgres.close();
    }

    /**
     * A test class's own database, started before its first test and closed after its last:
     * {@code @RegisterExtension static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();}
     * (the class's {@code @BeforeAll} methods already see it started).
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private MatchingDatabase database;
        private JdbcClient jdbc;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            database = start();
            jdbc = database.jdbc();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (database != null) {
                database.close();
            }
        }

        JdbcClient jdbc() {
            return jdbc;
        }

        DataSource dataSource() {
            return database.dataSource();
        }
    }
}
