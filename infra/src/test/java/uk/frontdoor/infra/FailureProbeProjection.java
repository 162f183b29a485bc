package uk.frontdoor.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only read model that fails a set number of times on contacts whose submission id starts
 * with {@link #PREFIX}, and ignores every other contact. Picked up by component scanning in the
 * shared integration-test context.
 * Not in benchmark runs ({@code -Dfrontdoor.bench=true}): the three probes are not part of the service, and
 * together took a tenth of the machine's CPU in {@code KafkaIntakeBench}.
 */
@Component
@ConditionalOnProperty(name = "frontdoor.bench", havingValue = "false", matchIfMissing = true)
@ProcessingGroup("failure-probe")
public class FailureProbeProjection {

    static final String PREFIX = "PROBE-";
    static final AtomicInteger failuresToGo = new AtomicInteger();
    static final Set<String> processed = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(ContactReceived event) {
        String submissionId = event.submission().submissionId();
        if (!submissionId.startsWith(PREFIX)) {
            return;
        }
        if (failuresToGo.getAndDecrement() > 0) {
            throw new IllegalStateException("probe failure");
        }
        processed.add(submissionId);
    }
}
