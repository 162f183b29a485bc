package uk.frontdoor.triage.timeliness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.util.Map;

@Configuration
@EnableConfigurationProperties(TimelinessConfiguration.TimelinessProperties.class)
class TimelinessConfiguration {

    /**
     * @param warnAt             fraction of a clock's time at which it warns (default 0.75)
     * @param allowances         per duty, e.g. {@code MANAGER_AUTHORISATION: 2WH}, {@code RETURN_HOME_INTERVIEW: 72H}
     * @param strategyDiscussion per RAG, e.g. {@code RED: SAME_WORKING_DAY}, {@code AMBER: 3WD}
     * @param teams              the team that owns each duty on the duty manager's board
     */
    @ConfigurationProperties("frontdoor.timeliness")
    record TimelinessProperties(Double warnAt, Map<ClockType, Allowance> allowances,
                                Map<Priority, Allowance> strategyDiscussion, Map<ClockType, String> teams) {
    }

    @Bean
    TimelinessPolicy timelinessPolicy(WorkingCalendar calendar, TimelinessProperties properties) {
        return new TimelinessPolicy(calendar,
                properties.warnAt() == null ? TimelinessPolicy.DEFAULT_WARN_AT : properties.warnAt(),
                properties.allowances(), properties.strategyDiscussion(), properties.teams());
    }

    /** Lets configuration say {@code 3WD}, {@code 2WH}, {@code 72H} or {@code SAME_WORKING_DAY}. */
    @Bean
    @ConfigurationPropertiesBinding
    static AllowanceConverter allowanceConverter() {
        return new AllowanceConverter();
    }

    // A class, not a lambda: the binder reads the converter's generic types from its class.
    static final class AllowanceConverter implements Converter<String, Allowance> {
        @Override
        public Allowance convert(String source) {
            return Allowance.parse(source);
        }
    }
}
