package uk.frontdoor.infra.wakeup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How event processors learn of new events.
 *
 * @param wakeUp       wake them when events are appended, on this node and (by PostgreSQL {@code NOTIFY})
 *                     on every other; off, they poll as Axon does by default (every 500 ms when idle)
 * @param pollInterval the fallback: with wake-up on, the event store looks for new events at least this
 *                     often even when nothing told it to (a notification lost while the listening
 *                     connection was down)
 */
@ConfigurationProperties("frontdoor.events")
public record EventWakeUpProperties(@DefaultValue("true") boolean wakeUp,
                                    @DefaultValue("1s") Duration pollInterval) {

    public EventWakeUpProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("frontdoor.events.poll-interval must be positive");
        }
    }
}
