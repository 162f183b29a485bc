package uk.frontdoor.triage.work;

import org.springframework.security.core.Authentication;
import uk.frontdoor.triage.api.Actor;
import uk.frontdoor.triage.api.Refusal;
import uk.frontdoor.triage.api.TriageRefusedException;

import java.util.Optional;

/**
 * Turns whoever is signed in into the {@link Actor} that events record: name, role and agency.
 * Implemented where the sign-in methods are configured (HTTP Basic users here, identity-provider
 * tokens in production).
 */
public interface ActorResolver {

    /** The member of staff behind a request; empty for a partner system or anyone else. */
    Optional<Actor> resolve(Authentication authentication);

    /** The member of staff behind a request, or a refusal for anyone else. */
    default Actor require(Authentication authentication) {
        return resolve(authentication).orElseThrow(() -> new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED,
                "Only staff do triage work."));
    }
}
