package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends what is in the {@link NotificationOutbox}, on one thread of each instance. Woken when emails are queued on any
 * instance ({@link OutboxWakeUp}), and on this one when the notifications processor's batch commits; otherwise it
 * looks every {@code poll-interval} (retries falling due, a notification lost while the listening connection was
 * down).
 *
 * <p>Each round claims up to {@code batch-size} due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so senders
 * on several instances, or several here, never hold the same row; sends them over one SMTP connection; and in the
 * same transaction marks each sent one sent, or, for each one that failed, counts the attempt, keeps the failure's
 * exception classes (never its message, which can quote addresses) and sets when it is next tried, backing off; or
 * gives it up, once the server has rejected it permanently {@code give-up-after-rejections} times
 * ({@link SmtpFailures}), or it has failed {@code max-attempts} times or for {@code give-up-after}. A given-up row is
 * kept for an operator, who may retry it ({@link NotificationOutbox#retry}). An email is sent at least once: if the
 * transaction cannot commit after the server took the email (the database lost meanwhile), the row is still unsent
 * and the email goes again.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final NotificationProperties.Outbox settings;
    private final Clock clock;
    private final NotificationCounts counts;
    private final Semaphore woken = new Semaphore(0);
    private volatile boolean running;
    private volatile Instant nextRetry;
    private Thread thread;

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<JavaMailSender> mail,
                 NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mail = mail;
        this.properties = properties;
        this.settings = properties.outbox();
        this.clock = clock;
        this.counts = new NotificationCounts(meters);
    }

    /** Look now: emails were queued (called after the notifications processor's batch commits). */
    void wake() {
        if (woken.availablePermits() == 0) {
            woken.release();
        }
    }

    /**
     * One round: claims the due rows, sends them and marks them, in one transaction.
     *
     * @return how many rows were claimed (sent or not)
     */
    int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Round round = transactions.execute(status -> sendDue(sender));
        if (round == null) {
            return 0;
        }
        // Counted once the marks are committed: what the counters say was sent, the table says too.
        round.sent().forEach(row -> counts.counted(row.template(), "sent"));
        round.failed().forEach(row -> counts.counted(row.template(), "failed"));
        round.givenUp().forEach(row -> counts.counted(row.template(), "given_up"));
        if (!round.failed().isEmpty()) {
            log.warn("{} of {} emails could not be sent; each is retried later", round.failed().size(),
                    round.claimed());
        }
        return round.claimed();
    }

    private Round sendDue(JavaMailSender sender) {
        Instant now = clock.instant();
        List<Row> due = jdbc.sql("""
                        SELECT id, template, recipients, subject, body, attempts, rejections,
                               coalesce(retried_at, created_at) AS queued_at
                        FROM notification_outbox
                        WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
                        ORDER BY next_attempt_at, id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), settings.batchSize())
                .query((result, number) -> new Row(result.getLong("id"), result.getString("template"),
                        (String[]) result.getArray("recipients").getArray(), result.getString("subject"),
                        result.getString("body"), result.getInt("attempts"), result.getInt("rejections"),
                        result.getTimestamp("queued_at").toInstant()))
                .list();
        if (due.isEmpty()) {
            return null;
        }
        Map<Row, Exception> failures = send(sender, due);
        List<Row> sent = new ArrayList<>(due.size());
        List<Row> failed = new ArrayList<>();
        for (Row row : due) {
            (failures.containsKey(row) ? failed : sent).add(row);
        }
        List<Row> retried = new ArrayList<>(failed.size());
        List<Row> givenUp = new ArrayList<>();
        Instant at = clock.instant();
        if (!sent.isEmpty()) {
            jdbc.sql("UPDATE notification_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ANY (?)")
                    .params(Timestamp.from(at), sent.stream().map(Row::id).toArray(Long[]::new))
                    .update();
        }
        for (Row row : failed) {
            Exception failure = failures.get(row);
            boolean rejected = SmtpFailures.permanent(failure);
            NotificationOutbox.GiveUp giveUp = giveUp(row, rejected, at);
            Instant retry = at.plus(settings.backOff(row.attempts() + 1));
            jdbc.sql("""
                            UPDATE notification_outbox SET attempts = attempts + 1, rejections = rejections + ?,
                                last_error = ?, next_attempt_at = ?, given_up_at = ?, given_up_because = ?
                            WHERE id = ?""")
                    .params(rejected ? 1 : 0, classesOf(failure), Timestamp.from(retry),
                            giveUp == null ? null : Timestamp.from(at), giveUp == null ? null : giveUp.name(), row.id())
                    .update();
            if (giveUp != null) {
                givenUp.add(row);
                // Its row id, template and why: never its addresses, subject or the failure's message.
                log.warn("Gave up an email (outbox row {}, template {}) at attempt {}: {} ({}); "
                                + "a system manager may retry it", row.id(), row.template(), row.attempts() + 1,
                        giveUp, classesOf(failure));
                continue;
            }
            retried.add(row);
            Instant earliest = nextRetry;
            if (earliest == null || retry.isBefore(earliest)) {
                nextRetry = retry;
            }
        }
        return new Round(due.size(), sent, retried, givenUp);
    }

    /** Whether this failure is the one to give the row up at, and why; null to try it again later. */
    private NotificationOutbox.GiveUp giveUp(Row row, boolean rejected, Instant now) {
        if (rejected && row.rejections() + 1 >= settings.giveUpAfterRejections()) {
            return NotificationOutbox.GiveUp.REJECTED;
        }
        if (row.attempts() + 1 >= settings.maxAttempts()) {
            return NotificationOutbox.GiveUp.TOO_MANY_ATTEMPTS;
        }
        if (Duration.between(row.queuedAt(), now).compareTo(settings.giveUpAfter()) >= 0) {
            return NotificationOutbox.GiveUp.TOO_OLD;
        }
        return null;
    }

    /** Sends the rows' emails over one connection; the rows that failed, with why. */
    private Map<Row, Exception> send(JavaMailSender sender, List<Row> rows) {
        Map<Row, Exception> failures = new IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>(rows.size());
        Map<MimeMessage, Row> rowOf = new IdentityHashMap<>();
        for (Row row : rows) {
            try {
                MimeMessage message = sender.createMimeMessage();
                SimpleMailMessage email = new SimpleMailMessage();
                email.setFrom(properties.from());
                email.setTo(row.to());
                email.setSubject(row.subject());
                email.setText(row.body());
                email.copyTo(new MimeMailMessage(message));
                messages.add(message);
                rowOf.put(message, row);
            } catch (RuntimeException unaddressable) {
                // An address the configuration got wrong: this email fails, the others go.
                failures.put(row, unaddressable);
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException some) {
            Map<Object, Exception> failed = some.getFailedMessages();
            if (failed.isEmpty()) {
                messages.forEach(message -> failures.put(rowOf.get(message), some));
            }
            failed.forEach((message, why) -> {
                Row row = rowOf.get(message);
                if (row != null) {
                    failures.put(row, why);
                }
            });
        } catch (RuntimeException all) {
            // The server refused us (authentication) or could not be reached: none of them went.
            messages.forEach(message -> failures.put(rowOf.get(message), all));
        }
        return failures;
    }

    /** The failure's exception classes, outermost first: what went wrong, without a message that may quote addresses. */
    static String classesOf(Throwable failure) {
        StringJoiner classes = new StringJoiner(" < ");
        for (Throwable cause = failure; cause != null && classes.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            classes.add(cause.getClass().getName());
        }
        String text = classes.toString();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // The first round looks at every due row: what woke the sender before it started is in it.
        woken.drainPermits();
        thread = new Thread(this::run, "notification-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread sending = thread;
        thread = null;
        if (sending != null) {
            woken.release();
            try {
                sending.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                // A full round may have left more due behind it.
                boolean full;
                do {
                    full = sendDue() == settings.batchSize();
                } while (running && full);
            } catch (RuntimeException e) {
                // The database is unreachable, most likely; the rows wait, and the next round tries again.
                log.warn("Could not send the queued emails ({}); trying again in {}", e.getClass().getName(),
                        settings.pollInterval());
            }
            try {
                if (woken.tryAcquire(untilNextLook().toMillis(), TimeUnit.MILLISECONDS)) {
                    woken.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The poll interval, or less when one of this sender's retries falls due sooner. */
    private Duration untilNextLook() {
        Instant retry = nextRetry;
        Duration wait = settings.pollInterval();
        if (retry != null) {
            Duration untilRetry = Duration.between(clock.instant(), retry);
            if (untilRetry.compareTo(wait) < 0) {
                nextRetry = null;
                wait = untilRetry.isNegative() ? Duration.ZERO : untilRetry;
            }
        }
        return wait.plusMillis(1);
    }

    /** @param queuedAt when it was queued, or last retried by an operator: what {@code give-up-after} counts from */
    private record Row(long id, String template, String[] to, String subject, String body, int attempts,
                       int rejections, Instant queuedAt) {
    }

    /** @param failed the rows that failed and will be tried again; {@code givenUp} those that will not */
    private record Round(int claimed, List<Row> sent, List<Row> failed, List<Row> givenUp) {
    }
}
