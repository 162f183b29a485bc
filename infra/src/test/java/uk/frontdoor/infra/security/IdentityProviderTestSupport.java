package uk.frontdoor.infra.security;

import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default with the council's identity provider configured as in production: the API
 * accepts its JWTs (issuer, discovery and keys as with {@code FRONTDOOR_OIDC_ISSUER_URI}) and the
 * pages sign in with it (an OIDC client registration, as {@code FRONTDOOR_OIDC_CLIENT_ID} and
 * {@code FRONTDOOR_OIDC_CLIENT_SECRET} make). The provider is {@link TestIdentityProvider}, in this
 * JVM. Every test class that needs an identity provider extends this, so they share one application
 * context: the only one besides the plain embedded default's.
 */
@Import(IdentityProviderTestSupport.WhoAmI.class)
public abstract class IdentityProviderTestSupport extends IntegrationTestSupport {

    /** The registration id, as in {@code application-prod.yml}. */
    protected static final String REGISTRATION = "council";
    protected static final String API_WHO_AM_I = "/api/v1/test-only/whoami";
    protected static final String PAGE_WHO_AM_I = "/test-only/whoami";

    /** Started once for the run; it lives as long as the application context that uses it. */
    protected static final TestIdentityProvider IDENTITY_PROVIDER = TestIdentityProvider.start();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDENTITY_PROVIDER::issuer);
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        registry.add(registration + "provider", () -> REGISTRATION);
        registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Test Council");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", IDENTITY_PROVIDER::issuer);
    }

    /**
     * Shows what the service makes of whoever calls: the API's answer is the {@link Actor}; the pages'
     * adds the name Spring Security holds (what the view audit records) and the authorities. Exists
     * only in this test context.
     */
    @RestController
    static class WhoAmI {

        private final ActorResolver actors;

        WhoAmI(ActorResolver actors) {
            this.actors = actors;
        }

        @GetMapping(API_WHO_AM_I)
        ResponseEntity<Actor> whoAmI(Authentication authentication) {
            return ResponseEntity.of(actors.resolve(authentication));
        }

        @GetMapping(PAGE_WHO_AM_I)
        Map<String, Object> signedIn(Authentication authentication) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", authentication.getName());
            answer.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
            answer.put("actor", actors.resolve(authentication).orElse(null));
            return answer;
        }
    }
}
