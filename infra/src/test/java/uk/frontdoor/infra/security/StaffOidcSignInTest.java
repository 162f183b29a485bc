package uk.frontdoor.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.infra.security.SignInOptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pages' OIDC sign-in, without a server: who is let in, as whom, and what the pages are told. */
class StaffOidcSignInTest {

    private static final StaffActorResolver ACTORS = new StaffActorResolver(new StaffUsers(List.of()),
            new StaffTokenClaims("preferred_username", "roles", "agency", "teams", "referring_agency"));
    private static final ClientRegistration COUNCIL = registration("council", "https://login.example.org/authorize",
            Map.of("end_session_endpoint", "https://logout.example.org:8443/end-session"));

    @Test
    void a_member_of_staff_gets_their_role_as_their_only_authority_and_their_user_id_as_their_name() {
        OidcUser signedIn = load(Map.of("sub", "jo.smith@people.example.org", "preferred_username", "jsmith",
                "name", "Jo Smith", "roles", List.of("offline_access", "MANAGER"), "agency", "reading-council"));

        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MANAGER");
        assertThat(signedIn.getName()).isEqualTo("jsmith");
        assertThat(signedIn.toString()).doesNotContain("jo.smith").doesNotContain("Jo Smith");
        var authentication = new OAuth2AuthenticationToken(signedIn, signedIn.getAuthorities(), "council");
        assertThat(authentication.getName()).isEqualTo("jsmith");
        assertThat(ACTORS.resolve(authentication)).hasValue(new Actor("jsmith", StaffRole.MANAGER, "reading-council"));
    }

    @Test
    void claims_the_provider_gives_only_as_user_info_count_too() {
        OidcUser signedIn = load(Map.of("sub", "0b7c", "preferred_username", "jsmith"),
                Map.of("sub", "0b7c", "roles", "SOCIAL_WORKER", "agency", "tvp-mash"));

        assertThat(ACTORS.resolve(new OAuth2AuthenticationToken(signedIn, signedIn.getAuthorities(), "council")))
                .hasValue(new Actor("jsmith", StaffRole.SOCIAL_WORKER, "tvp-mash"));
    }

    @Test
    void someone_without_a_front_door_role_or_agency_is_refused_with_the_front_doors_own_error() {
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("sub", "a", "preferred_username", "a", "agency", "tvp"),
                Map.of("sub", "a", "preferred_username", "a", "roles", "manager", "agency", "tvp"),
                Map.of("sub", "a", "preferred_username", "a", "roles", "MANAGER"))) {
            assertThatThrownBy(() -> load(claims))
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, refused -> assertThat(
                            refused.getError().getErrorCode()).isEqualTo(StaffOidcUserService.NOT_STAFF));
        }
    }

    @Test
    void without_a_registration_the_pages_keep_their_password_form_and_policy() {
        IdentityProviders none = IdentityProviders.of(null);

        assertThat(none.any()).isFalse();
        assertThat(none.entryPoint("/sign-in")).isEqualTo("/sign-in");
        assertThat(PageSecurityConfiguration.contentSecurityPolicy(none.formTargets())).isEqualTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
                        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
                        + "object-src 'none'");
        assertThat(new PageSecurityConfiguration().signInOptions(new StaffUsers(List.of()), none))
                .isEqualTo(new SignInOptions(true, List.of()));
    }

    @Test
    void with_one_registration_pages_go_straight_to_it_and_forms_may_reach_its_endpoints() {
        IdentityProviders one = IdentityProviders.of(new InMemoryClientRegistrationRepository(COUNCIL));

        assertThat(one.entryPoint("/sign-in")).isEqualTo("/oauth2/authorization/council");
        assertThat(one.formTargets()).containsExactly("https://login.example.org", "https://logout.example.org:8443");
        assertThat(PageSecurityConfiguration.contentSecurityPolicy(one.formTargets()))
                .contains("; form-action 'self' https://login.example.org https://logout.example.org:8443; ");
        // Production: no password users, so no password form; just the button.
        assertThat(new PageSecurityConfiguration().signInOptions(new StaffUsers(List.of()), one))
                .isEqualTo(new SignInOptions(false, List.of(new SignInOptions.IdentityProvider("council",
                        "Example Council", "/oauth2/authorization/council"))));
    }

    @Test
    void with_several_registrations_the_sign_in_page_offers_each() {
        IdentityProviders two = IdentityProviders.of(new InMemoryClientRegistrationRepository(COUNCIL,
                registration("police", "https://login.example.org/police/authorize", Map.of())));

        assertThat(two.entryPoint("/sign-in")).isEqualTo("/sign-in");
        assertThat(two.formTargets()).containsExactly("https://login.example.org", "https://logout.example.org:8443");
        assertThat(two.signInOptions()).extracting(SignInOptions.IdentityProvider::path)
                .containsExactly("/oauth2/authorization/council", "/oauth2/authorization/police");
    }

    private static OidcUser load(Map<String, Object> idTokenClaims) {
        return load(idTokenClaims, null);
    }

    /** Signs in through the service with a provider that answers with these claims. */
    private static OidcUser load(Map<String, Object> idTokenClaims, Map<String, Object> userInfoClaims) {
        Instant now = Instant.now();
        var idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), idTokenClaims);
        var userInfo = userInfoClaims == null ? null : new OidcUserInfo(userInfoClaims);
        var service = new StaffOidcUserService(request -> new DefaultOidcUser(List.of(), request.getIdToken(), userInfo),
                ACTORS);
        return service.loadUser(new OidcUserRequest(COUNCIL,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now, now.plusSeconds(300)),
                idToken));
    }

    private static ClientRegistration registration(String id, String authorizationUri, Map<String, Object> metadata) {
        return ClientRegistration.withRegistrationId(id)
                .clientId("frontdoor").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(authorizationUri)
                .tokenUri("https://login.example.org/token")
                .jwkSetUri("https://login.example.org/keys")
                .providerConfigurationMetadata(metadata)
                .clientName(id.equals("council") ? "Example Council" : "Thames Valley Police")
                .build();
    }
}
