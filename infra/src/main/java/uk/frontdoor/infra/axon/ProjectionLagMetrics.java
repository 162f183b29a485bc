package uk.frontdoor.infra.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code frontdoor.projection.lag{projection}}: events in the store that a projection has not yet
 * handled, for every streaming processor there is once the application is up. The tag is the
 * processing group's name, never personal data. The store's head is read at most once a second
 * however many projections are scraped.
 */
@Component
class ProjectionLagMetrics {

    private static final Duration HEAD_FRESH_FOR = Duration.ofSeconds(1);

    private final AxonProjectionAdmin admin;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile Head head = new Head(Instant.MIN, 0);

    ProjectionLagMetrics(AxonProjectionAdmin admin, MeterRegistry meters, Clock clock) {
        this.admin = admin;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        admin.processors().keySet().forEach(name ->
                Gauge.builder("frontdoor.projection.lag", this, metrics -> metrics.lag(name))
                        .description("Events in the event store not yet handled by this projection")
                        .tag("projection", name)
                        .register(meters));
    }

    private double lag(String name) {
        StreamingEventProcessor processor = admin.processors().get(name);
        if (processor == null) {
            return Double.NaN;
        }
        return Math.max(0, head() - admin.positionOf(processor));
    }

    private long head() {
        Head seen = head;
        Instant now = clock.instant();
        if (seen.readAt().plus(HEAD_FRESH_FOR).isAfter(now)) {
            return seen.index();
        }
        Head fresh = new Head(now, admin.head());
        head = fresh;
        return fresh.index();
    }

    private record Head(Instant readAt, long index) {
    }
}
