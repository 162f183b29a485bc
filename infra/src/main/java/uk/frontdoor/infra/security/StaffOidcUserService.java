package uk.frontdoor.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.frontdoor.triage.api.value.Actor;

/**
 * Who signed in to the pages with the council's identity provider, read from the ID token (and the
 * provider's user info, when it has an endpoint for it) by the same {@link StaffActorResolver#fromToken}
 * that reads the API's bearer tokens, so a page user and an API caller with the same claims get the
 * same role and the same {@link Actor}. Someone the provider knows but whose claims name no
 * front-door role, user or agency is refused here: sign-in fails and no session gets any rights.
 */
final class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refused sign-in, which the pages' failure handler turns into its own message. */
    static final String NOT_STAFF = "frontdoor_not_staff";

    private static final Logger log = LoggerFactory.getLogger(StaffOidcUserService.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final StaffActorResolver actors;

    StaffOidcUserService(StaffActorResolver actors) {
        this(new OidcUserService(), actors);
    }

    StaffOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> provider, StaffActorResolver actors) {
        this.provider = provider;
        this.actors = actors;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        Actor actor = actors.fromToken(signedIn).orElseThrow(() -> {
            // Who it was stays out of the log: the claims are personal data, and the provider has its own sign-in log.
            log.info("Staff page sign-in refused: the identity provider's claims name no front-door role, user or agency");
            return new OAuth2AuthenticationException(new OAuth2Error(NOT_STAFF,
                    "The token names no front-door role, user or agency", null));
        });
        return new StaffOidcUser(signedIn, actor);
    }
}
