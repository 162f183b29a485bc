package uk.frontdoor.intake.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authenticates a partner system by its API key ({@code Authorization: Bearer <key>}). A request
 * without a bearer token passes on untouched, so staff credentials can be tried next. A bearer
 * token that is no agency's key but has the shape of a JWT (three dot-separated base64url
 * segments) also passes on, to the staff token check that follows; any other bearer token that
 * is no agency's key is refused at once.
 */
public class PartnerApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Pattern JWT_SHAPE =
            Pattern.compile("[A-Za-z0-9_-]+=*\\.[A-Za-z0-9_-]+=*\\.[A-Za-z0-9_-]+=*");

    private final PartnerAgencies.ApiKeys agencies;
    private final AuthenticationEntryPoint entryPoint;

    public PartnerApiKeyAuthenticationFilter(PartnerAgencies agencies, AuthenticationEntryPoint entryPoint) {
        this.agencies = agencies.apiKeys();
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Optional<PartnerPrincipal> partner = agencies.byApiKey(token);
        if (partner.isEmpty() && looksLikeJwt(token)) {
            // A member of staff's identity-provider token: the resource server decides, not this filter.
            chain.doFilter(request, response);
            return;
        }
        if (partner.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(partner.get(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + PartnerPrincipal.ROLE));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** Whether a bearer token has the shape of a signed JWT (JWS compact serialisation); says nothing of its validity. */
    public static boolean looksLikeJwt(String token) {
        return token != null && JWT_SHAPE.matcher(token).matches();
    }
}
