package uk.frontdoor.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads of the group commit: the contacts waiting for a committer now
 * ({@code frontdoor.intake.group.waiting}), and each contact's wait once its group is taken
 * ({@code frontdoor.intake.group.wait}), beside the groups' own size and time.
 */
class IntakeMetricsTest {

    private static ContactAccepted answerFor(ReceiveContact contact) {
        return new ContactAccepted(ContactId.of("contact-of-" + contact.agency().value()), false);
    }

    @Test
    void the_contacts_waiting_for_a_committer_and_each_ones_wait_are_measured() throws Exception {
        var registry = new SimpleMeterRegistry();
        var metrics = new IntakeMetrics(registry);
        ReceiveContact first = new ReceiveContact(AgencyCode.of("first"), Channel.HTTP, null);
        ReceiveContact second = new ReceiveContact(AgencyCode.of("second"), Channel.HTTP, null);
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try (var group = new GroupCommit(contacts -> contacts.stream().map(IntakeMetricsTest::answerFor).toList(),
                contact -> {
                    if (contact.equals(first)) {
                        firstHeld.countDown();
                        try {
                            firstMayCommit.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return answerFor(contact);
                }, 1, 64, metrics.groupObserver())) {
            metrics.waitingForCommit(group::waiting);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            Future<ContactAccepted> firstAnswer = callers.submit(() -> group.store(first));
            assertThat(firstHeld.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ContactAccepted> secondAnswer = callers.submit(() -> group.store(second));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registry.get("frontdoor.intake.group.waiting").gauge().value() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // The second contact waits behind the first's group: one waiting, one wait reported so far.
            assertThat(registry.get("frontdoor.intake.group.waiting").gauge().value()).isEqualTo(1);
            assertThat(registry.get("frontdoor.intake.group.wait").timer().count()).isEqualTo(1);
            firstMayCommit.countDown();
            assertThat(firstAnswer.get(10, TimeUnit.SECONDS)).isEqualTo(answerFor(first));
            assertThat(secondAnswer.get(10, TimeUnit.SECONDS)).isEqualTo(answerFor(second));
            callers.shutdown();
            // Reported before the answers: both waits and both groups are in by now.
            assertThat(registry.get("frontdoor.intake.group.waiting").gauge().value()).isZero();
            assertThat(registry.get("frontdoor.intake.group.wait").timer().count()).isEqualTo(2);
            assertThat(registry.get("frontdoor.intake.group.contacts").summary().count()).isEqualTo(2);
        }
    }
}
