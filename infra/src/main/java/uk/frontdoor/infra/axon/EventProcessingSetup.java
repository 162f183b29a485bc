package uk.frontdoor.infra.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Read models must never silently skip an event. Axon's default only logs a failing handler and
 * moves on, so a queue could quietly lose a child's contact. Here a failure stops the segment,
 * which retries with back-off and shows as an error state until the cause is fixed.
 */
@Configuration
class EventProcessingSetup {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
