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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationOutbox.class);

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
     * @param unsent          rows not yet sent and not given up: the ones the senders will try
     * @param failing         of those, the ones that have failed at least once and wait for a retry
     * @param oldestUnsentAge how long the oldest of those has waited since it was queued (or an operator retried it);
     *                        zero when none is
     * @param givenUp         rows given up, unsent: they wait for an operator
     */
    record Backlog(long unsent, long failing, Duration oldestUnsentAge, long givenUp) {
    }

    /** Why a sender gave an email up. */
    enum GiveUp {
        /** The mail server rejected it permanently ({@code give-up-after-rejections} times). */
        REJECTED,
        /** It failed {@code max-attempts} times. */
        TOO_MANY_ATTEMPTS,
        /** It still failed {@code give-up-after} after it was queued or last retried. */
        TOO_OLD
    }

    /**
     * An email given up, as system managers see it: where it was to go and why it did not, never what it said.
     *
     * @param lastFailure the last failure in words ({@link SmtpFailures#inWords}); the row's {@code last_error} keeps
     *                    its exception class names (never a message)
     */
    record GivenUp(long id, String template, List<String> recipients, Instant queuedAt, int attempts, int rejections,
                   String lastFailure, Instant givenUpAt, GiveUp because, String lastRetriedBy, Instant lastRetriedAt) {
    }

    /** What an operator's retry found. */
    enum Retry {
        /** Queued again: due now, its attempts and rejections counted from nought, the operator recorded. */
        QUEUED,
        /** There is no such row (or it was sent and pruned). */
        UNKNOWN,
        /** The row is sent, or still being tried: nothing to retry. */
        NOT_GIVEN_UP
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
                               min(coalesce(retried_at, created_at)) AS oldest,
                               (SELECT count(*) FROM notification_outbox
                                WHERE sent_at IS NULL AND given_up_at IS NOT NULL) AS given_up
                        FROM notification_outbox WHERE sent_at IS NULL AND given_up_at IS NULL""")
                .query((row, number) -> {
                    Timestamp oldest = row.getTimestamp("oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
                    return new Backlog(row.getLong("unsent"), row.getLong("failing"),
                            age.isNegative() ? Duration.ZERO : age, row.getLong("given_up"));
                })
                .single();
    }

    /** The emails given up and not since sent, the most recently given up first, at most {@code limit}. */
    List<GivenUp> givenUp(int limit) {
        return jdbc.sql("""
                        SELECT id, template, recipients, coalesce(retried_at, created_at) AS queued_at, attempts,
                               rejections, last_error, given_up_at, given_up_because, retried_by, retried_at
                        FROM notification_outbox WHERE sent_at IS NULL AND given_up_at IS NOT NULL
                        ORDER BY given_up_at DESC, id DESC LIMIT ?""")
                .param(limit)
                .query((row, number) -> new GivenUp(row.getLong("id"), row.getString("template"),
                        List.of((String[]) row.getArray("recipients").getArray()),
                        row.getTimestamp("queued_at").toInstant(), row.getInt("attempts"), row.getInt("rejections"),
                        SmtpFailures.inWords(row.getString("last_error")), row.getTimestamp("given_up_at").toInstant(),
                        GiveUp.valueOf(row.getString("given_up_because")), row.getString("retried_by"),
                        instant(row.getTimestamp("retried_at"))))
                .list();
    }

    /**
     * An operator sends a given-up email again: due now, its attempts and rejections counted from nought (so the
     * give-up limits apply afresh), who and when kept on the row. Every instance's sender is woken (the same
     * notification a queued email sends, with the update's commit).
     */
    Retry retry(long id, String operator) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> retried = jdbc.sql("""
                        WITH retried AS (
                            UPDATE notification_outbox
                            SET given_up_at = NULL, given_up_because = NULL, attempts = 0, rejections = 0,
                                next_attempt_at = ?, retried_by = ?, retried_at = ?
                            WHERE id = ? AND sent_at IS NULL AND given_up_at IS NOT NULL
                            RETURNING id)
                        SELECT id, pg_notify(?, '') FROM retried""")
                .params(now, operator, now, id, OutboxWakeUp.CHANNEL)
                .query((row, number) -> row.getLong("id"))
                .list();
        if (!retried.isEmpty()) {
            log.info("Email (outbox row {}) retried by {}", id, operator);
            return Retry.QUEUED;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM notification_outbox WHERE id = ?").param(id)
                .query(Long.class).single() > 0;
        return exists ? Retry.NOT_GIVEN_UP : Retry.UNKNOWN;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Deletes the rows of emails sent longer ago than {@code keptFor}; how many. */
    int pruneSent(Duration keptFor) {
        Instant cutOff = clock.instant().minus(keptFor);
        return jdbc.sql("DELETE FROM notification_outbox WHERE sent_at IS NOT NULL AND sent_at < ?")
                .param(Timestamp.from(cutOff))
                .update();
    }
}
