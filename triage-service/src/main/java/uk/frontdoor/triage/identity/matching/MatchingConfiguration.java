package uk.frontdoor.triage.identity.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.MatchParameters;

import java.util.Map;

/**
 * The one {@link ChildMatcher} of the service: the shipped match parameters
 * ({@code match-parameters.properties} in child-matching), with any key a deployment overrides under
 * {@code frontdoor.matching.parameters} (for example {@code frontdoor.matching.parameters.threshold.confident=8}
 * and a new {@code version}). Every match decision records the version it was made under.
 */
@Configuration
@EnableConfigurationProperties(MatchingConfiguration.MatchingProperties.class)
class MatchingConfiguration {

    @Bean
    ChildMatcher childMatcher(MatchingProperties properties) {
        return new ChildMatcher(properties.parameters().isEmpty() ? MatchParameters.defaults()
                : MatchParameters.from(properties.parameters()));
    }

    /** @param parameters flat keys as in the shipped file; unset keys keep the shipped values */
    @ConfigurationProperties("frontdoor.matching")
    record MatchingProperties(Map<String, String> parameters) {
        MatchingProperties {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }
}
