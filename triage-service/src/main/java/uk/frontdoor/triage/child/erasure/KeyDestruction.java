package uk.frontdoor.triage.child.erasure;

import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * The erasure's key step: the child's data key is destroyed through the {@link ChildKeyShredder}, so the personal
 * fields of the child's stored events can never be read again (the service's shredder is
 * {@code PersonalDataKeys.destroy}, wired in {@code DataProtectionConfiguration}).
 */
@Component
public class KeyDestruction {

    private final ChildKeyShredder shredder;

    public KeyDestruction(ChildKeyShredder shredder) {
        this.shredder = shredder;
    }

    public void shred(ChildId child) {
        shredder.shred(child);
    }
}
