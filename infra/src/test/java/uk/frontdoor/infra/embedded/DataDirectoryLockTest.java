package uk.frontdoor.infra.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15's orphan: a service killed with -9 leaves its embedded PostgreSQL running on the kept data
 * directory. The next start must stop it and start its own on the same data, and must never take the
 * directory from a service that is still running.
 */
class DataDirectoryLockTest {

    @TempDir
    Path work;

    @Test
    void a_postgres_left_running_by_a_killed_start_is_stopped_and_its_data_kept() throws Exception {
        Path data = work.resolve("db");
        Process killed = javaMain(RunsEmbeddedPostgres.class, data);
        try (BufferedReader output = new BufferedReader(new InputStreamReader(killed.getInputStream()))) {
            assertThat(output.lines().filter("started"::equals).findFirst()).isPresent();
        }
        killed.destroyForcibly().waitFor(); // kill -9: its PostgreSQL runs on
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).hasValue(true);

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data, Duration.ofSeconds(60));
             EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(data)
                     .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            try (Connection connection = restarted.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT what FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("stored before the crash");
            }
        }
    }

    @Test
    void a_data_directory_in_use_by_another_running_service_is_refused_with_a_clear_message() throws Exception {
        Path data = work.resolve("db");
        Process other = javaMain(HoldsDataDirectoryLock.class, data);
        try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
            assertThat(output.lines().filter("locked"::equals).findFirst()).isPresent();

            assertThatThrownBy(() -> DataDirectoryLock.acquire(data, Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running front door")
                    .hasMessageContaining(data.toAbsolutePath().toString());
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
        // Once that service has gone, the directory is free again.
        DataDirectoryLock.acquire(data, Duration.ofSeconds(5)).close();
    }

    /** A main class of these tests in a JVM of its own, on this test's class path; its log goes to ours. */
    private static Process javaMain(Class<?> main, Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
