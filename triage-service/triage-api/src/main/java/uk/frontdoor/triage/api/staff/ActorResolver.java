package uk.frontdoor.triage.api.staff;

import uk.frontdoor.triage.api.value.Actor;

import java.security.Principal;
import java.util.Optional;

/**
 * Turns whoever is signed in into the {@link Actor} that events record: name, role and agency.
 * Implemented where the sign-in methods are configured (HTTP Basic users here, identity-provider
 * tokens in production). It takes the JDK's {@link Principal} (every Spring Security
 * {@code Authentication} is one), so the published language needs no security framework.
 */
public interface ActorResolver {

    /** The member of staff behind a request; empty for a partner system or anyone else. */
    Optional<Actor> resolve(Principal principal);

    /**
     * The referring organisation a member of partner staff belongs to, when they belong to one (a partner agency's
     * code, such as {@code demo-school}): its own referral figures are theirs to see, rather than those of its whole
     * kind of agency. Empty for everyone else.
     */
    default Optional<String> referringAgency(Principal principal) {
        return Optional.empty();
    }

    /** The member of staff behind a request, or a refusal for anyone else. */
    default Actor require(Principal principal) {
        return resolve(principal).orElseThrow(() -> new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED,
                "Only staff do triage work."));
    }
}
