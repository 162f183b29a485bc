package uk.frontdoor.intake.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.value.AgencyCode;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many submissions each partner agency may send over HTTP in a period, so that one partner's
 * flood (a system replaying its whole outbox, a loop) cannot crowd out the others. Kafka needs no
 * limit: a consumer takes messages at its own pace.
 *
 * @param rateLimits       per agency code
 * @param defaultRateLimit for agencies without their own; none means no limit
 */
@ConfigurationProperties("frontdoor.partners")
public record PartnerRateLimits(@DefaultValue Map<String, Limit> rateLimits, Limit defaultRateLimit) {

    public PartnerRateLimits {
        rateLimits = Map.copyOf(rateLimits);
    }

    /** At most {@code requests} submissions in any {@code per}. */
    public record Limit(int requests, Duration per) {

        public Limit {
            Objects.requireNonNull(per, "a rate limit needs its period (per)");
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit allows at least 1 request in a positive period");
            }
        }
    }

    public Optional<Limit> limitFor(AgencyCode agency) {
        return Optional.ofNullable(rateLimits.getOrDefault(agency.value(), defaultRateLimit));
    }
}
