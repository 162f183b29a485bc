package uk.frontdoor.infra.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled  publish demo contacts (embedded profile only)
 * @param interval time between two contacts
 * @param seed     makes the feed repeatable
 */
@ConfigurationProperties("frontdoor.demo-feed")
public record DemoFeedProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("20261123") long seed) {
}
