package uk.frontdoor.infra.security;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.frontdoor.infra.web.Browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff sign in to the pages with the council's identity provider (OIDC, authorization code flow),
 * against the whole service on its embedded PostgreSQL and Kafka and the in-process
 * {@link TestIdentityProvider}. Each "browser" is an HTTP client with its own cookies that follows
 * every redirect by hand, so each hop is checked: the page, the service's authorization address, the
 * provider, the service's callback with the code and state, the page again. One test drives headless
 * Chromium, where the page's Content-Security-Policy is enforced, through sign-in and sign-out.
 *
 * <p>The provider's subjects here look like e-mail addresses, as some providers' do: they must
 * appear nowhere the service records who did something.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcSignInIntegrationTest extends IdentityProviderTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CALLBACK = "/login/oauth2/code/" + REGISTRATION;
    private static final String AUTHORIZATION = "/oauth2/authorization/" + REGISTRATION;

    @Test
    void a_social_worker_signs_in_through_the_provider_sees_the_queue_and_is_kept_off_the_board() {
        Map<String, Object> worker = staffMember("oidc.worker", "SOCIAL_WORKER");
        IDENTITY_PROVIDER.signInAs(worker);
        var browser = new Session();

        // Signed out, a page sends the browser straight to the provider, by way of the service's own address.
        HttpResponse<String> page = browser.get("/queue");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).isEqualTo(app(AUTHORIZATION));
        HttpResponse<String> toProvider = browser.follow(page);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(location(toProvider)).startsWith(IDENTITY_PROVIDER.issuer() + "/authorize?");

        // The provider signs them in and sends them back with a code and the state it was given.
        HttpResponse<String> back = browser.follow(toProvider);
        Map<String, String> asked = last(IDENTITY_PROVIDER.authorizationRequests());
        assertThat(asked).containsEntry("client_id", TestIdentityProvider.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("scope", "openid profile")
                .containsEntry("redirect_uri", app(CALLBACK))
                .containsKeys("state", "nonce");
        assertThat(location(back)).startsWith(app(CALLBACK + "?code="))
                .endsWith("&state=" + URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));

        // The service swaps the code for tokens, checks the ID token (signature, issuer, audience, nonce)
        // and returns the worker to the page they asked for.
        HttpResponse<String> signedIn = browser.follow(back);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith(app("/queue"));
        HttpResponse<String> queue = browser.follow(signedIn);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("<title>Triage queue – Front door</title>")
                .contains("oidc.worker").contains("social worker")
                .doesNotContain((String) worker.get("sub"));

        // The duty board is for managers: the same 403 page a password user gets.
        HttpResponse<String> board = browser.get("/board");
        assertThat(board.statusCode()).isEqualTo(403);
        assertThat(board.body()).contains("Your role cannot do this");
        assertThat(browser.get("/admin/projections").statusCode()).isEqualTo(403);
    }

    @Test
    void a_page_user_has_the_same_actor_and_only_the_role_authority_an_api_caller_with_those_claims_has() {
        Map<String, Object> worker = staffMember("oidc.same", "SOCIAL_WORKER");
        var browser = signedIn(worker);

        Map<String, Object> page = body(browser.get(PAGE_WHO_AM_I));
        HttpResponse<String> api = get(API_WHO_AM_I, bearer(accessToken(worker)));

        assertThat(page.get("actor")).isEqualTo(Map.of("userId", "oidc.same", "role", "SOCIAL_WORKER",
                "agency", "demo-council"));
        assertThat(page.get("actor")).isEqualTo(body(api));
        assertThat(page.get("authorities")).isEqualTo(List.of("ROLE_SOCIAL_WORKER"));
        // The name Spring Security holds, which the view audit records: the front-door user id, never the subject.
        assertThat(page.get("name")).isEqualTo("oidc.same");
    }

    @Test
    void a_view_of_a_childs_record_is_audited_and_a_claim_recorded_under_the_front_door_user_id(CapturedOutput log) {
        Map<String, Object> worker = staffMember("oidc.audited", "SOCIAL_WORKER");
        var browser = signedIn(worker);
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));

        HttpResponse<String> contact = await().until(() -> browser.get("/contacts/" + contactId),
                response -> response.statusCode() == 200);
        HttpResponse<String> claimed = browser.post("/contacts/" + contactId + "/claim", Map.of("_csrf", csrf(contact)));

        assertThat(jdbc.sql("SELECT viewed_by || ' as ' || role FROM record_views WHERE what LIKE ?")
                .param("contact " + contactId + " %").query(String.class).list())
                .containsExactly("oidc.audited as SOCIAL_WORKER");
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(location(claimed)).isEqualTo(app("/contacts/" + contactId));
        await().until(() -> heldBy(contactId), "oidc.audited"::equals);
        assertThat(jdbc.sql("SELECT count(*) FROM record_views WHERE viewed_by = ?")
                .param(worker.get("sub")).query(Long.class).single()).isZero();
        assertThat(log.getAll()).doesNotContain("@people.example.org").doesNotContain("Test Person");
    }

    @Test
    void a_manager_signed_in_through_the_provider_opens_the_duty_board() {
        var browser = signedIn(staffMember("oidc.manager", "MANAGER"));

        HttpResponse<String> board = browser.get("/board");

        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("<title>Duty board – Front door</title>").contains("oidc.manager");
        assertThat(browser.get("/queue").statusCode()).isEqualTo(200);
    }

    @Test
    void someone_the_provider_knows_without_a_front_door_role_or_agency_is_refused_and_gets_no_session(
            CapturedOutput log) {
        Map<String, Object> noRole = staffMember("oidc.visitor", "SUPERUSER");
        Map<String, Object> noAgency = new LinkedHashMap<>(staffMember("oidc.agencyless", "MANAGER"));
        noAgency.remove("agency");

        for (Map<String, Object> user : List.of(noRole, noAgency)) {
            IDENTITY_PROVIDER.signInAs(user);
            var browser = new Session();
            HttpResponse<String> refused = browser.followToService(browser.get("/queue"));

            // Back on the sign-in page with a GOV.UK error summary, not a stack trace or a bare 401.
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(location(refused)).isEqualTo(app("/sign-in?not-staff"));
            HttpResponse<String> page = browser.follow(refused);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Error: Sign in – Front door</title>")
                    .contains("govuk-error-summary")
                    .contains("Your account is not set up for the front door")
                    .contains("href=\"#sign-in-with-council\"")
                    .doesNotContain((String) user.get("sub"));

            // Nothing was signed in: every page still sends the browser to the provider.
            for (String path : List.of("/queue", "/", PAGE_WHO_AM_I)) {
                HttpResponse<String> again = browser.get(path);
                assertThat(again.statusCode()).as(path).isEqualTo(302);
                assertThat(location(again)).as(path).isEqualTo(app(AUTHORIZATION));
            }
        }
        // The refusal is logged, but not who was refused.
        assertThat(log.getAll()).contains("Staff page sign-in refused")
                .doesNotContain("oidc.visitor").doesNotContain("oidc.agencyless").doesNotContain("@people.example.org");
    }

    @Test
    void signing_out_ends_the_session_here_and_at_the_provider() {
        Map<String, Object> worker = staffMember("oidc.leaving", "SOCIAL_WORKER");
        var browser = signedIn(worker);
        HttpResponse<String> queue = browser.get("/queue");
        assertThat(queue.statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = browser.post("/sign-out", Map.of("_csrf", csrf(queue)));

        // To the provider's end-session endpoint with the ID token as a hint and the way back ...
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(location(signOut)).startsWith(IDENTITY_PROVIDER.issuer() + "/logout?");
        Map<String, String> endSession = query(location(signOut));
        assertThat(endSession).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", app("/sign-in?signed-out"));
        HttpResponse<String> back = browser.follow(signOut);
        assertThat(IDENTITY_PROVIDER.endedSessions()).contains((String) worker.get("sub"));
        // ... and back to the sign-in page, which says so.
        assertThat(location(back)).isEqualTo(app("/sign-in?signed-out"));
        HttpResponse<String> signedOut = browser.follow(back);
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("You have signed out.").contains("Sign in with Test Council");

        HttpResponse<String> afterwards = browser.get("/queue");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(location(afterwards)).isEqualTo(app(AUTHORIZATION));
    }

    @Test
    void the_sign_in_page_offers_the_provider_as_a_link_and_lets_forms_reach_only_this_service_and_the_provider() {
        HttpResponse<String> page = new Session().get("/sign-in");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sign-in-with-council\"")
                .contains("href=\"" + AUTHORIZATION + "\"")
                .contains("Sign in with Test Council")
                // This context also has the demo password users, so their form stays too.
                .contains("id=\"username\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + IDENTITY_PROVIDER.issuer() + ";");
    }

    /**
     * The same in Chromium, which holds a form's redirects to the page's {@code form-action}: sign-out
     * is a POST answered with a redirect to the provider, which {@code form-action 'self'} alone would
     * block. (The queue, not the duty board: the board's live stream would hold the server's graceful
     * shutdown open after the browser has gone.)
     */
    @Test
    void in_a_browser_a_social_worker_signs_in_and_out_through_the_provider() {
        Map<String, Object> worker = staffMember("oidc.browser", "SOCIAL_WORKER");
        IDENTITY_PROVIDER.signInAs(worker);
        try (var browser = new Browser(port, Browser.DESKTOP)) {
            browser.open("/queue");
            browser.waitFor().until(driver -> browser.path().startsWith("/queue"));
            assertThat(browser.driver().getTitle()).isEqualTo("Triage queue – Front door");
            assertThat(browser.find(By.cssSelector(".frontdoor-signed-in")).getText()).contains("oidc.browser");

            browser.signOut();

            assertThat(browser.success()).isEqualTo("You have signed out.");
            assertThat(IDENTITY_PROVIDER.endedSessions()).contains((String) worker.get("sub"));
            assertThat(browser.find(By.id("sign-in-with-council")).getText()).isEqualTo("Sign in with Test Council");
            assertNoAccessibilityViolations(browser, "sign-in with a provider");

            IDENTITY_PROVIDER.signInAs(staffMember("oidc.browser", "NOT_A_ROLE"));
            browser.find(By.id("sign-in-with-council")).click();
            browser.waitFor().until(driver -> browser.path().startsWith("/sign-in?not-staff"));
            assertThat(browser.errorSummary()).contains("Your account is not set up for the front door");
            assertNoAccessibilityViolations(browser, "sign-in refused");
        }
    }

    /** A member of staff as the provider knows them: the subject is an e-mail address, on purpose. */
    private static Map<String, Object> staffMember(String username, String role) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username + "@people.example.org");
        claims.put("preferred_username", username);
        claims.put("name", "Test Person");
        claims.put("roles", List.of(role));
        claims.put("agency", "demo-council");
        return claims;
    }

    /** A browser signed in through the provider as this member of staff, on the page they first asked for. */
    private Session signedIn(Map<String, Object> user) {
        IDENTITY_PROVIDER.signInAs(user);
        var browser = new Session();
        HttpResponse<String> signedIn = browser.followToService(browser.get("/"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith(app("/"));
        return browser;
    }

    /** The access token the provider would give an API client for the same member of staff. */
    private static String accessToken(Map<String, Object> user) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(IDENTITY_PROVIDER.issuer())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)));
        user.forEach(claims::claim);
        return IDENTITY_PROVIDER.sign(claims.build());
    }

    private String heldBy(String contactId) {
        HttpResponse<String> status = get("/api/v1/contacts/" + contactId, staff("sw1"));
        return body(status).get("work") instanceof Map<?, ?> work ? (String) work.get("heldBy") : null;
    }

    private static void assertNoAccessibilityViolations(Browser browser, String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser.driver());
        assertThat(results.isErrored()).as(page + ": axe-core ran").isFalse();
        assertThat(results.getViolations().stream().map(Rule::getId).toList()).as(page).isEmpty();
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location header on a " + response.statusCode() + " from " + response.uri()));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on " + page.uri().getPath()).isTrue();
        return token.group(1);
    }

    private static <T> T last(List<T> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /**
     * One browser: its own cookies (the service's session, the provider's none), redirects not
     * followed unless asked, so the test sees each one.
     */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String pathOrUrl) {
            return send(HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : app(pathOrUrl)))
                    .GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(app(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Follows one redirect, as a browser does: a GET of its Location, relative to where it came from. */
        HttpResponse<String> follow(HttpResponse<String> redirect) {
            assertThat(redirect.statusCode()).as("a redirect from " + redirect.uri()).isBetween(300, 399);
            return get(redirect.uri().resolve(location(redirect)).toString());
        }

        /**
         * Follows a signed-out page's redirects to the provider and back, up to the service's answer to
         * its callback (the redirect after sign-in, or after a refused sign-in).
         */
        HttpResponse<String> followToService(HttpResponse<String> response) {
            HttpResponse<String> current = response;
            for (int hop = 0; hop < 5; hop++) {
                boolean callback = current.uri().getPath().equals(CALLBACK);
                if (callback || current.statusCode() < 300 || current.statusCode() > 399) {
                    return current;
                }
                current = follow(current);
            }
            throw new AssertionError("more redirects than sign-in takes, last from " + current.uri());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            // As a browser asks: error pages are then HTML, not the JSON a script would get.
            request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
