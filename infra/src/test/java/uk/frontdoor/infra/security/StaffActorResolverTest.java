package uk.frontdoor.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.staff.StaffRole;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffActorResolverTest {

    private static final StaffTokenClaims DEFAULT_CLAIMS =
            new StaffTokenClaims("preferred_username", "roles", "agency", "teams", "referring_agency");
    private static final StaffUsers USERS = new StaffUsers(List.of(
            new StaffUsers.User("admin1", "{noop}x", StaffRole.ADMINISTRATOR, "demo-council", List.of()),
            new StaffUsers.User("manager1", "{noop}x", StaffRole.MANAGER, "demo-council", List.of()),
            new StaffUsers.User("school1", "{noop}x", StaffRole.PARTNER_PRACTITIONER, "EDUCATION", List.of(),
                    "demo-school")));

    private final StaffActorResolver resolver = new StaffActorResolver(USERS, DEFAULT_CLAIMS);

    @Test
    void a_token_names_the_user_their_role_and_their_agency() {
        Jwt token = token(Map.of("sub", "0b7c", "preferred_username", "j.smith", "roles", "SOCIAL_WORKER",
                "agency", "reading-council"));

        assertThat(resolver.fromToken(token)).hasValue(new Actor("j.smith", StaffRole.SOCIAL_WORKER, "reading-council"));
        assertThat(resolver.resolve(new JwtAuthenticationToken(token, List.of())))
                .hasValue(new Actor("j.smith", StaffRole.SOCIAL_WORKER, "reading-council"));
    }

    /** Partner staff of one referring organisation, configured or named by a token's claim; nobody else belongs to one. */
    @Test
    void partner_staff_may_belong_to_one_referring_organisation() {
        var school1 = new UsernamePasswordAuthenticationToken(User.withUsername("school1").password("x").roles("STAFF")
                .build(), null, AuthorityUtils.createAuthorityList("ROLE_PARTNER_PRACTITIONER"));
        var manager1 = new UsernamePasswordAuthenticationToken(User.withUsername("manager1").password("x").roles("STAFF")
                .build(), null, AuthorityUtils.createAuthorityList("ROLE_MANAGER"));
        Jwt token = token(Map.of("sub", "0b7c", "preferred_username", "dsl", "roles", "PARTNER_PRACTITIONER",
                "agency", "EDUCATION", "referring_agency", "demo-academy"));

        assertThat(resolver.referringAgency(school1)).hasValue("demo-school");
        assertThat(resolver.referringAgency(manager1)).isEmpty();
        assertThat(resolver.referringAgency(new JwtAuthenticationToken(token, List.of()))).hasValue("demo-academy");
        assertThat(resolver.referringAgency(new JwtAuthenticationToken(token(Map.of("sub", "a", "roles",
                "PARTNER_PRACTITIONER", "agency", "POLICE")), List.of()))).isEmpty();
    }

    @Test
    void a_referring_organisation_that_is_no_partner_agency_stops_the_start() {
        var agencies = new uk.frontdoor.intake.partner.PartnerAgencies(List.of(new uk.frontdoor.intake.partner
                .PartnerAgencies.Agency("demo-academy", "Demo Academy", "0".repeat(64),
                uk.frontdoor.triage.api.value.ReferralSourceGroup.EDUCATION, null)));

        assertThatThrownBy(() -> resolver.checkReferringAgencies(agencies))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("school1").hasMessageContaining("demo-school");
    }

    @Test
    void without_the_username_claim_the_subject_names_the_user() {
        Jwt token = token(Map.of("sub", "0b7c", "roles", "MANAGER", "agency", "tvp"));

        assertThat(resolver.fromToken(token)).hasValueSatisfying(actor -> assertThat(actor.userId()).isEqualTo("0b7c"));
    }

    @Test
    void of_several_roles_the_highest_counts() {
        assertThat(roleIn(List.of("ADMINISTRATOR", "MANAGER", "SOCIAL_WORKER"))).isEqualTo(StaffRole.MANAGER);
        assertThat(roleIn(List.of("ADMINISTRATOR", "SOCIAL_WORKER"))).isEqualTo(StaffRole.SOCIAL_WORKER);
        assertThat(roleIn(List.of("offline_access", "ADMINISTRATOR"))).isEqualTo(StaffRole.ADMINISTRATOR);
        assertThat(roleIn("SOCIAL_WORKER MANAGER")).isEqualTo(StaffRole.MANAGER);
        assertThat(roleIn("ADMINISTRATOR,SOCIAL_WORKER")).isEqualTo(StaffRole.SOCIAL_WORKER);
        assertThat(roleIn("SYSTEM_MANAGER")).isEqualTo(StaffRole.SYSTEM_MANAGER);
        assertThat(roleIn(List.of("SYSTEM_MANAGER", "ADMINISTRATOR"))).isEqualTo(StaffRole.ADMINISTRATOR);
    }

    @Test
    void a_token_without_a_front_door_role_a_name_or_an_agency_is_no_member_of_staff() {
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "agency", "tvp")))).isEmpty();
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "roles", "manager", "agency", "tvp")))).isEmpty();
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "roles", List.of("user", "admin"), "agency", "tvp"))))
                .isEmpty();
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "roles", 3, "agency", "tvp")))).isEmpty();
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "roles", "MANAGER")))).isEmpty();
        assertThat(resolver.fromToken(token(Map.of("sub", "a", "roles", "MANAGER", "agency", " ")))).isEmpty();
        assertThat(resolver.fromToken(token(Map.of("iss", "x", "roles", "MANAGER", "agency", "tvp")))).isEmpty();
    }

    @Test
    void the_claim_names_are_configurable() {
        var custom = new StaffActorResolver(USERS, new StaffTokenClaims("upn", "frontdoor_roles", "org", "groups", "referring_agency"));
        Jwt token = token(Map.of("sub", "0b7c", "upn", "j.smith@council.example", "frontdoor_roles", List.of("MANAGER"),
                "org", "reading-council", "preferred_username", "ignored", "roles", "ADMINISTRATOR",
                "agency", "ignored"));

        assertThat(custom.fromToken(token))
                .hasValue(new Actor("j.smith@council.example", StaffRole.MANAGER, "reading-council"));
    }

    @Test
    void a_password_user_is_resolved_from_configuration() {
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername("admin1").password("{noop}x").roles("ADMINISTRATOR").build(), null,
                AuthorityUtils.createAuthorityList("ROLE_ADMINISTRATOR"));

        assertThat(resolver.resolve(signedIn)).hasValue(new Actor("admin1", StaffRole.ADMINISTRATOR, "demo-council"));
    }

    @Test
    void partners_anonymous_callers_and_unauthenticated_requests_are_no_member_of_staff() {
        var partner = new PreAuthenticatedAuthenticationToken(
                new PartnerPrincipal(AgencyCode.of("demo-police"), "Demo Police"), null,
                AuthorityUtils.createAuthorityList("ROLE_PARTNER"));
        var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        var notYetChecked = UsernamePasswordAuthenticationToken.unauthenticated("manager1", "guess");
        var unknownUser = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername("someone").password("{noop}x").roles("MANAGER").build(), null, List.of());

        assertThat(resolver.resolve(partner)).isEmpty();
        assertThat(resolver.resolve(anonymous)).isEmpty();
        assertThat(resolver.resolve(notYetChecked)).isEmpty();
        assertThat(resolver.resolve(unknownUser)).isEmpty();
        assertThat(resolver.resolve(null)).isEmpty();
    }

    @Test
    void a_staff_user_configured_twice_stops_start_up_without_showing_a_password_hash() {
        var user = new StaffUsers.User("sw1", "{bcrypt}secret-hash", StaffRole.SOCIAL_WORKER, "demo-council", List.of());

        assertThatThrownBy(() -> new StaffUsers(List.of(user, user)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sw1")
                .hasMessageNotContaining("secret-hash");
        assertThat(user.toString()).doesNotContain("secret-hash");
    }

    private StaffRole roleIn(Object roles) {
        return resolver.fromToken(token(Map.of("sub", "a", "roles", roles, "agency", "tvp"))).orElseThrow().role();
    }

    private static Jwt token(Map<String, Object> claims) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token").header("alg", "RS256").claims(all -> all.putAll(claims))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    }
}
