package uk.frontdoor.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import uk.frontdoor.infra.web.BrowserErrorPage;
import org.springframework.security.web.access.AccessDeniedHandler;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.http.Problems;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.intake.http.SubmissionSizeLimitFilter;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerApiKeyAuthenticationFilter;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.staff.StaffPermission;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may call what. Partner systems authenticate with their agency's API key and may only submit
 * contacts and follow their own. Staff authenticate as people: with an identity provider's JWT
 * bearer token when a JWT decoder is configured (production), and with HTTP Basic when there are
 * configured staff users (the embedded default's demo users). Their role decides the rest: only
 * social workers and managers screen, only managers authorise, only system managers see and rebuild
 * projections (and they see nothing about children).
 */
@Configuration
@EnableWebSecurity
class ApiSecurityConfiguration {

    private static final String PARTNER = PartnerPrincipal.ROLE;
    /** Partners, and staff who work with children's records. */
    private static final String[] PARTNERS_AND_STAFF = Stream.concat(Stream.of(PARTNER),
            Arrays.stream(StaffPermission.CASEWORK.roleNames())).toArray(String[]::new);
    private static final String CONTACT = "/api/v1/contacts/*";

    /**
     * No Micrometer observation of each security filter and each authorisation decision: they wrapped every filter
     * of every request in an observation (13.6% of the request threads' samples in a profile of the HTTP
     * intake benchmark) and fed series nobody reads. Requests are still timed, by {@code http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A contact submitted ({@code POST /api/v1/contacts}, and nothing else): the API's authentication, exactly as in
     * {@link #api}, and its one rule for this request, partners and staff who work with children's records. A chain
     * of its own so that no MVC request matcher is asked about it, and Spring Security's handler-lookup cache is
     * skipped for it ({@link PartnerIntakeRequests}); no logout filter (nothing to log out of, and its matcher would
     * ask Spring MVC). Every refusal is the API chain's: 401 with the same challenge and problem, 403 the same.
     */
    @Bean
    @Order(0)
    SecurityFilterChain intake(HttpSecurity http, PartnerAgencies agencies, StaffUsers staff,
                               ObjectProvider<JwtDecoder> jwtDecoder, StaffActorResolver actors,
                               ObjectMapper json) throws Exception {
        http.securityMatcher(PartnerIntakeRequests.SUBMIT)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(PARTNERS_AND_STAFF));
        return authenticated(http, agencies, staff, jwtDecoder.getIfAvailable(), actors, json).build();
    }

    /** Spring Security's cache filter skips the intake, whose chain needs no handler lookup. */
    @Bean
    static BeanDefinitionRegistryPostProcessor introspectorSkippingTheIntake() {
        return PartnerIntakeRequests.introspectorSkippingTheIntake();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, PartnerAgencies agencies, StaffUsers staff,
                            ObjectProvider<JwtDecoder> jwtDecoder, StaffActorResolver actors,
                            ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Partners submit contacts; staff log the ones phoned in to them.
                        .requestMatchers(HttpMethod.POST, "/api/v1/contacts").hasAnyRole(PARTNERS_AND_STAFF)
                        .requestMatchers(HttpMethod.GET, CONTACT).hasAnyRole(PARTNERS_AND_STAFF)
                        // Partner checks sent to the agency, and its answers: partner systems only, each its own.
                        .requestMatchers("/api/v1/partner/**").hasRole(PARTNER)
                        // Only managers authorise or return a proposed decision.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/proposal/authorise", CONTACT + "/proposal/return")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Allocating work is a manager's; a worker's own list and a contact's allocations are screeners'.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/allocation").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers(HttpMethod.GET, CONTACT + "/allocations", "/api/v1/my-work")
                        .hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Recording a partner's reply and feedback to the referrer: any member of staff.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/partner-checks/*/reply", CONTACT + "/feedback")
                        .hasAnyRole(StaffPermission.CASEWORK.roleNames())
                        // Screening: qualified social workers and managers, never administrative staff.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/claim", CONTACT + "/release",
                                CONTACT + "/consent", CONTACT + "/partner-checks", CONTACT + "/priority",
                                CONTACT + "/proposal", CONTACT + "/strategy-discussion",
                                CONTACT + "/strategy-discussion/record", CONTACT + "/identity/resolve",
                                CONTACT + "/conference", CONTACT + "/duties/*", CONTACT + "/assessment",
                                CONTACT + "/strategy-discussion/actions/*/done", CONTACT + "/out-of-hours/hand-back")
                        .hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Finding a child: staff who log contacts too, never a partner.
                        .requestMatchers(HttpMethod.GET, "/api/v1/children").hasAnyRole(StaffPermission.FIND_CHILD.roleNames())
                        .requestMatchers(HttpMethod.GET, "/api/v1/children/*/views").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers(HttpMethod.GET, "/api/v1/children/*/review-pack.pdf")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Sealing a record to named staff, and lifting it: managers only.
                        .requestMatchers("/api/v1/children/*/restriction", "/api/v1/children/*/restriction/**",
                                "/api/v1/children/*/restrictions").hasAnyRole(StaffPermission.RESTRICT.roleNames())
                        // Data protection: erasure (four eyes), legal holds, retention, subject access: managers only.
                        .requestMatchers("/api/v1/children/*/erasure", "/api/v1/children/*/erasure/**",
                                "/api/v1/children/*/legal-holds", "/api/v1/children/*/legal-holds/**",
                                "/api/v1/children/*/subject-access", "/api/v1/children/*/subject-access.pdf",
                                "/api/v1/data-protection/**").hasAnyRole(StaffPermission.PROTECT_DATA.roleNames())
                        .requestMatchers("/api/v1/children/**").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        .requestMatchers("/api/v1/alerts/**").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers("/api/v1/performance/**", "/api/v1/performance").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers("/api/v1/referral-quality").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Replaying contacts through a draft rule set, and checking a draft: managers only.
                        .requestMatchers("/api/v1/threshold-rules/simulations", "/api/v1/threshold-rules/simulations/**",
                                "/api/v1/threshold-rules/drafts/**")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers("/api/v1/triage-queue/**", "/api/v1/threshold-rules/**", "/api/v1/out-of-hours")
                        .hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // The service's own machinery: system managers only, who see nothing of any child.
                        .requestMatchers("/api/v1/admin/**").hasAnyRole(StaffPermission.RUN_SERVICE.roleNames())
                        .anyRequest().hasAnyRole(StaffPermission.CASEWORK.roleNames()));
        return authenticated(http, agencies, staff, jwtDecoder.getIfAvailable(), actors, json).build();
    }

    /**
     * How the API's callers authenticate, and how it refuses them: a partner agency's API key, staff by HTTP Basic
     * (configured staff users) or an identity provider's JWT; no session, no CSRF; 401 and 403 as problems.
     */
    private static HttpSecurity authenticated(HttpSecurity http, PartnerAgencies agencies, StaffUsers staff,
                                              JwtDecoder tokens, StaffActorResolver actors, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(json, staff.any());
        AccessDeniedHandler forbidden = forbidden(json);
        // Stateless API for machines and scripts: no session, no cookie, so no CSRF to forge.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // First, so a partner's key is never mistaken for a staff token (or sent to the identity provider).
                .addFilterBefore(new PartnerApiKeyAuthenticationFilter(agencies, unauthenticated),
                        BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        if (staff.any()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        if (tokens != null) {
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(staffTokens())
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(staffAuthorities(actors))));
        }
        return http;
    }

    /** Operations and published contracts: no personal data behind any of these. */
    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/schemas/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/schemas/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    UserDetailsService staffUsers(StaffUsers staff) {
        var manager = new InMemoryUserDetailsManager();
        staff.users().forEach(user -> manager.createUser(User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.role().name())
                .build()));
        return manager;
    }

    /** Staff passwords are bcrypt; a success is remembered briefly so API calls do not pay bcrypt each time. */
    @Bean
    PasswordEncoder passwordEncoder(VerifiedCredentialsProperties verified, Clock clock) {
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return verified.timeToLive().isZero() ? passwords
                : new VerifiedCredentials(passwords, verified.timeToLive(), verified.maximumSize(), clock);
    }

    @Bean
    FilterRegistrationBean<SubmissionSizeLimitFilter> submissionSizeLimit(IntakeProperties properties,
                                                                         ObjectMapper json, IntakeMetrics metrics) {
        var registration = new FilterRegistrationBean<>(new SubmissionSizeLimitFilter(
                properties.maxSubmissionSize().toBytes(), json, metrics));
        registration.addUrlPatterns("/api/*");
        // After Spring Security (order -100): an unauthenticated caller learns nothing about limits.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /**
     * Staff tokens only: a bearer value that is not shaped like a JWT, or that already
     * authenticated a partner, is not the resource server's business.
     */
    private static BearerTokenResolver staffTokens() {
        var header = new DefaultBearerTokenResolver();
        return request -> {
            Authentication partner = SecurityContextHolder.getContext().getAuthentication();
            if (partner != null && partner.isAuthenticated()) {
                return null;
            }
            String token = header.resolve(request);
            return PartnerApiKeyAuthenticationFilter.looksLikeJwt(token) ? token : null;
        };
    }

    /**
     * A valid token grants {@code ROLE_<role>} for the member of staff it names, and nothing when
     * it names no front-door role, no user or no agency (so such a caller gets 403, never staff rights).
     */
    private static Converter<Jwt, AbstractAuthenticationToken> staffAuthorities(StaffActorResolver actors) {
        return jwt -> {
            Optional<Actor> actor = actors.fromToken(jwt);
            List<GrantedAuthority> authorities = actor
                    .map(staff -> AuthorityUtils.createAuthorityList("ROLE_" + staff.role().name()))
                    .orElse(List.of());
            return new JwtAuthenticationToken(jwt, authorities, actor.map(Actor::userId).orElse(jwt.getSubject()));
        };
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded slash, semicolon or percent sign, a {@code ..}
     * segment): a problem naming the URL, like every other refusal, instead of the servlet container's HTML
     * error page. Found by the staff API fuzz test. A browser on a staff page gets an HTML page
     * ({@link BrowserErrorPage}).
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> {
            if (BrowserErrorPage.wanted(request)) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(BrowserErrorPage.html(HttpStatus.BAD_REQUEST.value()));
                return;
            }
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                    "The URL has characters or segments this service does not accept; nothing was changed.");
            problem.setProperty("errors", List.of(new Violation("url",
                    "may not hold an encoded slash, semicolon or percent sign, a '..' segment or a control character")));
            Problems.write(response, json, problem);
        };
    }

    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json, boolean basic) {
        String challenge = "Bearer realm=\"frontdoor\"" + (basic ? ", Basic realm=\"frontdoor\"" : "");
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", challenge);
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                    "Authentication required",
                    "Send a partner agency's API key as a bearer token, or staff credentials."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, denied) -> Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN, "Not allowed", "Your role may not do this."));
    }
}
