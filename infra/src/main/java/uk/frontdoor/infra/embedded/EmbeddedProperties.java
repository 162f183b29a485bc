package uk.frontdoor.infra.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The in-process servers of the embedded default profile.
 *
 * @param postgresPort 0 picks a free port
 * @param postgresDataDirectory empty for a fresh database each start; a path keeps data between starts
 * @param kafkaPort    9092 by default; 0 picks a free port (tests)
 * @param postgresUrl  empty to start PostgreSQL in-process; a JDBC URL to use an already running one
 *                     instead (user {@code postgres}, no password), so that several instances on one
 *                     machine share one database
 * @param smtpPort     the in-process mail server's SMTP port, 3025 by default (0 picks a free one: tests); the
 *                     service's emails go there
 * @param imapPort     its IMAP port, 3143 by default (0: a free one), to read what was sent with any mail client
 *                     (user and password: the address)
 * @param postgresSettings server settings for the in-process PostgreSQL, beside the embedded defaults
 *                     (for example {@code shared_buffers}, or {@code shared_preload_libraries=pg_stat_statements}
 *                     to see where a benchmark's database time goes)
 */
@ConfigurationProperties("frontdoor.embedded")
public record EmbeddedProperties(
        @DefaultValue("0") int postgresPort,
        @DefaultValue("") String postgresDataDirectory,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("") String postgresUrl,
        Map<String, String> postgresSettings,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("3143") int imapPort) {

    public EmbeddedProperties {
        postgresSettings = postgresSettings == null ? Map.of() : Map.copyOf(postgresSettings);
    }
}
