package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code frontdoor.notifications{template,outcome}}: emails sent ({@code sent}), not sent because nobody's address
 * is configured for them ({@code no_address}) or there is no mail server ({@code no_mail_server}), and attempts that
 * failed and will be retried ({@code failed}). Each is counted once what it counts is committed.
 */
final class NotificationCounts {

    private final MeterRegistry meters;

    NotificationCounts(MeterRegistry meters) {
        this.meters = meters;
    }

    void counted(String template, String outcome) {
        Counter.builder("frontdoor.notifications")
                .description("Emails the front door sent, could not address, or failed to send (retried), by template")
                .tag("template", template)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
