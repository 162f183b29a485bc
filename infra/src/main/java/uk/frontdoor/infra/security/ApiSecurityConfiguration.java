package uk.frontdoor.infra.security;

import uk.frontdoor.triage.api.StaffRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.http.Problems;
import uk.frontdoor.intake.http.SubmissionSizeLimitFilter;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerApiKeyAuthenticationFilter;
import uk.frontdoor.intake.partner.PartnerPrincipal;

/**
 * Who may call what. Partner systems authenticate with their agency's API key and may only submit
 * contacts and follow their own; staff authenticate as people (HTTP Basic against the configured
 * users here) and only social workers and managers read the triage queue.
 */
@Configuration
@EnableWebSecurity
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, PartnerAgencies agencies, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(json);
        http.securityMatcher("/api/**")
                // Stateless API for machines and scripts: no session, no cookie, so no CSRF to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new PartnerApiKeyAuthenticationFilter(agencies, unauthenticated),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden(json)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/contacts").hasRole(PartnerPrincipal.ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts/*")
                        .hasAnyRole(PartnerPrincipal.ROLE, StaffRole.ADMINISTRATOR.name(),
                                StaffRole.SOCIAL_WORKER.name(), StaffRole.MANAGER.name())
                        .requestMatchers("/api/v1/triage-queue/**", "/api/v1/threshold-rules/**")
                        .hasAnyRole(StaffRole.SCREENERS)
                        .anyRequest().hasAnyRole(StaffRole.ALL));
        return http.build();
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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

    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"frontdoor\", Basic realm=\"frontdoor\"");
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
