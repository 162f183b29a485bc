package uk.frontdoor.infra.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process servers of the embedded default profile.
 *
 * @param postgresPort 0 picks a free port
 * @param postgresDataDirectory empty for a fresh database each start; a path keeps data between starts
 * @param kafkaPort    9092 by default; 0 picks a free port (tests)
 * @param postgresUrl  empty to start PostgreSQL in-process; a JDBC URL to use an already running one
 *                     instead (user {@code postgres}, no password), so that several instances on one
 *                     machine share one database
 */
@ConfigurationProperties("frontdoor.embedded")
public record EmbeddedProperties(
        @DefaultValue("0") int postgresPort,
        @DefaultValue("") String postgresDataDirectory,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("") String postgresUrl) {
}
