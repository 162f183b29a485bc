package uk.frontdoor.infra.wakeup;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appends wake event processors: PostgreSQL tells every listening node when an appending transaction
 * commits, and the event store's streams call their processor back once the new events can be read, so
 * no processor waits for a poll.
 */
class EventWakeUpIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private JdbcConnectionDetails database;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private PostgresNotifications notifications;

    @Test
    void another_node_hears_of_an_append_when_it_commits() throws Exception {
        assertThat(notifications.listening()).isTrue();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        // A second listener on the same database stands for another node.
        var otherNode = new PostgresNotifications(database, Duration.ofMillis(100));
        otherNode.listen(EventWakeUp.EVENTS_APPENDED, heard::add);
        otherNode.start();
        try {
            await().until(otherNode::listening);
            heard.clear();
            assertThat(postContact(POLICE_KEY, submission()).statusCode()).isEqualTo(202);
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("");
        } finally {
            otherNode.stop();
        }
        assertThat(otherNode.listening()).isFalse();
    }

    @Test
    void a_waiting_stream_is_called_back_when_events_arrive_and_they_are_readable_at_once() throws Exception {
        AtomicInteger calledBack = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(calledBack::incrementAndGet)).isTrue();
            drain(stream);
            int before = calledBack.get();
            long events = storedEvents();

            assertThat(postContact(POLICE_KEY, submission()).statusCode()).isEqualTo(202);

            await().until(() -> calledBack.get() > before && storedEvents() > events);
            // Called back only once the events are in the store's cache: the stream has them without waiting.
            assertThat(stream.hasNextAvailable()).isTrue();
        }
    }

    private static void drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        while (stream.hasNextAvailable()) {
            stream.nextAvailable();
        }
    }
}
