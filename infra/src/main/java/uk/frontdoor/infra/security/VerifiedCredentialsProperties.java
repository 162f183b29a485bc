package uk.frontdoor.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a member of staff's verified password is remembered (see {@link VerifiedCredentials}).
 *
 * @param timeToLive  how long after a successful check the same credentials are accepted without bcrypt;
 *                    zero checks every request with bcrypt
 * @param maximumSize how many verified credentials are remembered at most
 */
@ConfigurationProperties("frontdoor.security.verified-credentials")
public record VerifiedCredentialsProperties(@DefaultValue("5m") Duration timeToLive,
                                            @DefaultValue("10000") long maximumSize) {

    public VerifiedCredentialsProperties {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("frontdoor.security.verified-credentials.time-to-live must not be negative");
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("frontdoor.security.verified-credentials.maximum-size must be positive");
        }
    }
}
