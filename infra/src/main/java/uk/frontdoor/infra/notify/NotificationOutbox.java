package uk.frontdoor.infra.notify;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.RowWrites;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The emails the front door has to send, in the {@code notification_outbox} table (V56), with whatever the
 * notifications processor's batch wrote: an email is queued in the same transaction as the processor's token, so a
 * batch that fails queues nothing, and one that commits has queued all its emails. {@link OutboxSender} sends them.
 *
 * <p>One row per event and template: a batch handled again (its commit's outcome lost, a segment taken over) finds
 * its rows there and adds none ({@code ON CONFLICT DO NOTHING}).
 */
@Component
class NotificationOutbox {

    private static final String QUEUE = """
            INSERT INTO notification_outbox (event_id, template, recipients, subject, body, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING""";

    /** One email to send: a reference and links, never a child's details. */
    record Email(String eventId, String template, List<String> to, String subject, String body) {
    }

    /**
     * What is waiting.
     *
     * @param unsent          rows not yet sent
     * @param failing         of those, the ones that have failed at least once and wait for a retry
     * @param oldestUnsentAge how long the oldest unsent row has waited; zero when none is
     */
    record Backlog(long unsent, long failing, Duration oldestUnsentAge) {
    }

    private final RowWrites rows;
    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationOutbox(RowWrites rows, JdbcClient jdbc, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues the email with the processor's batch: written with the batch's other rows just before it commits (one
     * JDBC batch), or at once outside a unit of work.
     */
    void queue(Email email) {
        Timestamp now = Timestamp.from(clock.instant());
        rows.write(Notifier.PROCESSING_GROUP, email.eventId(), QUEUE, email.eventId(), email.template(),
                email.to().toArray(String[]::new), email.subject(), email.body(), now, now);
    }

    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS unsent, count(*) FILTER (WHERE attempts > 0) AS failing,
                               min(created_at) AS oldest
                        FROM notification_outbox WHERE sent_at IS NULL""")
                .query((row, number) -> {
                    Timestamp oldest = row.getTimestamp("oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
                    return new Backlog(row.getLong("unsent"), row.getLong("failing"),
                            age.isNegative() ? Duration.ZERO : age);
                })
                .single();
    }

    /** Deletes the rows of emails sent longer ago than {@code keptFor}; how many. */
    int pruneSent(Duration keptFor) {
        Instant cutOff = clock.instant().minus(keptFor);
        return jdbc.sql("DELETE FROM notification_outbox WHERE sent_at IS NOT NULL AND sent_at < ?")
                .param(Timestamp.from(cutOff))
                .update();
    }
}
