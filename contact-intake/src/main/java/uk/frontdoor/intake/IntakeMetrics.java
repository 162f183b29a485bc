package uk.frontdoor.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Channel;

/**
 * Counts what arrives at the front door. Labels are census codes and fixed reasons only: never
 * anything a partner typed, so no child's data can reach a metric.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Channel channel, String referralSource) {
        Counter.builder("frontdoor.contacts.received")
                .description("Contacts received, by DfE census referral source")
                .tag("referral_source", referralSource)
                .tag("channel", channel.name().toLowerCase())
                .register(registry)
                .increment();
    }

    public void rejected(Channel channel, String reason) {
        Counter.builder("frontdoor.submissions.rejected")
                .description("Submissions refused at the front door, by reason")
                .tag("reason", reason)
                .tag("channel", channel.name().toLowerCase())
                .register(registry)
                .increment();
    }
}
