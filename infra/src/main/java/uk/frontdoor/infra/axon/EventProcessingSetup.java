package uk.frontdoor.infra.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Read models must never silently skip an event. Axon's default only logs a failing handler and
 * moves on, so a queue could quietly lose a child's contact. Here a failure is counted and logged,
 * then rethrown: the processor stops at that event and retries it with back-off until the cause is
 * fixed, and nothing after it is processed out of order.
 */
@Configuration
class EventProcessingSetup {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing, MeterRegistry meters) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> new VisibleFailures(meters));
    }

    /**
     * No Axon message monitor (Micrometer timers and counters looked up for every event) on the read
     * models' processors: in a replay they cost more than the projections' own work. What operations
     * watch of a read model is its lag ({@link ProjectionLagMetrics}) and its failures
     * ({@link VisibleFailures}); the command bus, query bus and event store keep Axon's metrics.
     */
    @Autowired
    void noPerEventMonitors(EventProcessingConfigurer processing, EventProcessorProperties processors) {
        for (String name : processors.getProcessors().keySet()) {
            processing.registerMessageMonitorFactory(name,
                    (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
        }
    }

    /**
     * Every pooled processor's work packages get a buffer that knows its length ({@link CountedWorkQueues}), before
     * the processors start.
     */
    @Bean
    ConfigurerModule countedWorkQueues() {
        return configurer -> configurer.onInitialize(axon -> axon.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> axon.eventProcessingConfiguration().eventProcessors().values()
                        .forEach(CountedWorkQueues::install)));
    }

    static final class VisibleFailures implements ListenerInvocationErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(VisibleFailures.class);

        private final MeterRegistry meters;

        VisibleFailures(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void onError(Exception failure, EventMessage<?> event, EventMessageHandler handler) throws Exception {
            String projection = handler.getTargetType().getSimpleName();
            String eventType = event.getPayloadType().getSimpleName();
            Counter.builder("frontdoor.projection.failures")
                    .description("Event handler failures in read models; each is retried, never skipped")
                    .tag("projection", projection)
                    .tag("event", eventType)
                    .register(meters)
                    .increment();
            // The class only: database errors can quote the values they choked on.
            log.error("Projection {} failed on {} event {}; it will be retried: {}", projection, eventType,
                    event.getIdentifier(), failure.getClass().getName());
            throw failure;
        }
    }
}
