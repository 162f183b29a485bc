package uk.frontdoor.triage.work;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.timeliness.Allowance;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

@Configuration
@EnableConfigurationProperties(TriageWorkConfiguration.TriageProperties.class)
class TriageWorkConfiguration {

    /**
     * @param agencies        agency codes beyond the defaults (police, health, education, probation,
     *                        housing, youth justice, adult services, social care)
     * @param partnerCheckDue working time for a partner's reply by RAG (default red 2h, amber 6h, green 24h)
     * @param partnerCheckDueByAgency an agency's own allowances by RAG, e.g. {@code POLICE: {RED: 1WH}}
     */
    @ConfigurationProperties("frontdoor.triage")
    record TriageProperties(List<String> agencies, Map<Priority, Duration> partnerCheckDue,
                            Map<String, Map<Priority, Allowance>> partnerCheckDueByAgency) {
    }

    @Bean
    TriagePolicy triagePolicy(WorkingCalendar calendar, TriageProperties properties) {
        var agencies = new HashSet<>(TriagePolicy.DEFAULT_AGENCIES);
        if (properties.agencies() != null) {
            agencies.addAll(properties.agencies());
        }
        return new TriagePolicy(calendar, agencies,
                properties.partnerCheckDue() == null ? Map.of() : properties.partnerCheckDue(),
                properties.partnerCheckDueByAgency() == null ? Map.of() : properties.partnerCheckDueByAgency());
    }
}
