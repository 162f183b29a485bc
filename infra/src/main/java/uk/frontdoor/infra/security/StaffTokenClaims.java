package uk.frontdoor.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of a staff member's identity-provider token (JWT) say who they are: the API's bearer
 * tokens and the pages' OIDC sign-in (ID token and user info) are read alike. Only used when a JWT
 * decoder or an OIDC client registration is configured (in production, {@code FRONTDOOR_OIDC_*}).
 *
 * @param usernameClaim the sign-in name; when absent from a token, its {@code sub} is used
 * @param roleClaim     the front-door role: a string or a list of {@code ADMINISTRATOR},
 *                      {@code SOCIAL_WORKER}, {@code MANAGER}, {@code SYSTEM_MANAGER}; if several,
 *                      the highest counts (MANAGER, then SOCIAL_WORKER, then ADMINISTRATOR, then
 *                      SYSTEM_MANAGER)
 * @param agencyClaim   the agency the member of staff works for
 * @param teamsClaim    the teams they belong to (a list of strings, or one string separated by spaces or commas;
 *                      absent for none): for records restricted to a team and for work allocated to a team
 * @param referringAgencyClaim for partner staff, the referring organisation they belong to (a partner agency's code,
 *                      {@code frontdoor.partners.agencies[n].code}); absent for staff who stand for their whole kind
 *                      of agency
 */
@ConfigurationProperties("frontdoor.security.jwt")
public record StaffTokenClaims(@DefaultValue("preferred_username") String usernameClaim,
                            @DefaultValue("roles") String roleClaim,
                            @DefaultValue("agency") String agencyClaim,
                            @DefaultValue("teams") String teamsClaim,
                            @DefaultValue("referring_agency") String referringAgencyClaim) {
}
