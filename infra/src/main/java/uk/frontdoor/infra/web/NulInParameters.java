package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.frontdoor.intake.http.Problems;
import uk.frontdoor.intake.submission.Violation;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A query parameter or a form's field holding the character U+0000 is refused ({@code 400} naming it), on
 * every page and endpoint: PostgreSQL's text cannot hold it, so such a value handed to a query (a team filter
 * on the alert board, an agency on the queue page) failed there with a 500 (found by the staff API fuzz test
 * at full size: {@code GET /api/v1/alerts?team=%00}). One check at the edge instead of one in every query.
 * Runs just before Spring Security, as its firewall does for URLs it refuses: a request no one could make
 * sense of is refused whoever sends it. The value itself is never echoed. (A raw NUL cannot be in a request
 * line: Tomcat refuses it.)
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class NulInParameters extends OncePerRequestFilter {

    private static final char NUL = '\u0000';

    private final ObjectMapper json;

    NulInParameters(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusedParameter(request.getQueryString());
        if (refused == null && isForm(request)) {
            refused = refusedFormField(request);
        }
        if (refused != null && BrowserErrorPage.wanted(request)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(BrowserErrorPage.html(HttpStatus.BAD_REQUEST.value()));
            return;
        }
        if (refused != null) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                    "A parameter holds a character this service does not accept; nothing was changed.");
            problem.setProperty("errors", List.of(new Violation(refused, "may not contain the character U+0000 (NUL)")));
            Problems.write(response, json, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The first query parameter holding U+0000 ({@code "url"} when its name does), or null. Read from the query
     * string, not {@code getParameterMap()}, which would read a form body the endpoint may want to read itself.
     */
    static String refusedParameter(String query) {
        if (query == null || !query.contains("%00")) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            if (name.indexOf(NUL) >= 0) {
                return "url";
            }
            if (value.indexOf(NUL) >= 0) {
                return name;
            }
        }
        return null;
    }

    /**
     * A page's form, sent as {@code application/x-www-form-urlencoded}: its fields are parameters, which Spring
     * Security (the CSRF token) and the page's controller read anyway, so reading them here takes nothing from them.
     */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The first form field holding U+0000 ({@code "url"} when its name does), or null. */
    private static String refusedFormField(HttpServletRequest request) {
        for (var field : request.getParameterMap().entrySet()) {
            if (field.getKey().indexOf(NUL) >= 0) {
                return "url";
            }
            for (String value : field.getValue()) {
                if (value.indexOf(NUL) >= 0) {
                    return field.getKey();
                }
            }
        }
        return null;
    }

    /** Malformed escapes are left to Tomcat and Spring, which refuse them already. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
