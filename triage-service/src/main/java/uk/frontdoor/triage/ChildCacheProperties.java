package uk.frontdoor.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many children's records one instance keeps in memory between commands, and for how long unused. A child
 * not held is read from the event store again; one held is used only while nobody has appended to it since.
 *
 * @param maximumSize children held at most
 * @param idle        how long a child unused stays held (its personal data too, decrypted)
 */
@ConfigurationProperties("frontdoor.triage.child-cache")
public record ChildCacheProperties(@DefaultValue("10000") long maximumSize, @DefaultValue("10m") Duration idle) {
}
