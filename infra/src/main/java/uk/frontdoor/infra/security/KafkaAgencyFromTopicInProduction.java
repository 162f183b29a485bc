package uk.frontdoor.infra.security;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.IntakeProperties.AgencyFrom;

/**
 * On the prod profile a Kafka message's agency comes from the agency's own topic, which only its authenticated
 * principal may write to; the header mode, where any producer names any agency, is refused at start-up even if a
 * setting asks for it.
 */
@Component
@Profile("prod")
class KafkaAgencyFromTopicInProduction {

    KafkaAgencyFromTopicInProduction(IntakeProperties intake) {
        if (intake.agencyFrom() != AgencyFrom.TOPIC) {
            throw new IllegalStateException("frontdoor.intake.agency-from=" + intake.agencyFrom() + " is for the embedded "
                    + "default only: on the prod profile each partner agency publishes to its own topic ("
                    + intake.agencyTopicPrefix() + "<agency code>), writable only by its own Kafka principal");
        }
    }
}
