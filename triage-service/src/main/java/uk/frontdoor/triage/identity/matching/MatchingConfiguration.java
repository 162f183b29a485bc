package uk.frontdoor.triage.identity.matching;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.MatchParameters;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.time.Duration;
import java.util.Map;

/**
 * The one {@link ChildMatcher} of the service: the shipped match parameters
 * ({@code match-parameters.properties} in child-matching), with any key a deployment overrides under
 * {@code frontdoor.matching.parameters} (for example {@code frontdoor.matching.parameters.threshold.confident=8}
 * and a new {@code version}). Every match decision records the version it was made under.
 */
@Configuration
@EnableConfigurationProperties({MatchingConfiguration.MatchingProperties.class,
        MatchingConfiguration.HeldVariantsProperties.class})
class MatchingConfiguration {

    @Bean
    ChildMatcher childMatcher(MatchingProperties properties) {
        return new ChildMatcher(properties.parameters().isEmpty() ? MatchParameters.defaults()
                : MatchParameters.from(properties.parameters()));
    }

    /**
     * The candidate search, holding known children's parsed variants between searches ({@link HeldVariants}) when the
     * data-key store counts the destructions it hears of (each drops everything held).
     */
    @Bean
    CandidateFinder candidateFinder(JdbcClient jdbc, HeldVariantsProperties settings,
                                    ObjectProvider<PersonalDataKeys> keys, ObjectProvider<MeterRegistry> meters) {
        PersonalDataKeys dataKeys = keys.getIfAvailable();
        CandidateFinder finder = dataKeys == null ? new CandidateFinder(jdbc)
                : new CandidateFinder(jdbc, settings.maximumSize(), settings.idle(), dataKeys::destructionsHeard);
        meters.ifAvailable(registry -> {
            // Counts only: no child's data in a label.
            String name = "frontdoor.matching.candidate.variants";
            String description = "Candidates' variants whose facts were taken from memory or read from the store";
            FunctionCounter.builder(name, finder, CandidateFinder::variantsFromMemory).tag("from", "memory")
                    .description(description).register(registry);
            FunctionCounter.builder(name, finder, CandidateFinder::variantsRead).tag("from", "store")
                    .description(description).register(registry);
        });
        return finder;
    }

    /**
     * @param maximumSize known children whose parsed variants are held at most; 0 holds none
     * @param idle        how long a child's variants unused stay held (its personal data too)
     */
    @ConfigurationProperties("frontdoor.matching.held-variants")
    record HeldVariantsProperties(@DefaultValue("20000") long maximumSize, @DefaultValue("10m") Duration idle) {
    }

    /** @param parameters flat keys as in the shipped file; unset keys keep the shipped values */
    @ConfigurationProperties("frontdoor.matching")
    record MatchingProperties(Map<String, String> parameters) {
        MatchingProperties {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }
}
