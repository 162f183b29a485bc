package uk.frontdoor.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

/**
 * A test-only processing group of side effects (nothing may see an event twice): it cannot be rebuilt.
 * Not in benchmark runs ({@code -Dfrontdoor.bench=true}): the three probes are not part of the service, and
 * together took a tenth of the machine's CPU in {@code KafkaIntakeBench}.
 */
@Component
@ConditionalOnProperty(name = "frontdoor.bench", havingValue = "false", matchIfMissing = true)
@ProcessingGroup(SideEffectProbeProjection.NAME)
public class SideEffectProbeProjection {

    static final String NAME = "side-effect-probe";

    @DisallowReplay
    @EventHandler
    void on(ContactReceived event) {
        // Would send something; the test needs only the annotation.
    }
}
