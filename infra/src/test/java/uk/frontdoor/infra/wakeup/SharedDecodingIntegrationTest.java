package uk.frontdoor.infra.wakeup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processors' streams share one decoding of each stored event, and no decoded copy outlives the child's key:
 * an event read before the key was destroyed, still held in memory (as the embedded store's cache of recent events
 * or a processor's buffer holds it), reads as erased afterwards.
 */
class SharedDecodingIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private PersonalDataKeys keys;
    @Autowired
    private DecodedEvents decodedEvents;

    @Test
    void two_streams_reading_one_event_share_its_decoding_and_an_erased_childs_event_held_in_memory_reads_as_erased()
            throws Exception {
        String givenName = uniqueName("Shared");
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("child")).put("givenName", givenName);
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        String childId = await().until(() -> jdbc.sql("SELECT child_id FROM contact_registry WHERE contact_id = ?")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);
        long index = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(childId, ContactReceived.class.getName()).query(Long.class).single();

        TrackedEventMessage<?> first = readAlone(index);
        TrackedEventMessage<?> second = readAlone(index);
        assertThat(first).isNotSameAs(second);
        assertThat(storage()).isInstanceOf(SharedDecoding.class);
        ContactReceived decoded = (ContactReceived) first.getPayload();
        assertThat(decoded.submission().child().givenName()).isEqualTo(givenName);
        assertThat(second.getPayload()).as("decoded once for both streams").isSameAs(decoded);

        assertThat(keys.destroy(ChildId.of(childId))).isTrue();

        // The very messages read before, still held: their personal fields are gone, with nothing else.
        ContactReceived erased = (ContactReceived) first.getPayload();
        assertThat(erased.submission().child().givenName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.contactId().value()).isEqualTo(contactId);
        assertThat(((ContactReceived) second.getPayload()).submission().child().givenName())
                .isEqualTo(PersonalData.ERASED);
        assertThat(((ContactReceived) read(index).getPayload()).submission().child().givenName())
                .isEqualTo(PersonalData.ERASED);
        assertThat(((ContactReceived) readAlone(index).getPayload()).submission().child().givenName())
                .isEqualTo(PersonalData.ERASED);
        assertThat(first.getMetaData()).isEqualTo(second.getMetaData());
    }

    @Test
    void a_destroyed_keys_notification_drops_the_childs_decoded_events() throws Exception {
        ObjectNode submission = submission();
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        String childId = await().until(() -> jdbc.sql("SELECT child_id FROM contact_registry WHERE contact_id = ?")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);
        long index = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(childId, ContactReceived.class.getName()).query(Long.class).single();
        read(index).getPayload();
        assertThat(heldFor(childId)).isTrue();

        keys.destroy(ChildId.of(childId));

        // Heard through PostgreSQL NOTIFY, as every instance hears it.
        await().until(() -> !heldFor(childId));
    }

    @Test
    void events_appended_here_reach_the_processors_as_appended_equal_to_their_stored_rows_decoded() throws Exception {
        long takenBefore = decodedEvents.takenFromAppends();
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String childId = await().until(() -> jdbc.sql("SELECT child_id FROM contact_registry WHERE contact_id = ?")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);
        // Read by the processors (the queue's row is there), so each event was taken from the append or decoded.
        await().until(() -> jdbc.sql("SELECT count(*) FROM triage_queue WHERE contact_id = ? AND status = 'ASSESSED'")
                .param(contactId).query(Long.class).single() == 1);
        assertThat(decodedEvents.takenFromAppends()).isGreaterThan(takenBefore);

        // The child's own stream is decoded from its rows as before: every event the processors are handed is equal.
        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(childId).asStream().toList();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
        for (DomainEventMessage<?> fromRows : stored) {
            long index = jdbc.sql("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?")
                    .param(fromRows.getIdentifier()).query(Long.class).single();
            TrackedEventMessage<?> handed = readAlone(index);
            assertThat(handed.getPayload()).as(fromRows.getPayloadType().getSimpleName())
                    .isEqualTo(fromRows.getPayload());
            assertThat(handed.getMetaData()).isEqualTo(fromRows.getMetaData());
            assertThat(handed.getTimestamp()).isEqualTo(fromRows.getTimestamp());
        }
    }

    private boolean heldFor(String childId) {
        return decodedEvents.holds(childId);
    }

    /**
     * The stored event at this global index as a processor's private stream reads it (one that is behind the
     * store's cache of recent events, as a lagging or rebuilding processor's is): from the table, a message of its own.
     */
    private TrackedEventMessage<?> readAlone(long index) {
        TrackedEventMessage<?> event;
        try (Stream<? extends TrackedEventMessage<?>> stream =
                     storage().readEvents(GapAwareTrackingToken.newInstance(index - 1, Set.of()), false)) {
            event = stream.findFirst().orElseThrow();
        }
        assertThat(((GapAwareTrackingToken) event.trackingToken()).getIndex()).isEqualTo(index);
        return event;
    }

    private EventStorageEngine storage() {
        return ((WakingEventStore) eventStore).storage();
    }

    /** The stored event at this global index, read by a stream of the store, as a processor's stream reads it. */
    private TrackedEventMessage<?> read(long index) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(GapAwareTrackingToken.newInstance(index - 1, Set.of()))) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            TrackedEventMessage<?> event = stream.nextAvailable();
            assertThat(((GapAwareTrackingToken) event.trackingToken()).getIndex()).isEqualTo(index);
            return event;
        }
    }
}
