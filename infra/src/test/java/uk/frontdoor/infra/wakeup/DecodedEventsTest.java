package uk.frontdoor.infra.wakeup;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedEventsTest {

    private final AtomicLong now = new AtomicLong();
    private final Set<String> destroyed = new HashSet<>();
    private final DecodedEvents decoded = new DecodedEvents(child -> !destroyed.contains(child), 4,
            Duration.ofSeconds(60), now::get);
    private final AtomicInteger decodings = new AtomicInteger();

    @Test
    void an_event_is_decoded_once_while_it_is_in_the_window_and_again_once_a_later_index_takes_its_place() {
        Object first = decoded.decoded(10, "e10", decode("child-a")).payload();
        assertThat(decoded.decoded(10, "e10", decode("child-a")).payload()).isSameAs(first);
        assertThat(decodings).hasValue(1);

        decoded.decoded(14, "e14", decode("child-a"));
        assertThat(decoded.decoded(10, "e10", decode("child-a")).payload()).isNotSameAs(first);
        assertThat(decodings).hasValue(3);
    }

    @Test
    void nothing_decoded_longer_ago_than_kept_is_served() {
        Object first = decoded.decoded(10, "e10", decode("child-a")).payload();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(decoded.decoded(10, "e10", decode("child-a")).payload()).isNotSameAs(first);
    }

    @Test
    void once_the_childs_key_is_gone_its_decoded_events_are_never_served_and_are_dropped_when_told() {
        Object first = decoded.decoded(10, "e10", decode("child-a")).payload();
        decoded.decoded(11, "e11", decode("child-b"));

        destroyed.add("child-a");
        assertThat(decoded.decoded(10, "e10", decode("child-a")).payload()).isNotSameAs(first);
        assertThat(decoded.holds("child-b")).isTrue();

        decoded.decoded(12, "e12", decode("child-b"));
        decoded.forget("child-b");
        assertThat(decoded.holds("child-b")).isFalse();
    }

    /** A decoding of a child's event, counted; a new payload object each time, as a deserialiser makes. */
    private Supplier<DecodedEvents.Decoded> decode(String childId) {
        return () -> {
            decodings.incrementAndGet();
            return new DecodedEvents.Decoded(new Object(), MetaData.emptyInstance(), childId);
        };
    }
}
