package uk.frontdoor.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.Actor;
import uk.frontdoor.triage.work.ActorResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff signing in with an identity provider's JWT, as in production: the embedded default plus
 * a public key to check token signatures with (its own application context, since it configures
 * a JWT decoder). Tokens are signed here with a key pair made for this run.
 */
@Import(StaffTokenIntegrationTest.WhoAmI.class)
class StaffTokenIntegrationTest extends IntegrationTestSupport {

    private static final KeyPair IDENTITY_PROVIDER = rsaKeyPair();
    private static final KeyPair SOMEONE_ELSE = rsaKeyPair();
    private static final String WHO_AM_I = "/api/v1/test-only/whoami";

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createTempFile("frontdoor-idp", ".pem");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(IDENTITY_PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKey.toUri().toString());
    }

    @Test
    void a_manager_with_a_valid_token_reads_the_triage_queue_and_an_administrator_may_not() {
        HttpResponse<String> manager = get("/api/v1/triage-queue", bearer(token("MANAGER")));
        HttpResponse<String> administrator = get("/api/v1/triage-queue", bearer(token("ADMINISTRATOR")));

        assertThat(manager.statusCode()).isEqualTo(200);
        assertThat(body(manager)).containsKey("items");
        assertThat(administrator.statusCode()).isEqualTo(403);
        assertThat(administrator.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(administrator)).containsEntry("type", "/problems/forbidden");
    }

    @Test
    void a_system_managers_token_opens_the_projections_and_nothing_about_children() {
        String token = bearer(token("SYSTEM_MANAGER"));

        assertThat(get("/api/v1/admin/projections", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/triage-queue", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/projections", bearer(token("MANAGER"))).statusCode()).isEqualTo(403);
    }

    @Test
    void a_token_with_a_bad_signature_or_past_its_expiry_is_refused_as_unauthenticated() {
        String forged = sign(SOMEONE_ELSE, claims("MANAGER", claims -> { }));
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String expired = sign(IDENTITY_PROVIDER, claims("MANAGER", claims -> claims
                .issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plus(10, ChronoUnit.MINUTES)))));
        String tampered = token("ADMINISTRATOR").replaceFirst("\\.[^.]+\\.", "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"roles\":\"MANAGER\",\"agency\":\"demo-council\"}".getBytes()) + ".");

        for (String token : List.of(forged, expired, tampered)) {
            HttpResponse<String> response = get("/api/v1/triage-queue", bearer(token));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response)).containsEntry("type", "/problems/unauthenticated");
        }
    }

    @Test
    void a_valid_token_without_a_front_door_role_gets_no_staff_rights() {
        String noRole = sign(IDENTITY_PROVIDER, claims(null, claims -> { }));
        String unknownRole = token("SUPERUSER");

        assertThat(get("/api/v1/triage-queue", bearer(noRole)).statusCode()).isEqualTo(403);
        assertThat(get(WHO_AM_I, bearer(noRole)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/triage-queue", bearer(unknownRole)).statusCode()).isEqualTo(403);
    }

    @Test
    void the_actor_resolver_names_the_member_of_staff_their_highest_role_and_agency() {
        String token = sign(IDENTITY_PROVIDER, claims(List.of("ADMINISTRATOR", "SOCIAL_WORKER"),
                claims -> claims.claim("preferred_username", "j.smith").claim("agency", "reading-council")));
        Instant now = Instant.now();
        String subjectOnly = sign(IDENTITY_PROVIDER, new JWTClaimsSet.Builder().subject("4f1c-77")
                .claim("roles", "MANAGER").claim("agency", "demo-council")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES))).build());

        HttpResponse<String> response = get(WHO_AM_I, bearer(token));
        HttpResponse<String> bySubject = get(WHO_AM_I, bearer(subjectOnly));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("userId", "j.smith").containsEntry("role", "SOCIAL_WORKER")
                .containsEntry("agency", "reading-council");
        assertThat(body(bySubject)).containsEntry("userId", "4f1c-77").containsEntry("role", "MANAGER");
    }

    @Test
    void a_member_of_staff_with_a_token_logs_a_contact_under_the_agency_their_token_names() {
        String token = sign(IDENTITY_PROVIDER, claims("ADMINISTRATOR", claims -> claims.claim("agency", "tvp-mash")));

        HttpResponse<String> posted = post("/api/v1/contacts", bearer(token), bytes(submission()));

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT agency FROM contact_registry WHERE contact_id = ?")
                .param(contactIdOf(posted)).query(String.class).single()).isEqualTo("tvp-mash");
    }

    @Test
    void partners_keys_and_password_users_still_work_beside_tokens() {
        String unknownContact = "/api/v1/contacts/00000000-0000-0000-0000-000000000000";

        // Authenticated as the police, who may read contacts: the answer is "no such contact", not 401.
        assertThat(get(unknownContact, bearer(POLICE_KEY)).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownKey = get(unknownContact, bearer("not-a-partner-key"));
        assertThat(unknownKey.statusCode()).isEqualTo(401);
        assertThat(unknownKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/triage-queue", staff("sw1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/triage-queue", bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
    }

    /** Shows what the actor resolver makes of the caller; exists only in this test's application context. */
    @RestController
    static class WhoAmI {

        private final ActorResolver actors;

        WhoAmI(ActorResolver actors) {
            this.actors = actors;
        }

        @GetMapping(WHO_AM_I)
        ResponseEntity<Actor> whoAmI(Authentication authentication) {
            return ResponseEntity.of(actors.resolve(authentication));
        }
    }

    private static String token(String role) {
        return sign(IDENTITY_PROVIDER, claims(role, claims -> { }));
    }

    private static JWTClaimsSet claims(Object roles, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject("5d1e-staff")
                .claim("preferred_username", "staff.member")
                .claim("agency", "demo-council")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        adjust.accept(claims);
        return claims.build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String authorization, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
