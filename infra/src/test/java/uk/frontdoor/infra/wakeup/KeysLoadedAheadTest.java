package uk.frontdoor.infra.wakeup;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream processors read through {@link SharedDecoding}: its children's keys read ahead, a group at a time. */
class KeysLoadedAheadTest {

    /** An in-memory store whose events carry the JDBC store's kind of token (it says their global index). */
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine() {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return super.readEvents(null, mayBlock).map(read -> new GenericTrackedDomainEventMessage<>(
                    GapAwareTrackingToken.newInstance(((GlobalSequenceTrackingToken) read.trackingToken()).getGlobalIndex(),
                            List.of()), (DomainEventMessage<?>) read));
        }
    };
    private final List<Collection<String>> loaded = new ArrayList<>();
    private final DecodedEvents decoded = new DecodedEvents(child -> true, children -> loaded.add(List.copyOf(children)),
            16, Duration.ofMinutes(1), System::nanoTime);
    private final SharedDecoding engine = new SharedDecoding(store, JacksonSerializer.defaultSerializer(), decoded);

    @Test
    void the_keys_of_each_group_of_events_are_read_in_one_go_before_the_group_is_handed_out_in_order() {
        List<String> appended = new ArrayList<>();
        Set<String> childrenAppended = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            // Children with one event or two; every tenth event is not a child's.
            String type = i % 10 == 9 ? "Other" : "Child";
            String id = type.equals("Child") ? "child-" + (i % 130) : "other-" + i;
            GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>(type, id, i, "payload " + i);
            store.appendEvents(event);
            appended.add(event.getIdentifier());
            if (type.equals("Child")) {
                childrenAppended.add(id);
            }
        }

        List<String> read = engine.readEvents(null, false).map(TrackedEventMessage::getIdentifier).toList();

        assertThat(read).containsExactlyElementsOf(appended);
        assertThat(loaded).as("one load a group of %d events", SharedDecoding.READ_AHEAD).hasSize(3);
        assertThat(loaded).allSatisfy(children -> assertThat(children).hasSizeLessThanOrEqualTo(SharedDecoding.READ_AHEAD)
                .allSatisfy(child -> assertThat(child).startsWith("child-")));
        Set<String> children = new HashSet<>();
        loaded.forEach(children::addAll);
        assertThat(children).isEqualTo(childrenAppended);
    }

    @Test
    void an_event_held_decoded_does_not_have_its_childs_key_read_again() {
        GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>("Child", "child-a", 0, "payload");
        store.appendEvents(event);
        decoded.decoded(0, event.getIdentifier(), () -> DecodedEvents.of("payload", event.getMetaData()));

        assertThat(engine.readEvents(null, false)
                .map(TrackedEventMessage::getIdentifier).toList()).containsExactly(event.getIdentifier());
        assertThat(loaded).isEmpty();
    }
}
