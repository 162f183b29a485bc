package uk.frontdoor.infra.notify;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.RowWrites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
            INSERT INTO notification_outbox (event_id, template, addressed_to, recipients, subject, body, created_at,
                                             next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING""";

    /**
     * One email to send: a reference and links, never a child's details.
     *
     * @param addressedTo who it is for, as the settings name them ({@link Addressees}); {@code to} is where the
     *                    settings sent it when it was queued
     */
    record Email(String eventId, String template, String addressedTo, List<String> to, String subject, String body) {
    }

    /**
     * What is waiting.
     *
     * @param unsent          rows not yet sent and not given up: the ones the senders will try
     * @param failing         of those, the ones that have failed at least once and wait for a retry
     * @param oldestUnsentAge how long the oldest of those has waited since it was queued (or an operator retried it);
     *                        zero when none is
     * @param givenUp         rows given up, unsent and not dismissed: they wait for an operator
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
     * @param addressedTo who it is for, as the settings name them ({@link Addressees}); null for an email queued
     *                    before the outbox kept it (sending it again goes to its {@code recipients})
     * @param lastFailure the last failure in words ({@link SmtpFailures#inWords}); the row's {@code last_error} keeps
     *                    its exception class names (never a message)
     */
    record GivenUp(long id, String template, String addressedTo, List<String> recipients, Instant queuedAt, int attempts, int rejections,
                   String lastFailure, Instant givenUpAt, GiveUp because, String lastRetriedBy, Instant lastRetriedAt) {
    }

    /** What a system manager's action on a given-up email found. */
    enum Action {
        /**
         * Done: sent again (due now, to the addresses the settings give its addressee now, its attempts and
         * rejections counted from nought) or dismissed; the operator recorded.
         */
        DONE,
        /** There is no such row (or it was sent or dismissed, and pruned). */
        UNKNOWN,
        /** The row is sent, still being tried, or dismissed: not waiting for an operator. */
        NOT_GIVEN_UP,
        /** Sending it again: the settings give its addressee no address now. Nothing changed. */
        NO_ADDRESS;

        /** Why it was not done, in words for the operator (the page's error and the API's problem detail). */
        String refusal(long id) {
            return switch (this) {
                case UNKNOWN -> "There is no email " + id + " in the outbox.";
                case NO_ADDRESS -> "Email " + id + " cannot be sent again: the settings give who it is for no address "
                        + "now. Add one, then send it again.";
                case NOT_GIVEN_UP, DONE -> "Email " + id + " is sent, still being tried, or dismissed: only a "
                        + "given-up email is sent again or dismissed.";
            };
        }
    }

    /** The longest reason a dismissal keeps (the column's size). */
    static final int REASON_LENGTH = 500;

    /** Given up, unsent, not dismissed: waiting for an operator. */
    private static final String WAITING_FOR_AN_OPERATOR =
            "sent_at IS NULL AND given_up_at IS NOT NULL AND dismissed_at IS NULL";

    /** Given-up emails waiting for an operator, as {@link GivenUp} reads them. */
    private static final String GIVEN_UP = """
            SELECT id, template, addressed_to, recipients, coalesce(retried_at, created_at) AS queued_at, attempts,
                   rejections, last_error, given_up_at, given_up_because, retried_by, retried_at
            FROM notification_outbox WHERE\s""" + WAITING_FOR_AN_OPERATOR;

    private final RowWrites rows;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Addressees addressees;

    NotificationOutbox(RowWrites rows, JdbcClient jdbc, Clock clock, NotificationProperties settings) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.addressees = new Addressees(settings);
    }

    /**
     * Queues the email with the processor's batch: written with the batch's other rows just before it commits (one
     * JDBC batch), or at once outside a unit of work.
     */
    void queue(Email email) {
        Timestamp now = Timestamp.from(clock.instant());
        rows.write(Notifier.PROCESSING_GROUP, email.eventId(), QUEUE, email.eventId(), email.template(),
                email.addressedTo(), email.to().toArray(String[]::new), email.subject(), email.body(), now, now);
    }

    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS unsent, count(*) FILTER (WHERE attempts > 0) AS failing,
                               min(coalesce(retried_at, created_at)) AS oldest,
                               (SELECT count(*) FROM notification_outbox WHERE %s) AS given_up
                        FROM notification_outbox WHERE sent_at IS NULL AND given_up_at IS NULL"""
                        .formatted(WAITING_FOR_AN_OPERATOR))
                .query((row, number) -> {
                    Timestamp oldest = row.getTimestamp("oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
                    return new Backlog(row.getLong("unsent"), row.getLong("failing"),
                            age.isNegative() ? Duration.ZERO : age, row.getLong("given_up"));
                })
                .single();
    }

    /**
     * The emails given up and not since sent or dismissed, the most recently given up first, at most {@code limit}.
     */
    List<GivenUp> givenUp(int limit) {
        return jdbc.sql(GIVEN_UP + " ORDER BY given_up_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(NotificationOutbox::givenUp)
                .list();
    }

    /** One given-up email waiting for an operator, if this is one. */
    Optional<GivenUp> givenUp(long id) {
        return jdbc.sql(GIVEN_UP + " AND id = ?").param(id).query(NotificationOutbox::givenUp).optional();
    }

    private static GivenUp givenUp(ResultSet row, int number) throws SQLException {
        return new GivenUp(row.getLong("id"), row.getString("template"), row.getString("addressed_to"),
                List.of((String[]) row.getArray("recipients").getArray()),
                row.getTimestamp("queued_at").toInstant(), row.getInt("attempts"), row.getInt("rejections"),
                SmtpFailures.inWords(row.getString("last_error")), row.getTimestamp("given_up_at").toInstant(),
                GiveUp.valueOf(row.getString("given_up_because")), row.getString("retried_by"),
                instant(row.getTimestamp("retried_at")));
    }

    /**
     * An operator sends a given-up email again: due now, to the addresses the settings give its addressee now (an
     * address corrected since it was queued is used), its attempts and rejections counted from nought (so the
     * give-up limits apply afresh), who and when kept on the row. Every instance's sender is woken (the same
     * notification a queued email sends, with the update's commit).
     */
    Action retry(long id, String operator) {
        // A list, not an Optional: an email queued before the outbox kept its addressee has none (null).
        List<String> addressee = jdbc.sql("SELECT addressed_to FROM notification_outbox WHERE id = ?")
                .param(id).query((row, number) -> row.getString("addressed_to")).list();
        if (addressee.isEmpty()) {
            return Action.UNKNOWN;
        }
        // Without an addressee it keeps its recipients.
        String[] to = null;
        if (addressee.get(0) != null) {
            List<String> now = addressees.addressesOf(addressee.get(0));
            if (now.isEmpty()) {
                return isWaitingForAnOperator(id) ? Action.NO_ADDRESS : Action.NOT_GIVEN_UP;
            }
            to = now.toArray(String[]::new);
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> retried = jdbc.sql("""
                        WITH retried AS (
                            UPDATE notification_outbox
                            SET given_up_at = NULL, given_up_because = NULL, attempts = 0, rejections = 0,
                                next_attempt_at = ?, retried_by = ?, retried_at = ?, recipients = coalesce(?, recipients)
                            WHERE id = ? AND %s
                            RETURNING id)
                        SELECT id, pg_notify(?, '') FROM retried""".formatted(WAITING_FOR_AN_OPERATOR))
                .params(now, operator, now, to, id, OutboxWakeUp.CHANNEL)
                .query((row, number) -> row.getLong("id"))
                .list();
        if (retried.isEmpty()) {
            return Action.NOT_GIVEN_UP;
        }
        log.info("Email (outbox row {}) retried by {}", id, operator);
        return Action.DONE;
    }

    /**
     * An operator dismisses a given-up email nobody will send again: it leaves the list and the given-up gauge, and
     * the row keeps who dismissed it, when and why until it is pruned ({@code keep-sent-for} after). The reason is
     * never logged.
     *
     * @param reason why, in the operator's words: not blank, at most {@link #REASON_LENGTH} characters
     */
    Action dismiss(long id, String operator, String reason) {
        String wrong = whatIsWrongWith(reason);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int dismissed = jdbc.sql("""
                        UPDATE notification_outbox SET dismissed_by = ?, dismissed_at = ?, dismissed_because = ?
                        WHERE id = ? AND %s""".formatted(WAITING_FOR_AN_OPERATOR))
                .params(operator, now, reason.strip(), id)
                .update();
        if (dismissed == 0) {
            return exists(id) ? Action.NOT_GIVEN_UP : Action.UNKNOWN;
        }
        log.info("Email (outbox row {}) dismissed by {}", id, operator);
        return Action.DONE;
    }

    /** What is wrong with a dismissal's reason, in words for the operator; null when nothing is. */
    static String whatIsWrongWith(String reason) {
        if (reason == null || reason.isBlank()) {
            return "Say why the email will not be sent";
        }
        if (reason.strip().length() > REASON_LENGTH) {
            return "The reason must be " + REASON_LENGTH + " characters or fewer";
        }
        return null;
    }

    private boolean isWaitingForAnOperator(long id) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE id = ? AND " + WAITING_FOR_AN_OPERATOR)
                .param(id).query(Long.class).single() > 0;
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE id = ?").param(id)
                .query(Long.class).single() > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Deletes the rows of emails sent, or dismissed, longer ago than {@code keptFor}; how many. */
    int pruneSent(Duration keptFor) {
        Timestamp cutOff = Timestamp.from(clock.instant().minus(keptFor));
        return jdbc.sql("""
                        DELETE FROM notification_outbox
                        WHERE (sent_at IS NOT NULL AND sent_at < ?) OR (dismissed_at IS NOT NULL AND dismissed_at < ?)""")
                .params(cutOff, cutOff)
                .update();
    }
}
