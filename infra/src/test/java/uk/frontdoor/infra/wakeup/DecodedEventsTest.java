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

    @Test
    void an_event_appended_here_is_served_as_appended_without_decoding_while_its_childs_key_is_held() {
        Object appended = new Object();
        decoded.appended("e10", appended, MetaData.with("traceId", "t"));
        decoded.appended("e11", new Object(), MetaData.emptyInstance());

        assertThat(decoded.decoded(10, "e10", decode("child-a")).payload()).isSameAs(appended);
        assertThat(decoded.decoded(10, "e10", decode("child-a")).metaData()).isEqualTo(MetaData.with("traceId", "t"));
        assertThat(decodings).hasValue(0);
        assertThat(decoded.takenFromAppends()).isEqualTo(1);

        // Another event id at the same global index (a different store, a row read before): decoded.
        assertThat(decoded.decoded(15, "e15", decode("child-a")).payload()).isNotSameAs(appended);
        assertThat(decodings).hasValue(1);
    }

    @Test
    void an_appended_event_whose_childs_key_is_gone_or_that_is_too_old_is_decoded_and_forget_drops_it() {
        decoded.appended("e10", childEvent("child-a"), MetaData.emptyInstance());
        destroyed.add("child-a");
        decoded.decoded(10, "e10", decode("child-a"));
        assertThat(decodings).hasValue(1);

        decoded.appended("e11", childEvent("child-b"), MetaData.emptyInstance());
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        decoded.decoded(11, "e11", decode("child-b"));
        assertThat(decodings).hasValue(2);

        decoded.appended("e12", childEvent("child-c"), MetaData.emptyInstance());
        assertThat(decoded.holds("child-c")).isTrue();
        decoded.forget("child-c");
        assertThat(decoded.holds("child-c")).isFalse();
        decoded.decoded(12, "e12", decode("child-c"));
        assertThat(decodings).hasValue(3);
        assertThat(decoded.takenFromAppends()).isZero();
    }

    @Test
    void a_key_found_held_is_not_asked_for_again_until_a_destruction_is_heard_of_or_a_second_has_passed() {
        AtomicLong heard = new AtomicLong();
        AtomicInteger asked = new AtomicInteger();
        DecodedEvents remembering = new DecodedEvents(child -> {
            asked.incrementAndGet();
            return !destroyed.contains(child);
        }, heard::get, children -> {
        }, 4, Duration.ofSeconds(60), now::get);
        Object first = remembering.decoded(10, "e10", decode("child-a")).payload();
        remembering.decoded(10, "e10", decode("child-a"));
        assertThat(asked).as("found held on the first use after decoding").hasValue(1);
        for (int use = 0; use < 5; use++) {
            assertThat(remembering.decoded(10, "e10", decode("child-a")).payload()).isSameAs(first);
        }
        assertThat(asked).as("no destruction heard of since").hasValue(1);

        // Destroyed here or heard of: the key store drops the key, then counts it. The next use asks, and is refused.
        destroyed.add("child-a");
        heard.incrementAndGet();
        assertThat(remembering.decoded(10, "e10", decode("child-a")).payload()).isNotSameAs(first);
        assertThat(asked).hasValue(2);

        // Another child's event, found held: asked again once a second has passed, whatever the count says.
        Object other = remembering.decoded(11, "e11", decode("child-b")).payload();
        remembering.decoded(11, "e11", decode("child-b"));
        assertThat(asked).hasValue(3);
        now.addAndGet(DecodedEvents.RECHECK_AFTER_NANOS + 1);
        destroyed.add("child-b");
        assertThat(remembering.decoded(11, "e11", decode("child-b")).payload()).as("a destruction not heard of")
                .isNotSameAs(other);
        assertThat(asked).hasValue(4);
    }

    @Test
    void an_appended_event_found_held_is_asked_for_again_once_a_destruction_is_heard_of() {
        AtomicLong heard = new AtomicLong();
        DecodedEvents remembering = new DecodedEvents(child -> !destroyed.contains(child), heard::get, children -> {
        }, 4, Duration.ofSeconds(60), now::get);
        Object appended = childEvent("child-a");
        remembering.appended("e10", appended, MetaData.emptyInstance());
        assertThat(remembering.decoded(10, "e10", decode("child-a")).payload()).isSameAs(appended);
        assertThat(remembering.decoded(10, "e10", decode("child-a")).payload()).isSameAs(appended);

        destroyed.add("child-a");
        heard.incrementAndGet();
        assertThat(remembering.decoded(10, "e10", decode("child-a")).payload()).isNotSameAs(appended);
        assertThat(decodings).hasValue(1);
    }

    /** A child's event, as the command handler made it. */
    private static Object childEvent(String childId) {
        return new uk.frontdoor.triage.api.ChildRecordLinked(uk.frontdoor.triage.api.value.ChildId.of(childId),
                uk.frontdoor.triage.api.value.ChildId.of("other"), "Same NHS number",
                new uk.frontdoor.triage.api.value.Actor("manager1",
                        uk.frontdoor.triage.api.staff.StaffRole.MANAGER, "demo-council"), java.time.Instant.EPOCH);
    }

    /** A decoding of a child's event, counted; a new payload object each time, as a deserialiser makes. */
    private Supplier<DecodedEvents.Decoded> decode(String childId) {
        return () -> {
            decodings.incrementAndGet();
            return new DecodedEvents.Decoded(new Object(), MetaData.emptyInstance(), childId);
        };
    }
}
