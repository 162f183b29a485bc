package uk.frontdoor.infra.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production's two database roles: the migrations' (which owns every table) and the service's runtime role, given its
 * privileges by {@code R__runtime_role_privileges.sql}. Run here as the embedded database's owner for a fresh runtime
 * role: the service's work is allowed, the record of views can only be read and added to, and nothing the runtime
 * role does can remove its append-only trigger.
 */
class RuntimeRolePrivilegesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void the_runtime_role_writes_the_services_tables_but_can_only_add_to_the_record_of_views() throws Exception {
        String role = "frontdoor_runtime_" + UUID.randomUUID().toString().substring(0, 8);
        String later = "later_" + role;
        jdbc.sql("CREATE ROLE " + role + " NOLOGIN").update();
        try (Connection connection = dataSource.getConnection(); Statement owner = connection.createStatement()) {
            owner.execute(grants(role));
            owner.execute("CREATE TABLE " + later + " (id BIGSERIAL PRIMARY KEY, note TEXT)");
            connection.setAutoCommit(false);
            try (Statement runtime = connection.createStatement()) {
                runtime.execute("SET LOCAL ROLE " + role);
                runtime.execute("INSERT INTO record_views (child_id, viewed_by, role, viewed_at, what) "
                        + "VALUES ('c', 'sw9', 'SOCIAL_WORKER', now(), 'chronology page')");
                runtime.execute("INSERT INTO projection_rebuilds (projection, started_by, started_role, started_at, "
                        + "head_at_start) VALUES ('x', 'sys1', 'SYSTEM_MANAGER', now(), 0)");
                runtime.execute("SELECT count(*) FROM domainevententry");
                runtime.execute("SELECT purge_record_views(now() - interval '2 years')");
                // The notifications' outbox: queued by the processor, claimed and marked by the senders, pruned.
                runtime.execute("INSERT INTO notification_outbox (event_id, template, recipients, subject, body, "
                        + "created_at, next_attempt_at) VALUES ('" + role + "', 'breach', ARRAY['a@example.org'], 's', "
                        + "'b', now(), now()) ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING");
                runtime.execute("SELECT id FROM notification_outbox WHERE sent_at IS NULL AND event_id = '" + role
                        + "' FOR UPDATE SKIP LOCKED");
                runtime.execute("UPDATE notification_outbox SET sent_at = now() WHERE event_id = '" + role + "'");
                runtime.execute("DELETE FROM notification_outbox WHERE sent_at IS NOT NULL AND event_id = '" + role + "'");
                // A table the owner's migrations add later is the runtime role's to use too (default privileges).
                runtime.execute("INSERT INTO " + later + " (note) VALUES ('added later')");
                runtime.execute("SAVEPOINT before_refusals");
                for (String refused : new String[]{"UPDATE record_views SET viewed_by = 'someone else'",
                        "DELETE FROM record_views", "TRUNCATE record_views"}) {
                    assertThatThrownBy(() -> runtime.execute(refused)).as(refused)
                            .hasMessageContaining("permission denied");
                    runtime.execute("ROLLBACK TO SAVEPOINT before_refusals");
                }
                assertThatThrownBy(() -> runtime.execute("DROP TRIGGER record_views_append_only ON record_views"))
                        .hasMessageContaining("must be owner");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                owner.execute("DROP TABLE " + later);
                owner.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM " + role);
                owner.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM " + role);
                owner.execute("DROP OWNED BY " + role);
                owner.execute("DROP ROLE " + role);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE script = ?")
                .param("R__runtime_role_privileges.sql").query(Long.class).single())
                .as("the script ran with the migrations (a no-op there: one role)").isEqualTo(1);
    }

    /** The repeatable migration, with its placeholder as Flyway fills it. */
    private static String grants(String role) throws IOException {
        try (InputStream in = RuntimeRolePrivilegesIntegrationTest.class
                .getResourceAsStream("/db/migration/R__runtime_role_privileges.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${runtimeRole}", role);
        }
    }
}
