package uk.frontdoor.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test-only read model whose replay can be held at its first event, so a test sees a rebuild
 * under way however few events there are. Holds only while a test has closed {@link #gate}, and
 * never longer than 30 seconds (a failed test must not hang the shared context's shutdown).
 * Not in benchmark runs ({@code -Dfrontdoor.bench=true}): the three probes are not part of the service, and
 * together took a tenth of the machine's CPU in {@code KafkaIntakeBench}.
 */
@Component
@ConditionalOnProperty(name = "frontdoor.bench", havingValue = "false", matchIfMissing = true)
@ProcessingGroup(ReplayProbeProjection.NAME)
public class ReplayProbeProjection {

    static final String NAME = "replay-probe";
    static final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    static final AtomicInteger resets = new AtomicInteger();
    /** How many times each contact's receipt (by event identifier) was handled since the last reset. */
    static final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    @EventHandler
    void on(ContactReceived event, ReplayStatus replay, @MessageIdentifier String eventId) throws InterruptedException {
        if (replay.isReplay()) {
            gate.get().await(30, TimeUnit.SECONDS);
        }
        handled.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
    }

    @ResetHandler
    void reset() {
        resets.incrementAndGet();
        handled.clear();
    }
}
