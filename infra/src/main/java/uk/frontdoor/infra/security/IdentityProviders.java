package uk.frontdoor.infra.security;

import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import uk.frontdoor.infra.security.SignInOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The identity providers staff may sign in to the pages with: the OIDC client registrations
 * ({@code spring.security.oauth2.client.registration.*}), none unless configured. The embedded
 * default has none; the {@code prod} profile registers the council's ({@code FRONTDOOR_OIDC_*}).
 */
final class IdentityProviders {

    /** Spring Security's address that starts the authorization code flow with a registration. */
    private static final String AUTHORIZATION_PATH =
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/";
    private static final String END_SESSION_ENDPOINT = "end_session_endpoint";

    private final ClientRegistrationRepository repository;
    private final List<ClientRegistration> registrations;

    private IdentityProviders(ClientRegistrationRepository repository, List<ClientRegistration> registrations) {
        this.repository = repository;
        this.registrations = List.copyOf(registrations);
    }

    /** From Spring Boot's repository of registrations, or none when there is no repository. */
    static IdentityProviders of(ClientRegistrationRepository repository) {
        List<ClientRegistration> registrations = new ArrayList<>();
        // Spring Boot's repository (in memory) lists its registrations; no other kind is configured here.
        if (repository instanceof Iterable<?> all) {
            all.forEach(registration -> registrations.add((ClientRegistration) registration));
        }
        // The repository keeps no order: shown by id, the sign-in page looks the same every time.
        registrations.sort(Comparator.comparing(ClientRegistration::getRegistrationId));
        registrations.forEach(IdentityProviders::requireSecret);
        return new IdentityProviders(repository, registrations);
    }

    /**
     * A confidential client without its secret would start, then fail every sign-in at the provider's
     * token endpoint; better not to start, and to say which setting is missing.
     */
    private static void requireSecret(ClientRegistration registration) {
        boolean secretExpected = ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(registration.getClientAuthenticationMethod())
                || ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(registration.getClientAuthenticationMethod());
        if (secretExpected && (registration.getClientSecret() == null || registration.getClientSecret().isBlank())) {
            throw new IllegalStateException("spring.security.oauth2.client.registration." + registration.getRegistrationId()
                    + ".client-secret is empty (in the prod profile, set FRONTDOOR_OIDC_CLIENT_SECRET)");
        }
    }

    boolean any() {
        return !registrations.isEmpty();
    }

    /**
     * Where a signed-out request for a page goes: with one provider straight to it (staff expect their
     * council sign-in, often with no prompt at all, as in every other council system), with several to
     * the sign-in page to choose.
     */
    String entryPoint(String signInPage) {
        return registrations.size() == 1 ? AUTHORIZATION_PATH + registrations.get(0).getRegistrationId() : signInPage;
    }

    List<SignInOptions.IdentityProvider> signInOptions() {
        return registrations.stream()
                .map(registration -> new SignInOptions.IdentityProvider(registration.getRegistrationId(),
                        registration.getClientName(), AUTHORIZATION_PATH + registration.getRegistrationId()))
                .toList();
    }

    /**
     * The origins of the providers' authorization and end-session endpoints. A form submission that is
     * redirected is still held to the page's {@code form-action}, in Chromium at least: sign-out is a
     * POST whose answer redirects to the provider's end-session endpoint, and a form posted when the
     * session has ended is redirected to its authorization endpoint. Both would be blocked by
     * {@code form-action 'self'} alone.
     */
    Set<String> formTargets() {
        Set<String> origins = new LinkedHashSet<>();
        registrations.forEach(registration -> Stream.of(registration.getProviderDetails().getAuthorizationUri(),
                        registration.getProviderDetails().getConfigurationMetadata().get(END_SESSION_ENDPOINT))
                .filter(Objects::nonNull)
                .map(endpoint -> origin(endpoint.toString()))
                .forEach(origins::add));
        return origins;
    }

    /**
     * After sign-out: for someone signed in with a provider that advertises an end-session endpoint,
     * to that endpoint (so the provider's session ends too), which sends them back to {@code signedOut};
     * for anyone else straight to {@code signedOut}.
     */
    LogoutSuccessHandler signedOut(String signedOut) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(repository);
        handler.setPostLogoutRedirectUri("{baseUrl}" + signedOut);
        handler.setDefaultTargetUrl(signedOut);
        return handler;
    }

    private static String origin(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
