package uk.frontdoor.infra.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile's client registration for the pages, as {@code application-prod.yml}
 * writes it, bound from the {@code FRONTDOOR_OIDC_*} variables and completed from the provider's
 * discovery document (here {@link TestIdentityProvider}'s). Only Spring Boot's OAuth2 client
 * configuration runs: no database, broker or web server.
 */
class ProdOidcConfigurationTest {

    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();

    private final WebApplicationContextRunner prod = new WebApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
            .withPropertyValues("spring.profiles.active=prod",
                    "FRONTDOOR_OIDC_ISSUER_URI=" + PROVIDER.issuer(),
                    "FRONTDOOR_OIDC_CLIENT_ID=frontdoor-pages",
                    "FRONTDOOR_OIDC_CLIENT_SECRET=secret");

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void the_council_registration_comes_from_the_environment_and_the_providers_discovery_document() {
        prod.run(context -> {
            assertThat(context).hasNotFailed();
            ClientRegistration council = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("council");
            assertThat(council.getClientId()).isEqualTo("frontdoor-pages");
            assertThat(council.getClientName()).isEqualTo("your council account");
            assertThat(council.getScopes()).containsExactlyInAnyOrder("openid", "profile");
            assertThat(council.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
            assertThat(council.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            assertThat(council.getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
            assertThat(council.getProviderDetails().getIssuerUri()).isEqualTo(PROVIDER.issuer());
            assertThat(council.getProviderDetails().getAuthorizationUri()).isEqualTo(PROVIDER.issuer() + "/authorize");
            assertThat(council.getProviderDetails().getConfigurationMetadata())
                    .containsEntry("end_session_endpoint", PROVIDER.issuer() + "/logout");
        });
    }

    @Test
    void without_the_issuer_a_client_id_or_secret_the_service_does_not_start_and_says_which() {
        var noIssuer = new WebApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=prod");
        var unset = noIssuer.withPropertyValues("FRONTDOOR_OIDC_ISSUER_URI=" + PROVIDER.issuer());

        noIssuer.withPropertyValues("FRONTDOOR_OIDC_CLIENT_ID=frontdoor-pages", "FRONTDOOR_OIDC_CLIENT_SECRET=secret")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("FRONTDOOR_OIDC_ISSUER_URI"));
        unset.withPropertyValues("FRONTDOOR_OIDC_CLIENT_SECRET=secret").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("Client id of registration 'council' must not be empty"));
        unset.withPropertyValues("FRONTDOOR_OIDC_CLIENT_ID=frontdoor-pages").run(context -> assertThatThrownBy(() ->
                IdentityProviders.of(context.getBean(ClientRegistrationRepository.class)))
                .hasMessageContaining("FRONTDOOR_OIDC_CLIENT_SECRET"));
    }

    @Test
    void the_button_names_the_provider_as_the_council_configures_it() {
        prod.withPropertyValues("FRONTDOOR_OIDC_PROVIDER_NAME=Reading Borough Council", "FRONTDOOR_OIDC_SCOPES=openid")
                .run(context -> {
                    ClientRegistration council = context.getBean(ClientRegistrationRepository.class)
                            .findByRegistrationId("council");
                    assertThat(council.getClientName()).isEqualTo("Reading Borough Council");
                    assertThat(council.getScopes()).containsExactly("openid");
                });
    }
}
