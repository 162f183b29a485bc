package uk.frontdoor.infra.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.Map;

/** Outbox settings and mail servers for senders a test makes beside the service's own (as another instance's). */
final class TestOutboxes {

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
