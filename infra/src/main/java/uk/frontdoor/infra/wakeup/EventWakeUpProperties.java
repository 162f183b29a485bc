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
 * @param sharedDecoding stored events deserialised and decrypted once for every processor that reads them
 */
@ConfigurationProperties("frontdoor.events")
public record EventWakeUpProperties(@DefaultValue("true") boolean wakeUp,
                                    @DefaultValue("1s") Duration pollInterval,
                                    @DefaultValue Decoding sharedDecoding) {

    public EventWakeUpProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("frontdoor.events.poll-interval must be positive");
        }
    }

    /**
     * @param enabled     off: every processor deserialises and decrypts what it reads itself, as Axon does
     * @param window      decoded events kept on this instance: those of the most recent global indexes read
     * @param kept        how long after decoding an event is served decoded at most (it stays in memory, its
     *                    personal fields in plain text, until a later index takes its place; never served once the
     *                    child's key is destroyed)
     */
    public record Decoding(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("50000") int window,
                                 @DefaultValue("10m") Duration kept) {

        public Decoding {
            if (window < 1 || kept.isNegative() || kept.isZero()) {
                throw new IllegalArgumentException(
                        "frontdoor.events.shared-decoding.window and .kept must be positive");
            }
        }
    }
}
