package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.child.ChildStreams;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many children's streams read in one statement give each child exactly the events a load of that child gives
 * (upcast, decrypted, in order), on the real event store.
 */
class ChildStreamsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private ChildStreams streams;
    @Autowired
    private EventStore eventStore;

    @Test
    void each_childs_stream_read_together_is_the_stream_a_load_of_the_child_reads() {
        ObjectNode first = submission();
        String twice = childOf(contactIdOf(postContact(POLICE_KEY, first)));
        ObjectNode again = sentBy(SCHOOL_KEY, submission());
        again.set("child", first.get("child").deepCopy());
        assertThat(childOf(contactIdOf(postContact(SCHOOL_KEY, again)))).isEqualTo(twice);
        String once = childOf(contactIdOf(postContact(HEALTH_KEY, sentBy(HEALTH_KEY, submission()))));
        String none = UUID.randomUUID().toString();

        Map<String, List<ChildEvent>> read = streams.read(List.of(once, none, twice));

        assertThat(read.keySet()).containsExactly(once, none, twice);
        assertThat(read.get(none)).isEmpty();
        for (String child : List.of(once, twice)) {
            List<ChildEvent> loaded = EventStreamUtils.asStream(eventStore.readEvents(child))
                    .map(event -> (ChildEvent) event.getPayload()).toList();
            assertThat(read.get(child)).as(child).hasSizeGreaterThan(1).containsExactlyElementsOf(loaded);
        }
        assertThat(read.get(twice)).hasSizeGreaterThan(read.get(once).size());

        // Deserialised on a helper thread as well, each child on one: the same children in the same order, the same
        // events; and leaving out the types a caller does not want leaves the others as they were.
        var helper = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Map<String, List<ChildEvent>> shared = streams.read(List.of(once, none, twice), type -> true,
                    List.of(helper));
            assertThat(shared.keySet()).containsExactly(once, none, twice);
            assertThat(shared).isEqualTo(read);
            Map<String, List<ChildEvent>> contactsOnly = streams.read(List.of(once, twice),
                    ContactReceived.class::equals, List.of(helper));
            for (String child : List.of(once, twice)) {
                assertThat(contactsOnly.get(child)).isNotEmpty().containsExactlyElementsOf(read.get(child).stream()
                        .filter(ContactReceived.class::isInstance).toList());
            }
        } finally {
            helper.shutdownNow();
        }
    }
}
