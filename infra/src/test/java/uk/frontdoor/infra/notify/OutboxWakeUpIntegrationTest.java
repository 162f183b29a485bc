package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import uk.frontdoor.infra.wakeup.NotificationListener;
import uk.frontdoor.infra.wakeup.PostgresNotifications;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email queued on one instance wakes the outbox sender of every other instance on the same PostgreSQL
 * ({@code NOTIFY frontdoor_outbox}, V65), instead of waiting for its poll.
 */
class OutboxWakeUpIntegrationTest extends OutboxTestSupport {

    private static final String DUTY = "duty-managers@demo-council.example";

    @Autowired
    JdbcConnectionDetails database;

    /**
     * A second instance's sender, which polls once an hour and hears the database on its own connection, sends an
     * email queued after its first round within the await's bound: only a wake-up could make it look again. This
     * instance's sender is stopped meanwhile, so the email can only be the second's to send.
     */
    @Test
    void a_sender_on_another_instance_is_woken_by_an_email_queued_and_does_not_wait_for_its_poll() {
        String run = "woken-" + UUID.randomUUID();
        OutboxSender otherSender = new OutboxSender(jdbc, transactions, mailSenders,
                TestOutboxes.with(properties, TestOutboxes.outbox(Duration.ofHours(1), 1_000, Duration.ofSeconds(10), 3)),
                clock, new SimpleMeterRegistry());
        var otherInstance = new PostgresNotifications(database, Duration.ofMillis(100));
        NotificationListener wakes = OutboxWakeUp.wakes(otherSender);
        AtomicInteger connected = new AtomicInteger();
        otherInstance.listen(wakes.channel(), new PostgresNotifications.Channel() {
            @Override
            public void notified(String payload) {
                wakes.listener().notified(payload);
            }

            @Override
            public void missedSome() {
                wakes.listener().missedSome();
                connected.incrementAndGet();
            }
        });
        serviceSender.stop();
        try {
            // Listening before the other sender starts, and the wake-up its connection makes already given.
            otherInstance.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> connected.get() == 1);
            // Queued before the other sender starts: its first round, which every start makes, sends it.
            queue(run + "-before", DUTY);
            otherSender.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(run + "-before"));

            queue(run + "-after", DUTY);

            // Its next poll is an hour away.
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(run + "-after"));
        } finally {
            otherInstance.stop();
            otherSender.stop();
            serviceSender.start();
        }
        assertThat(connected.get()).as("the listening connection never dropped").isEqualTo(1);
    }

    private boolean sent(String eventId) {
        return row(eventId).get("sent_at") != null;
    }
}
