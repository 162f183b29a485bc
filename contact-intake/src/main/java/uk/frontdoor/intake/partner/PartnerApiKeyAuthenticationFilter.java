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

/**
 * Authenticates a partner system by its API key ({@code Authorization: Bearer <key>}). A request
 * without a bearer token passes on untouched, so staff credentials can be tried next; a bearer
 * token that is no agency's key is refused at once.
 */
public class PartnerApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final PartnerAgencies agencies;
    private final AuthenticationEntryPoint entryPoint;

    public PartnerApiKeyAuthenticationFilter(PartnerAgencies agencies, AuthenticationEntryPoint entryPoint) {
        this.agencies = agencies;
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
        Optional<PartnerPrincipal> partner = agencies.byApiKey(header.substring(BEARER.length()).trim());
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
}
