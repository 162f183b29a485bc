package uk.frontdoor.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

/** A test-only processing group of side effects (nothing may see an event twice): it cannot be rebuilt. */
@Component
@ProcessingGroup(SideEffectProbeProjection.NAME)
public class SideEffectProbeProjection {

    static final String NAME = "side-effect-probe";

    @DisallowReplay
    @EventHandler
    void on(ContactReceived event) {
        // Would send something; the test needs only the annotation.
    }
}
