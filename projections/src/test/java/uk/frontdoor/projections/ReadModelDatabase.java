package uk.frontdoor.projections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM for the read models' tests, migrated by this module's own Flyway
 * scripts ({@code classpath:db/migration} holds only the projections' scripts here), so a read model
 * is tested alone, with the schema a council's database has.
 *
 * <p>The one table of another module those scripts touch is Axon's token table (V10, V12 and V14
 * delete a processor's tokens to make it replay); the service creates it in triage-service's V1, and
 * here a test-only Java migration at that version does ({@code testdb.V1__axon_token_table}).
 */
public final class ReadModelDatabase {

    private static final ReadModelDatabase INSTANCE = start();

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final List<String> migrations;

    private ReadModelDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource, List<String> migrations) {
        this.postgres = postgres;
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    public static ReadModelDatabase get() {
        return INSTANCE;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** The versions Flyway applied from this module's scripts, in order. */
    public List<String> migrations() {
        return migrations;
    }

    /** Every row of a table, ordered by the given columns: what a test compares before and after a replay. */
    public List<Map<String, Object>> rows(String table, String orderBy) {
        return jdbc().sql("SELECT * FROM " + table + " ORDER BY " + orderBy).query().listOfRows();
    }

    /** The JSON settings the service's projections get from Spring Boot (dates as ISO text, no nulls). */
    public static ObjectMapper json() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private static ReadModelDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setDataSource(postgres.getPostgresDatabase());
            dataSource.setMaximumPoolSize(4);
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:uk/frontdoor/projections/testdb")
                    .load()
                    .migrate();
            List<String> versions = result.migrations.stream().map(migration -> migration.version).toList();
            ReadModelDatabase database = new ReadModelDatabase(postgres, dataSource, versions);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "read-model-database-stop"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        dataSource.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
