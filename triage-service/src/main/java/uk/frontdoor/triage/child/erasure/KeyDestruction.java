package uk.frontdoor.triage.child.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * The erasure's key step: the {@link ChildKeyShredder} bean, when the service has one. Until the encryption of
 * stored events is wired in, there is none: erasure then removes the child from every read model and search table
 * (the read side's handlers of {@code ChildErased}), and the stored events keep their personal fields, which the
 * start-up warning says.
 */
@Component
public class KeyDestruction {

    private static final Logger log = LoggerFactory.getLogger(KeyDestruction.class);

    private final ObjectProvider<ChildKeyShredder> shredders;

    public KeyDestruction(ObjectProvider<ChildKeyShredder> shredders) {
        this.shredders = shredders;
        if (shredders.getIfAvailable() == null) {
            log.warn("No ChildKeyShredder is configured: an erasure removes the child from the read models and "
                    + "search tables, but the event store keeps the personal fields of the child's events.");
        }
    }

    /** @return whether a key was there to destroy (a shredder is configured) */
    public boolean shred(ChildId child) {
        ChildKeyShredder shredder = shredders.getIfAvailable();
        if (shredder == null) {
            return false;
        }
        shredder.shred(child);
        return true;
    }
}
