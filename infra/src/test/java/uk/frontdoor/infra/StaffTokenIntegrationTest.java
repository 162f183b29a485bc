package uk.frontdoor.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.security.IdentityProviderTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Staff signing in with an identity provider's JWT, as in production: the embedded default plus the
 * in-process identity provider that the API takes its issuer, discovery document and signing keys
 * from (the application context shared with the pages' OIDC sign-in test). Tokens are signed here
 * with the provider's key, or, to be refused, with a key pair made for this run.
 */
class StaffTokenIntegrationTest extends IdentityProviderTestSupport {

    private static final KeyPair SOMEONE_ELSE = rsaKeyPair();

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
    void a_token_with_a_bad_signature_another_issuer_or_past_its_expiry_is_refused_as_unauthenticated() {
        String forged = sign(SOMEONE_ELSE, claims("MANAGER", claims -> { }));
        String otherIssuer = IDENTITY_PROVIDER.sign(claims("MANAGER", claims -> claims.issuer("https://idp.example")));
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String expired = IDENTITY_PROVIDER.sign(claims("MANAGER", claims -> claims
                .issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plus(10, ChronoUnit.MINUTES)))));
        String tampered = token("ADMINISTRATOR").replaceFirst("\\.[^.]+\\.", "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"roles\":\"MANAGER\",\"agency\":\"demo-council\"}".getBytes()) + ".");

        for (String token : List.of(forged, otherIssuer, expired, tampered)) {
            HttpResponse<String> response = get("/api/v1/triage-queue", bearer(token));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response)).containsEntry("type", "/problems/unauthenticated");
        }
    }

    @Test
    void a_valid_token_without_a_front_door_role_gets_no_staff_rights() {
        String noRole = IDENTITY_PROVIDER.sign(claims(null, claims -> { }));
        String unknownRole = token("SUPERUSER");

        assertThat(get("/api/v1/triage-queue", bearer(noRole)).statusCode()).isEqualTo(403);
        assertThat(get(API_WHO_AM_I, bearer(noRole)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/triage-queue", bearer(unknownRole)).statusCode()).isEqualTo(403);
    }

    @Test
    void the_actor_resolver_names_the_member_of_staff_their_highest_role_and_agency() {
        String token = IDENTITY_PROVIDER.sign(claims(List.of("ADMINISTRATOR", "SOCIAL_WORKER"),
                claims -> claims.claim("preferred_username", "j.smith").claim("agency", "reading-council")));
        Instant now = Instant.now();
        String subjectOnly = IDENTITY_PROVIDER.sign(new JWTClaimsSet.Builder().issuer(IDENTITY_PROVIDER.issuer())
                .subject("4f1c-77")
                .claim("roles", "MANAGER").claim("agency", "demo-council")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES))).build());

        HttpResponse<String> response = get(API_WHO_AM_I, bearer(token));
        HttpResponse<String> bySubject = get(API_WHO_AM_I, bearer(subjectOnly));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("userId", "j.smith").containsEntry("role", "SOCIAL_WORKER")
                .containsEntry("agency", "reading-council");
        assertThat(body(bySubject)).containsEntry("userId", "4f1c-77").containsEntry("role", "MANAGER");
    }

    @Test
    void whoever_a_valid_token_names_is_known_to_the_staff_directory_from_then_on() {
        String name = "oidc-manager-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(directory.find(name)).isEmpty();
        String token = IDENTITY_PROVIDER.sign(claims("MANAGER", claims -> claims.claim("preferred_username", name)));

        assertThat(get(API_WHO_AM_I, bearer(token)).statusCode()).isEqualTo(200);

        assertThat(directory.find(name)).hasValueSatisfying(member -> assertThat(member.role())
                .isEqualTo(uk.frontdoor.triage.api.staff.StaffRole.MANAGER));
        assertThat(jdbc.sql("SELECT agency FROM staff_seen WHERE user_id = ?").param(name).query(String.class)
                .single()).isEqualTo("demo-council");
        // A token naming no front-door role makes nobody known.
        String noRole = "oidc-nobody-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        get(API_WHO_AM_I, bearer(IDENTITY_PROVIDER.sign(claims(null, claims -> claims.claim("preferred_username", noRole)))));
        assertThat(directory.find(noRole)).isEmpty();
    }

    @Test
    void the_teams_a_token_names_are_the_members_teams_for_allocation_and_restricted_records() {
        String name = "oidc-worker-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String team = "assessment-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(directory.isTeam(team)).isFalse();
        String token = IDENTITY_PROVIDER.sign(claims("SOCIAL_WORKER", claims -> claims
                .claim("preferred_username", name).claim("teams", java.util.List.of(team, "mash"))));

        assertThat(get(API_WHO_AM_I, bearer(token)).statusCode()).isEqualTo(200);

        assertThat(directory.find(name)).hasValueSatisfying(member ->
                assertThat(member.teams()).containsExactlyInAnyOrder(team, "mash"));
        assertThat(directory.isTeam(team)).isTrue();
        String contactId = decided("ASSESSMENT");
        HttpResponse<String> allocated = postJson("/api/v1/contacts/" + contactId + "/allocation", staff("manager1"),
                java.util.Map.of("work", "CONTACT", "team", team, "worker", name));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(204);

        // The provider moves them to another team, as a string claim: the next token says so.
        get(API_WHO_AM_I, bearer(IDENTITY_PROVIDER.sign(claims("SOCIAL_WORKER", claims -> claims
                .claim("preferred_username", name).claim("teams", "prevent")))));
        assertThat(directory.find(name)).hasValueSatisfying(member ->
                assertThat(member.teams()).containsExactly("prevent"));
    }

    @Test
    void a_record_restricted_to_a_team_is_read_by_whoever_the_providers_token_puts_in_that_team() {
        String name = "oidc-prevent-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String team = "prevent-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String inTeam = IDENTITY_PROVIDER.sign(claims("SOCIAL_WORKER", claims -> claims
                .claim("preferred_username", name).claim("teams", List.of(team))));
        String movedOn = IDENTITY_PROVIDER.sign(claims("SOCIAL_WORKER", claims -> claims
                .claim("preferred_username", name).claim("teams", "mash")));
        // The team is known from the provider's token alone: no configured user belongs to it.
        assertThat(get(API_WHO_AM_I, bearer(inTeam)).statusCode()).isEqualTo(200);
        String contactId = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), ChildIdentity.fresh())));
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson("/api/v1/children/" + childOf(contactId) + "/restriction", staff("manager1"), java.util.Map.of(
                "category", "PREVENT", "reason", "Prevent referral from the school.", "teams", List.of(team)))
                .statusCode()).isEqualTo(204);

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(body(get(contact, bearer(inTeam))))
                .containsKey("threshold").doesNotContainKey("restricted"));
        assertThat(body(get(contact, staff("sw1")))).containsEntry("restricted", true).doesNotContainKey("threshold");
        // The provider moves them to another team: their next token no longer reads it.
        assertThat(body(get(contact, bearer(movedOn)))).containsEntry("restricted", true)
                .doesNotContainKey("threshold");
    }

    @org.springframework.beans.factory.annotation.Autowired
    uk.frontdoor.triage.api.staff.StaffDirectory directory;

    @Test
    void a_member_of_staff_with_a_token_logs_a_contact_under_the_agency_their_token_names() {
        String token = IDENTITY_PROVIDER.sign(claims("ADMINISTRATOR", claims -> claims.claim("agency", "tvp-mash")));

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

    private static String token(String role) {
        return IDENTITY_PROVIDER.sign(claims(role, claims -> { }));
    }

    private static JWTClaimsSet claims(Object roles, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(IDENTITY_PROVIDER.issuer())
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
