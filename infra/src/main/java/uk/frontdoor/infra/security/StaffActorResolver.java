package uk.frontdoor.infra.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The member of staff behind a request, for every way staff sign in: a password (HTTP Basic or the
 * pages' sign-in form) against the configured {@link StaffUsers} (name, role and agency from
 * configuration), or the council's identity provider, either as a JWT bearer token on the API or as
 * an OIDC sign-in to the pages (name, role and agency from the claims named in
 * {@link StaffTokenClaims}, read the same way for both). A partner system, an anonymous caller or a
 * token without a name, a front-door role or an agency is no member of staff: empty.
 */
@Component
public class StaffActorResolver implements ActorResolver {

    /**
     * Strongest first: a token naming several roles acts with the highest. A system manager's role
     * comes last: someone who also holds a casework role works as that, so running the service
     * never widens or narrows what they may do with children's records.
     */
    private static final List<StaffRole> PRECEDENCE =
            List.of(StaffRole.MANAGER, StaffRole.SOCIAL_WORKER, StaffRole.ADMINISTRATOR, StaffRole.SYSTEM_MANAGER,
                    StaffRole.PARTNER_PRACTITIONER);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private final Map<String, StaffUsers.User> passwordUsers;
    private final StaffTokenClaims claims;

    /** Told of each member of staff a token names, so that the staff directory knows them. */
    private java.util.function.BiConsumer<Actor, Set<String>> seen = (actor, teams) -> {
    };

    public StaffActorResolver(StaffUsers staff, StaffTokenClaims claims) {
        this.passwordUsers = staff.users().stream()
                .collect(Collectors.toUnmodifiableMap(StaffUsers.User::username, Function.identity()));
        this.claims = claims;
    }

    @Override
    public Optional<Actor> resolve(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromToken(token.getToken());
        }
        // The pages' OIDC sign-in: the ID token's claims, with the provider's user info merged in.
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return fromToken(user);
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof UserDetails user) {
            return Optional.ofNullable(passwordUsers.get(user.getUsername()))
                    .map(staff -> new Actor(staff.username(), staff.role(), staff.agency()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> referringAgency(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return text(token.getToken(), claims.referringAgencyClaim());
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return text(user, claims.referringAgencyClaim());
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof UserDetails user) {
            return Optional.ofNullable(passwordUsers.get(user.getUsername())).map(StaffUsers.User::referringAgency);
        }
        return Optional.empty();
    }

    /** A configured user's referring organisation is one of the partner agencies, or the start stops saying so. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void checkReferringAgencies(uk.frontdoor.intake.partner.PartnerAgencies agencies) {
        Set<String> codes = agencies.agencies().stream().map(uk.frontdoor.intake.partner.PartnerAgencies.Agency::code)
                .collect(Collectors.toUnmodifiableSet());
        passwordUsers.values().stream()
                .filter(user -> user.referringAgency() != null && !codes.contains(user.referringAgency()))
                .findFirst().ifPresent(user -> {
                    throw new IllegalStateException("frontdoor.staff.users: " + user.username() + "'s referring-agency "
                            + user.referringAgency() + " is not one of frontdoor.partners.agencies[].code");
                });
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void rememberSeenIn(ConfiguredStaffDirectory directory) {
        this.seen = directory::seen;
    }

    /** The member of staff a token's claims name; empty unless it has a name, a front-door role and an agency. */
    public Optional<Actor> fromToken(ClaimAccessor token) {
        Optional<String> username = text(token, claims.usernameClaim()).or(() -> text(token, JwtClaimNames.SUB));
        Optional<StaffRole> role = highestRole(token.getClaims().get(claims.roleClaim()));
        Optional<String> agency = text(token, claims.agencyClaim());
        if (username.isEmpty() || role.isEmpty() || agency.isEmpty()) {
            return Optional.empty();
        }
        Actor actor = new Actor(username.get(), role.get(), agency.get());
        seen.accept(actor, names(token.getClaims().get(claims.teamsClaim())));
        return Optional.of(actor);
    }

    /**
     * The highest front-door role in a role claim's value: a string (one role, or several separated
     * by spaces or commas) or a list of strings. Values that are no front-door role are ignored.
     */
    static Optional<StaffRole> highestRole(Object claim) {
        Set<String> named = names(claim);
        return PRECEDENCE.stream().filter(role -> named.contains(role.name())).findFirst();
    }

    /** The names in a claim's value: a string (one, or several separated by spaces or commas) or a list of strings. */
    static Set<String> names(Object claim) {
        Collection<?> values;
        if (claim instanceof String text) {
            values = List.of(SEPARATORS.split(text.trim()));
        } else if (claim instanceof Collection<?> list) {
            values = list;
        } else {
            return Set.of();
        }
        return values.stream()
                .filter(String.class::isInstance)
                .map(value -> ((String) value).trim())
                .filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<String> text(ClaimAccessor token, String claim) {
        return token.getClaims().get(claim) instanceof String value && !value.isBlank()
                ? Optional.of(value.trim())
                : Optional.empty();
    }
}
