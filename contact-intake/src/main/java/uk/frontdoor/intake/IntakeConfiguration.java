package uk.frontdoor.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerRateLimits;
import uk.frontdoor.intake.partner.outcome.ReferrerFeedbackProperties;
import uk.frontdoor.intake.partner.requests.PartnerRequestProperties;
import uk.frontdoor.intake.submission.SubmissionReader;
import uk.frontdoor.rules.Indicator;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties({IntakeProperties.class, uk.frontdoor.intake.kafka.DeadLetterRetention.class, PartnerAgencies.class, PartnerRateLimits.class,
        PartnerRequestProperties.class, ReferrerFeedbackProperties.class})
class IntakeConfiguration {

    @Bean
    SubmissionReader submissionReader(ObjectMapper mapper, Clock clock, IntakeProperties properties) {
        return new SubmissionReader(mapper, clock, Indicator::isKnown, properties.maxSubmissionSize().toBytes());
    }
}
