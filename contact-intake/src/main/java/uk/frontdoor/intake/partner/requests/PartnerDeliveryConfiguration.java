package uk.frontdoor.intake.partner.requests;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The partner delivery processor ({@code partner-delivery}: partner checks, outcomes and feedback to the agencies'
 * Kafka reply topics) starts, the first time, at the head of the event store, not at its first event: a service
 * upgraded to this version must not send partners every check and outcome of the years before. From then on its
 * token carries it on from where it stopped, as any processor's does.
 */
@Configuration
class PartnerDeliveryConfiguration {

    static final String PROCESSING_GROUP = "partner-delivery";

    @Autowired
    void startAtTheHead(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(PROCESSING_GROUP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
