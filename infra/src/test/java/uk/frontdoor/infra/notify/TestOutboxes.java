package uk.frontdoor.infra.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Outbox settings and mail servers for senders a test makes beside the service's own (as another instance's), and
 * given-up rows as a sender leaves them.
 */
public final class TestOutboxes {

    private TestOutboxes() {
    }

    /** The service's defaults but for these. */
    static NotificationProperties.Outbox outbox(Duration pollInterval, int batchSize, Duration retryAfter,
                                                int giveUpAfterRejections) {
        return new NotificationProperties.Outbox(pollInterval, batchSize, retryAfter, Duration.ofMinutes(10),
                Duration.ofDays(7), Duration.ofHours(1), Duration.ofMinutes(15), giveUpAfterRejections, 200,
                Duration.ofHours(24));
    }

    static NotificationProperties with(NotificationProperties properties, NotificationProperties.Outbox outbox) {
        return new NotificationProperties(properties.from(), properties.serviceUrl(), properties.dutyManagers(),
                properties.staff(), properties.agencies(), properties.templates(), properties.emergencyDuty(), outbox);
    }

    /**
     * A breach email as a sender leaves it after the mail server rejected it for good three times, an hour ago (no
     * sender claims it); its row id.
     *
     * @param addressee who it is for ({@link Addressees}), or null for none kept (an email queued before V68)
     */
    public static long givenUp(JdbcClient jdbc, String eventId, String addressee, String to) {
        Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3_600));
        return jdbc.sql("""
                        INSERT INTO notification_outbox (event_id, template, addressed_to, recipients, subject, body,
                                                         created_at, next_attempt_at, attempts, rejections, last_error,
                                                         given_up_at, given_up_because)
                        VALUES (?, 'breach', ?, ARRAY[?], ?, 'Body', ?, ?, 3, 3,
                                'org.eclipse.angus.mail.smtp.SMTPAddressFailedException', ?, 'REJECTED')
                        RETURNING id""")
                .params(eventId, addressee, to, "Overdue: " + eventId, hourAgo, hourAgo, hourAgo)
                .query(Long.class).single();
    }

    /** An SMTP client of the service's kind, for the server on this loopback port. */
    static ObjectProvider<JavaMailSender> smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
    }
}
