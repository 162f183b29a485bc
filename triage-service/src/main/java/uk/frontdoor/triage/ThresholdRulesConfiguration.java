package uk.frontdoor.triage;

import uk.frontdoor.triage.child.reception.ReferralStandard;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.rules.Priority;
import uk.frontdoor.rules.ResponseScheme;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.timeliness.OfficeHoursProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The threshold rules the service runs on. Every rule set is loaded and compiled at start-up: a
 * broken file stops the service with a message naming the file, the rule and the error, so it
 * never runs on half a rule set.
 */
@Configuration
@EnableConfigurationProperties({ThresholdRulesConfiguration.RulesProperties.class, OfficeHoursProperties.class,
        ThresholdRulesConfiguration.ReferralStandardProperties.class})
public class ThresholdRulesConfiguration {

    /**
     * @param directory    a folder of rule-set files to use instead of the shipped ones
     * @param responseTime the partnership's RAG scheme, in working time, i.e. office hours (default red 4h, amber 8h
     *                     = one working day, green 24h = three)
     */
    @ConfigurationProperties("frontdoor.rules")
    public record RulesProperties(@DefaultValue("") String directory, Map<Priority, Duration> responseTime) {
    }

    /**
     * @param file the council's referral standard (YAML, see the shipped referral-standard/demo-council.yaml); empty
     *             for the shipped one
     */
    @ConfigurationProperties("frontdoor.referral-standard")
    public record ReferralStandardProperties(@DefaultValue("") String file) {
    }

    /** Loaded and checked at start-up, like the rules: a broken file stops the service, naming the fault. */
    @Bean
    ReferralStandard referralStandard(ReferralStandardProperties properties) {
        return properties.file().isBlank()
                ? ReferralStandard.loadDefault()
                : ReferralStandard.load(Path.of(properties.file()));
    }

    @Bean
    RuleSetCatalogue ruleSetCatalogue(RulesProperties properties) {
        return properties.directory().isBlank()
                ? RuleSetCatalogue.loadDefault()
                : RuleSetCatalogue.load(Path.of(properties.directory()));
    }

    @Bean
    WorkingCalendar workingCalendar(OfficeHoursProperties officeHours) {
        return WorkingCalendar.englandAndWales(officeHours.officeHours());
    }

    @Bean
    ThresholdEngine thresholdEngine(RuleSetCatalogue catalogue, WorkingCalendar calendar, RulesProperties properties) {
        ResponseScheme scheme = ResponseScheme.defaults();
        if (properties.responseTime() != null && !properties.responseTime().isEmpty()) {
            var configured = new EnumMap<Priority, Duration>(Priority.class);
            configured.putAll(properties.responseTime());
            scheme = new ResponseScheme(configured);
        }
        return new ThresholdEngine(catalogue, calendar, scheme);
    }
}
