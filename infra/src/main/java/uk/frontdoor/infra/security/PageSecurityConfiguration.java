package uk.frontdoor.infra.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.infra.security.SignInOptions;

import java.util.Collection;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may open which staff page. Staff sign in with a form (GOV.UK-styled, at {@code /sign-in})
 * against the same users and roles as the staff API ({@link StaffUsers}, through the one
 * {@code UserDetailsService}), or, where an OIDC client is registered (production), with the
 * council's identity provider: the authorization code flow, its claims read by the same
 * {@link StaffActorResolver#fromToken} as the API's bearer tokens, so either way a member of staff
 * has the same role, authorities and {@code Actor}. The browser then holds a session cookie, so every
 * form carries a CSRF token. The role rules mirror the API's: only social workers and managers
 * screen (the queue, claim, consent, partner checks, RAG, proposals, strategy discussions and the
 * initial conference, duties the rules raised, identity decisions, a child's chronology, linking
 * records and stepping up from early help), only managers authorise or return a proposal, and any
 * member of staff who does casework logs a contact phoned in ({@code /contacts/new}) and records a
 * partner's reply or feedback to the referrer. System managers open the
 * projection pages ({@code /admin/**}) and nothing else: no queue, no contact, no chronology. The
 * domain refuses the same things again, whatever the page.
 *
 * <p>These chains come after the API's and the operations' ({@link ApiSecurityConfiguration}), which
 * match {@code /api/**} and the operational paths first and stay exactly as they were.
 */
@Configuration
class PageSecurityConfiguration {

    private static final String CONTACT = "/contacts/*";

    private static final String SIGN_IN = "/sign-in";
    private static final String SIGNED_OUT = SIGN_IN + "?signed-out";

    /**
     * The pages allow scripts, styles, fonts and images from this origin only: no inline script, no
     * third party, no framing (the pages show children's records). Forms go to this origin, and to the
     * identity providers' origins where staff sign in with one (see {@link IdentityProviders#formTargets()}).
     */
    static String contentSecurityPolicy(Collection<String> formTargets) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action "
                + Stream.concat(Stream.of("'self'"), formTargets.stream()).collect(Collectors.joining(" ")) + "; "
                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    @Bean
    IdentityProviders identityProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        return IdentityProviders.of(registrations.getIfAvailable());
    }

    /**
     * What the sign-in page offers: a button for each identity provider, and the password form where
     * there are password users (or, as it always was, where there is no identity provider).
     */
    @Bean
    SignInOptions signInOptions(StaffUsers staff, IdentityProviders providers) {
        return new SignInOptions(passwords(staff, providers), providers.signInOptions());
    }

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

    /**
     * Every other path: the staff pages, signed in with a form or with the council's identity
     * provider, held in a session.
     */
    @Bean
    @Order(4)
    SecurityFilterChain staffPagesSecurity(HttpSecurity http, StaffUsers staff, IdentityProviders providers,
                                           StaffActorResolver actors) throws Exception {
        // Without an identity provider, exactly as before: the form, even with no password users.
        if (passwords(staff, providers)) {
            http.formLogin(form -> form
                    .loginPage(SIGN_IN)
                    .loginProcessingUrl(SIGN_IN)
                    .failureUrl(SIGN_IN + "?error")
                    .defaultSuccessUrl("/", false)
                    .permitAll());
        }
        if (providers.any()) {
            http.oauth2Login(login -> login
                            .loginPage(SIGN_IN)
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new StaffOidcUserService(actors)))
                            // The provider's tokens live as long as the session and go with it at sign-out.
                            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                            .defaultSuccessUrl("/", false)
                            .failureHandler(signInFailed()))
                    .exceptionHandling(e -> e.authenticationEntryPoint(
                            new LoginUrlAuthenticationEntryPoint(providers.entryPoint(SIGN_IN))))
                    .logout(logout -> logout.logoutSuccessHandler(providers.signedOut(SIGNED_OUT)));
        } else {
            http.logout(logout -> logout.logoutSuccessUrl(SIGNED_OUT));
        }
        http.logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                // A new session id at sign-in (no fixation); one session is enough to do the work.
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(providers.formTargets())))
                        // Contact and child ids are not personal data, but no other site needs to see them.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        // Error pages are rendered for whoever hit the error (they show nothing of it).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        // The sign-in page with any query (?error, ?signed-out): formLogin's own
                        // permitAll matches the exact URL, query included.
                        .requestMatchers(HttpMethod.GET, SIGN_IN).permitAll()
                        // Everyone signed in has a start page; it sends each role where it works.
                        .requestMatchers(HttpMethod.GET, "/").hasAnyRole(StaffPermission.SIGN_IN.roleNames())
                        .requestMatchers("/admin/**").hasAnyRole(StaffPermission.RUN_SERVICE.roleNames())
                        // Seconded partner staff: their agency's partner checks, and nothing else of any record.
                        .requestMatchers("/partner-requests", "/partner-requests/**")
                        .hasAnyRole(StaffPermission.ANSWER_PARTNER_REQUESTS.roleNames())
                        // ... the strategy discussion actions given to their agency.
                        .requestMatchers("/partner-actions", "/partner-actions/**")
                        .hasAnyRole(StaffPermission.OWN_AGENCY_ACTIONS.roleNames())
                        .requestMatchers("/performance", "/performance/**").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Rule-set simulations and checking a draft rule file: managers only, as in the API.
                        .requestMatchers("/rules/simulations", "/rules/simulations/**", "/rules/drafts/**")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Reading the threshold rules and comparing versions: who screens, as GET /api/v1/threshold-rules.
                        .requestMatchers("/rules", "/rules/**").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Referral quality: partner staff their own kind of agency's figures; managers every agency's.
                        .requestMatchers("/referral-quality").hasAnyRole(StaffPermission.SEE_OWN_AGENCY_REFERRALS.roleNames())
                        .requestMatchers("/referral-scorecard").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers("/queue", "/queue/**").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Finding a child: administrators too, who log contacts and must find the child's record.
                        .requestMatchers("/children/search").hasAnyRole(StaffPermission.FIND_CHILD.roleNames())
                        // A child's chronology and the forms on it (link records, step up from early help).
                        // A practice review pack: managers only.
                        .requestMatchers("/children/*/review-pack", "/children/*/review-pack.pdf")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // Data protection: erasure, legal holds, retention, subject access: managers only, as in the API.
                        .requestMatchers("/children/*/data-protection", "/children/*/data-protection/**",
                                "/data-protection", "/data-protection/**")
                        .hasAnyRole(StaffPermission.PROTECT_DATA.roleNames())
                        .requestMatchers("/children/**").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // The duty manager's board and its alerts: managers only, as the alerts API.
                        .requestMatchers("/board", "/board/**").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        // The emergency duty team's out-of-hours queue: qualified staff, as the triage queue.
                        .requestMatchers("/out-of-hours").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Logging a contact phoned or e-mailed in: anyone who does casework, as POST /api/v1/contacts.
                        .requestMatchers("/contacts/new").hasAnyRole(StaffPermission.CASEWORK.roleNames())
                        .requestMatchers(HttpMethod.POST, CONTACT + "/proposal/authorise", CONTACT + "/proposal/return")
                        .hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers(HttpMethod.POST, CONTACT + "/partner-checks/*/reply", CONTACT + "/feedback")
                        .hasAnyRole(StaffPermission.CASEWORK.roleNames())
                        // Allocating work: managers, as in the API; each screener's own work list.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/allocation").hasAnyRole(StaffPermission.OVERSEE.roleNames())
                        .requestMatchers("/my-work").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        // Restricting a record to named staff, and lifting it: managers only, as in the API.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/restriction", CONTACT + "/restriction/lift")
                        .hasAnyRole(StaffPermission.RESTRICT.roleNames())
                        // Every other form on a contact is screening, as in the API: claim, consent, partner
                        // checks, RAG, proposal, strategy discussion, conference, duties, identity.
                        .requestMatchers(HttpMethod.POST, CONTACT + "/**").hasAnyRole(StaffPermission.SCREEN.roleNames())
                        .anyRequest().hasAnyRole(StaffPermission.CASEWORK.roleNames()));
        return http.build();
    }

    /** The password form: where there are password users, or no identity provider (as it always was). */
    private static boolean passwords(StaffUsers staff, IdentityProviders providers) {
        return staff.any() || !providers.any();
    }

    /**
     * A sign-in with the identity provider that failed goes back to the sign-in page, saying whether
     * the account is not set up for the front door or the sign-in did not complete. Any session is
     * ended: whoever was signed in before in this browser keeps no rights either.
     */
    private static AuthenticationFailureHandler signInFailed() {
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, failure) -> {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            boolean notStaff = failure instanceof OAuth2AuthenticationException refused
                    && StaffOidcUserService.NOT_STAFF.equals(refused.getError().getErrorCode());
            redirect.sendRedirect(request, response, SIGN_IN + (notStaff ? "?not-staff" : "?provider-error"));
        };
    }
}
