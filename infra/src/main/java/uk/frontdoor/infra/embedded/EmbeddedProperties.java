package uk.frontdoor.infra.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process servers of the embedded default profile.
 *
 * @param postgresPort 0 picks a free port
 * @param postgresDataDirectory empty for a fresh database each start; a path keeps data between starts
 * @param kafkaPort    9092 by default; 0 picks a free port (tests)
 */
@ConfigurationProperties("frontdoor.embedded")
public record EmbeddedProperties(
        @DefaultValue("0") int postgresPort,
        @DefaultValue("") String postgresDataDirectory,
        @DefaultValue("9092") int kafkaPort) {
}
