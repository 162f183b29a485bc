package uk.frontdoor.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Channel;

import java.util.concurrent.TimeUnit;

/**
 * Counts what arrives at the front door. Labels are census codes and fixed reasons only: never
 * anything a partner typed, so no child's data can reach a metric.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary groupContacts;
    private final Timer groupCommit;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.groupContacts = DistributionSummary.builder("frontdoor.intake.group.contacts")
                .description("Contacts sent one per request (HTTP, staff) stored together in one transaction")
                .register(registry);
        this.groupCommit = Timer.builder("frontdoor.intake.group.commit")
                .description("Time to store one group of contacts sent one per request, from taking it to its answers")
                .register(registry);
    }

    /** A group of contacts sent one per request was stored (or refused) in this long. */
    void groupStored(int contacts, long nanos) {
        groupContacts.record(contacts);
        groupCommit.record(nanos, TimeUnit.NANOSECONDS);
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
