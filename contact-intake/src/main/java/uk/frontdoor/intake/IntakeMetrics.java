package uk.frontdoor.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Channel;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Counts what arrives at the front door. Labels are census codes and fixed reasons only: never
 * anything a partner typed, so no child's data can reach a metric.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary groupContacts;
    private final Timer groupCommit;
    private final Timer groupWait;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.groupContacts = DistributionSummary.builder("frontdoor.intake.group.contacts")
                .description("Contacts sent one per request (HTTP, staff) stored together in one transaction")
                .register(registry);
        this.groupCommit = Timer.builder("frontdoor.intake.group.commit")
                .description("Time to store one group of contacts sent one per request, from taking it to its answers")
                .register(registry);
        this.groupWait = Timer.builder("frontdoor.intake.group.wait")
                .description("Time a contact sent one per request waited for a committer before its group was taken")
                .register(registry);
    }

    /** A group of contacts sent one per request was stored (or refused) in this long. */
    void groupStored(int contacts, long nanos) {
        groupContacts.record(contacts);
        groupCommit.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** What the group commit reports: each group stored, and how long each of its contacts waited for it. */
    GroupCommit.GroupObserver groupObserver() {
        return new GroupCommit.GroupObserver() {
            @Override
            public void stored(int contacts, long nanos) {
                groupStored(contacts, nanos);
            }

            @Override
            public void waited(long nanos) {
                groupWait.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Contacts sent one per request waiting for a committer now: more and more of them is an intake falling behind. */
    void waitingForCommit(Supplier<Number> waiting) {
        Gauge.builder("frontdoor.intake.group.waiting", waiting)
                .description("Contacts sent one per request (HTTP, staff) waiting for a committer")
                .register(registry);
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
