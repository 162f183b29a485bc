package uk.frontdoor.infra.security;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.frontdoor.triage.api.value.Actor;

import java.io.Serial;

/**
 * A member of staff signed in to the pages with the council's identity provider. Their only
 * authority is their front-door role ({@code ROLE_MANAGER} and so on, exactly as a password user or
 * an API token gets), and their name is their front-door user id, the {@code userId} their actions
 * are recorded under. Spring names an OIDC user by the token's {@code sub} unless told otherwise,
 * and some providers put an e-mail address there; the view audit and anything that logs the
 * signed-in name would then hold the wrong, and personal, identifier.
 */
final class StaffOidcUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userId;

    StaffOidcUser(OidcUser signedIn, Actor actor) {
        super(AuthorityUtils.createAuthorityList("ROLE_" + actor.role().name()), signedIn.getIdToken(),
                signedIn.getUserInfo(), IdTokenClaimNames.SUB);
        this.userId = actor.userId();
    }

    @Override
    public String getName() {
        return userId;
    }

    /** Never the claims: names, e-mail addresses and the like must not reach a log through a debug line. */
    @Override
    public String toString() {
        return "StaffOidcUser[" + userId + "]";
    }
}
