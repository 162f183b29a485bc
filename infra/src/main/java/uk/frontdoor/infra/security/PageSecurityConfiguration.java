package uk.frontdoor.infra.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.frontdoor.triage.api.StaffRole;

/**
 * Who may open which staff page. Staff sign in with a form (GOV.UK-styled, at {@code /sign-in})
 * against the same users and roles as the staff API ({@link StaffUsers}, through the one
 * {@code UserDetailsService}); the browser then holds a session cookie, so every form carries a
 * CSRF token. The role rules mirror the API's: only social workers and managers screen (the queue,
 * claim, consent, partner checks, RAG, proposals, strategy discussions and the initial conference,
 * duties the rules raised, identity decisions, a child's chronology, linking records and stepping up
 * from early help), only
 * managers authorise or return a proposal, and any member of staff records a partner's reply or
 * feedback to the referrer. System managers open the projection pages ({@code /admin/**}) and
 * nothing else: no queue, no contact, no chronology. The domain refuses the same things again, whatever the page.
 *
 * <p>These chains come after the API's and the operations' ({@link ApiSecurityConfiguration}), which
 * match {@code /api/**} and the operational paths first and stay exactly as they were.
 */
@Configuration
class PageSecurityConfiguration {

    private static final String MANAGER = StaffRole.MANAGER.name();
    private static final String CONTACT = "/contacts/*";

    /**
     * The pages allow scripts, styles, fonts and images from this origin only: no inline script, no
     * third party, no framing (the pages show children's records).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The GOV.UK Design System's files and ours: public, cacheable, no session. */
    @Bean
    @Order(3)
    SecurityFilterChain staticAssetsSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // Let the resource handlers' own caching stand: these files hold no personal data.
                .headers(headers -> headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /** Every other path: the staff pages, signed in with a form, held in a session. */
    @Bean
    @Order(4)
    SecurityFilterChain staffPagesSecurity(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .failureUrl("/sign-in?error")
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                // A new session id at sign-in (no fixation); one session is enough to do the work.
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // Contact and child ids are not personal data, but no other site needs to see them.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        // Error pages are rendered for whoever hit the error (they show nothing of it).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        // The sign-in page with any query (?error, ?signed-out): formLogin's own
                        // permitAll matches the exact URL, query included.
                        .requestMatchers(HttpMethod.GET, "/sign-in").permitAll()
                        // Everyone signed in has a start page; it sends each role where it works.
                        .requestMatchers(HttpMethod.GET, "/").hasAnyRole(StaffRole.ANY)
                        .requestMatchers("/admin/**").hasRole(StaffRole.SYSTEM_MANAGER.name())
                        .requestMatchers("/performance", "/performance/**").hasRole(MANAGER)
                        .requestMatchers("/queue", "/queue/**").hasAnyRole(StaffRole.SCREENERS)
                        // A child's chronology and the forms on it (link records, step up from early help).
                        .requestMatchers("/children/**").hasAnyRole(StaffRole.SCREENERS)
                        // The duty manager's board and its alerts: managers only, as the alerts API.
                        .requestMatchers("/board", "/board/**").hasRole(MANAGER)
                        .requestMatchers(HttpMethod.POST, CONTACT + "/proposal/authorise", CONTACT + "/proposal/return")
                        .hasRole(MANAGER)
                        .requestMatchers(HttpMethod.POST, CONTACT + "/partner-checks/*/reply", CONTACT + "/feedback")
                        .hasAnyRole(StaffRole.CASEWORK)
                        // Every other form on a contact is screening, as in the API: claim, consent, partner
                        // checks, RAG, proposal, strategy discussion, conference, duties, identity.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/**").hasAnyRole(StaffRole.SCREENERS)
                        .anyRequest().hasAnyRole(StaffRole.CASEWORK));
        return http.build();
    }
}
