package uk.frontdoor.infra.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.staff.StaffRole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every endpoint and every page: the API's endpoints are read from the OpenAPI
 * document the service serves ({@code /v3/api-docs}), the pages' routes from Spring MVC's handler
 * mapping, and each is called, over HTTP, by every caller there is: nobody, a partner's API key and a
 * member of staff of each {@link StaffRole}. A caller the table below allows must not be refused
 * (401, 403, or for a page a redirect to sign in); a caller it does not allow must be. A new endpoint or
 * page without a row here fails the build, and so does a row for one that no longer exists.
 *
 * <p>The table is written out by hand, route by route, rather than derived from {@code StaffPermission}:
 * it is the second, independent statement of the rules that the security configuration must agree with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends IntegrationTestSupport {

    /** Everyone who may call: nobody signed in, a partner system, and a member of staff of each role. */
    enum Caller { ANONYMOUS, PARTNER, ADMINISTRATOR, SOCIAL_WORKER, MANAGER, SYSTEM_MANAGER, PARTNER_PRACTITIONER }

    private static final Map<StaffRole, String> DEMO_USER = Map.of(StaffRole.ADMINISTRATOR, "admin1",
            StaffRole.SOCIAL_WORKER, "sw1", StaffRole.MANAGER, "manager1", StaffRole.SYSTEM_MANAGER, "sysadmin1",
            StaffRole.PARTNER_PRACTITIONER, "police1");

    private static final Set<Caller> ANYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SIGNED_IN = EnumSet.of(Caller.ADMINISTRATOR, Caller.SOCIAL_WORKER,
            Caller.MANAGER, Caller.SYSTEM_MANAGER, Caller.PARTNER_PRACTITIONER);
    /** A partner agency's system, with its API key. */
    private static final Set<Caller> PARTNER_SYSTEM = EnumSet.of(Caller.PARTNER);
    /** Seconded MASH partner staff: their agency's partner checks, nothing else. */
    private static final Set<Caller> PARTNER_STAFF = EnumSet.of(Caller.PARTNER_PRACTITIONER);
    /** Open a child's records at all; also who finds a child. */
    private static final Set<Caller> CASEWORK = EnumSet.of(Caller.ADMINISTRATOR, Caller.SOCIAL_WORKER, Caller.MANAGER);
    private static final Set<Caller> PARTNER_AND_CASEWORK = EnumSet.of(Caller.PARTNER, Caller.ADMINISTRATOR,
            Caller.SOCIAL_WORKER, Caller.MANAGER);
    private static final Set<Caller> SCREEN = EnumSet.of(Caller.SOCIAL_WORKER, Caller.MANAGER);
    private static final Set<Caller> MANAGERS = EnumSet.of(Caller.MANAGER);
    private static final Set<Caller> RUN_SERVICE = EnumSet.of(Caller.SYSTEM_MANAGER);

    private static final String CONTACT = "/api/v1/contacts/{contactId}";
    private static final String CHILD = "/api/v1/children/{childId}";
    private static final String PAGE_CONTACT = "/contacts/{contactId}";

    /** The API: method and path as the OpenAPI document writes them, and who may call. */
    private static final Map<String, Set<Caller>> API = rules(
            "POST /api/v1/contacts", PARTNER_AND_CASEWORK,
            "GET " + CONTACT, PARTNER_AND_CASEWORK,
            "POST " + CONTACT + "/claim", SCREEN,
            "POST " + CONTACT + "/release", SCREEN,
            "POST " + CONTACT + "/consent", SCREEN,
            "POST " + CONTACT + "/partner-checks", SCREEN,
            "POST " + CONTACT + "/partner-checks/{checkId}/reply", CASEWORK,
            "POST " + CONTACT + "/priority", SCREEN,
            "POST " + CONTACT + "/proposal", SCREEN,
            "POST " + CONTACT + "/proposal/authorise", MANAGERS,
            "POST " + CONTACT + "/proposal/return", MANAGERS,
            "POST " + CONTACT + "/feedback", CASEWORK,
            "POST " + CONTACT + "/strategy-discussion", SCREEN,
            "POST " + CONTACT + "/strategy-discussion/record", SCREEN,
            "POST " + CONTACT + "/conference", SCREEN,
            "POST " + CONTACT + "/assessment", SCREEN,
            "POST " + CONTACT + "/out-of-hours/hand-back", SCREEN,
            "GET /api/v1/out-of-hours", SCREEN,
            "POST " + CONTACT + "/strategy-discussion/actions/{action}/done", SCREEN,
            "POST " + CONTACT + "/duties/{duty}", SCREEN,
            "POST " + CONTACT + "/identity/resolve", SCREEN,
            "POST " + CONTACT + "/allocation", MANAGERS,
            "GET " + CONTACT + "/allocations", SCREEN,
            "GET /api/v1/my-work", SCREEN,
            "GET /api/v1/partner/information-requests", PARTNER_SYSTEM,
            "GET /api/v1/partner/information-requests/answered", PARTNER_SYSTEM,
            "POST /api/v1/partner/information-requests/{requestId}/answer", PARTNER_SYSTEM,
            "GET /api/v1/partner/referral-quality", PARTNER_SYSTEM,
            "GET /api/v1/partner/strategy-actions", PARTNER_SYSTEM,
            "POST /api/v1/partner/strategy-actions/{actionId}/done", PARTNER_SYSTEM,
            "GET /api/v1/children", CASEWORK,
            "GET " + CHILD, SCREEN,
            "GET " + CHILD + "/chronology", SCREEN,
            "GET " + CHILD + "/family", SCREEN,
            "GET " + CHILD + "/views", MANAGERS,
            "GET " + CHILD + "/review-pack.pdf", MANAGERS,
            "POST " + CHILD + "/links", SCREEN,
            "POST " + CHILD + "/unlink", SCREEN,
            "POST " + CHILD + "/step-up", SCREEN,
            "POST " + CHILD + "/restriction", MANAGERS,
            "POST " + CHILD + "/restriction/lift", MANAGERS,
            "GET " + CHILD + "/restrictions", MANAGERS,
            "POST " + CHILD + "/erasure", MANAGERS,
            "POST " + CHILD + "/erasure/authorise", MANAGERS,
            "GET " + CHILD + "/erasure", MANAGERS,
            "POST " + CHILD + "/legal-holds", MANAGERS,
            "GET " + CHILD + "/legal-holds", MANAGERS,
            "POST " + CHILD + "/legal-holds/{holdId}/lift", MANAGERS,
            "GET " + CHILD + "/subject-access", MANAGERS,
            "GET " + CHILD + "/subject-access.pdf", MANAGERS,
            "GET /api/v1/data-protection/erasures/pending", MANAGERS,
            "GET /api/v1/data-protection/retention/runs", MANAGERS,
            "GET /api/v1/data-protection/retention/runs/{runId}", MANAGERS,
            "GET /api/v1/triage-queue", SCREEN,
            "GET /api/v1/threshold-rules", SCREEN,
            "GET /api/v1/threshold-rules/{ruleSet}/versions/{version}", SCREEN,
            "GET /api/v1/threshold-rules/diff", SCREEN,
            "POST /api/v1/threshold-rules/drafts/check", MANAGERS,
            "POST /api/v1/threshold-rules/simulations", MANAGERS,
            "GET /api/v1/threshold-rules/simulations/{simulationId}", MANAGERS,
            "POST /api/v1/threshold-rules/simulations/{simulationId}/cancel", MANAGERS,
            "GET /api/v1/alerts", MANAGERS,
            "GET /api/v1/alerts/stream", MANAGERS,
            "POST /api/v1/alerts/{alertId}/acknowledge", MANAGERS,
            "POST /api/v1/alerts/{alertId}/assign", MANAGERS,
            "POST /api/v1/alerts/{alertId}/escalate", MANAGERS,
            "GET /api/v1/performance", MANAGERS,
            "GET /api/v1/referral-quality", MANAGERS,
            "GET /api/v1/admin/projections", RUN_SERVICE,
            "GET /api/v1/admin/projections/{name}", RUN_SERVICE,
            "POST /api/v1/admin/projections/{name}/rebuild", RUN_SERVICE,
            "GET /api/v1/admin/data-protection/master-keys", RUN_SERVICE,
            // Allowed, it re-wraps with the current master key whatever is under a previous one: none in tests.
            "POST /api/v1/admin/data-protection/rewrap", RUN_SERVICE,
            // Allowed, it makes the table again from the events: the same rows, so nothing changes.
            "POST /api/v1/admin/restricted-records/rebuild", RUN_SERVICE,
            "GET /api/v1/admin/notifications", RUN_SERVICE,
            // Allowed, it finds no such email (404): nothing changes.
            "POST /api/v1/admin/notifications/{id}/retry", RUN_SERVICE,
            // Allowed, it finds no such email (404) or no reason (400): nothing changes.
            "POST /api/v1/admin/notifications/{id}/dismiss", RUN_SERVICE);

    /** The staff pages: every route Spring MVC serves outside the API, and who may open or post it. */
    private static final Map<String, Set<Caller>> PAGES = rules(
            "GET /sign-in", ANYONE,
            "GET /", SIGNED_IN,
            "POST /open-contact", CASEWORK,
            "GET /queue", SCREEN,
            "POST /queue/claim", SCREEN,
            "GET /contacts/new", CASEWORK,
            "POST /contacts/new", CASEWORK,
            "GET " + PAGE_CONTACT, CASEWORK,
            "POST " + PAGE_CONTACT + "/claim", SCREEN,
            "POST " + PAGE_CONTACT + "/release", SCREEN,
            "POST " + PAGE_CONTACT + "/consent", SCREEN,
            "POST " + PAGE_CONTACT + "/partner-checks", SCREEN,
            "POST " + PAGE_CONTACT + "/partner-checks/{checkId}/reply", CASEWORK,
            "POST " + PAGE_CONTACT + "/priority", SCREEN,
            "POST " + PAGE_CONTACT + "/proposal", SCREEN,
            "POST " + PAGE_CONTACT + "/proposal/authorise", MANAGERS,
            "POST " + PAGE_CONTACT + "/proposal/return", MANAGERS,
            "POST " + PAGE_CONTACT + "/feedback", CASEWORK,
            "POST " + PAGE_CONTACT + "/strategy-discussion", SCREEN,
            "POST " + PAGE_CONTACT + "/strategy-discussion/record", SCREEN,
            "POST " + PAGE_CONTACT + "/conference", SCREEN,
            "POST " + PAGE_CONTACT + "/assessment", SCREEN,
            "POST " + PAGE_CONTACT + "/out-of-hours/hand-back", SCREEN,
            "GET /out-of-hours", SCREEN,
            "POST " + PAGE_CONTACT + "/strategy-discussion/actions/{action}/done", SCREEN,
            "POST " + PAGE_CONTACT + "/duties/{duty}", SCREEN,
            "POST " + PAGE_CONTACT + "/identity/resolve", SCREEN,
            "POST " + PAGE_CONTACT + "/restriction", MANAGERS,
            "POST " + PAGE_CONTACT + "/restriction/lift", MANAGERS,
            "POST " + PAGE_CONTACT + "/allocation", MANAGERS,
            "GET /my-work", SCREEN,
            "GET /children/search", CASEWORK,
            "POST /children/search", CASEWORK,
            "GET /children/{childId}/chronology", SCREEN,
            "GET /children/{childId}/chronology.csv", SCREEN,
            "GET /children/{childId}/review-pack", MANAGERS,
            "GET /children/{childId}/review-pack.pdf", MANAGERS,
            "GET /children/{childId}/data-protection", MANAGERS,
            "POST /children/{childId}/data-protection/erasure", MANAGERS,
            "POST /children/{childId}/data-protection/erasure/authorise", MANAGERS,
            "POST /children/{childId}/data-protection/legal-holds", MANAGERS,
            "POST /children/{childId}/data-protection/legal-holds/lift", MANAGERS,
            "GET /children/{childId}/data-protection/subject-access.json", MANAGERS,
            "GET /children/{childId}/data-protection/subject-access.pdf", MANAGERS,
            "GET /data-protection", MANAGERS,
            "POST /children/{childId}/links", SCREEN,
            "POST /children/{childId}/unlink", SCREEN,
            "POST /children/{childId}/step-up", SCREEN,
            "GET /board", MANAGERS,
            "GET /board/stream", MANAGERS,
            "GET /board/alerts/{alertId}", MANAGERS,
            "POST /board/alerts/{alertId}/acknowledge", MANAGERS,
            "POST /board/alerts/{alertId}/assign", MANAGERS,
            "POST /board/alerts/{alertId}/escalate", MANAGERS,
            "GET /performance", MANAGERS,
            "GET /rules", SCREEN,
            "GET /rules/diff", SCREEN,
            "POST /rules/drafts/check", MANAGERS,
            "GET /rules/simulations", MANAGERS,
            "POST /rules/simulations", MANAGERS,
            "GET /rules/simulations/{simulationId}", MANAGERS,
            "GET /rules/simulations/{simulationId}/progress", MANAGERS,
            "POST /rules/simulations/{simulationId}/cancel", MANAGERS,
            "GET /referral-scorecard", MANAGERS,
            "GET /referral-quality", PARTNER_STAFF,
            "GET /partner-requests", PARTNER_STAFF,
            "GET /partner-requests/answered", PARTNER_STAFF,
            "GET /partner-requests/{requestId}", PARTNER_STAFF,
            "POST /partner-requests/{requestId}/answer", PARTNER_STAFF,
            "GET /partner-actions", PARTNER_STAFF,
            "GET /partner-actions/{actionId}", PARTNER_STAFF,
            "POST /partner-actions/{actionId}/done", PARTNER_STAFF,
            "GET /admin/projections", RUN_SERVICE,
            "GET /admin/projections/{name}", RUN_SERVICE,
            "GET /admin/projections/{name}/rebuild", RUN_SERVICE,
            "POST /admin/projections/{name}/rebuild", RUN_SERVICE,
            "GET /admin/projections/{name}/progress", RUN_SERVICE,
            "GET /admin/notifications", RUN_SERVICE,
            "POST /admin/notifications/{id}/retry", RUN_SERVICE,
            "GET /admin/notifications/{id}/dismiss", RUN_SERVICE,
            "POST /admin/notifications/{id}/dismiss", RUN_SERVICE);

    /**
     * Served by Spring MVC but no page or endpoint of ours: the error page, springdoc's own documents, and
     * the test-only "who am I" of the identity-provider tests (a test class on the test classpath, which the
     * application's component scan finds; it is never in the jar).
     */
    private static final Pattern NOT_OURS = Pattern.compile("/error|/v3/api-docs.*|/swagger-ui.*|(/api/v1)?/test-only/.*");

    /** What each path variable is filled with: nobody's, so an allowed call changes nothing. */
    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("contactId", "00000000-0000-4000-8000-00000000c0de"),
            Map.entry("childId", "00000000-0000-4000-8000-0000000c41d0"),
            Map.entry("alertId", "00000000-0000-4000-8000-00000000a1e7"),
            Map.entry("checkId", "no-such-check"),
            Map.entry("requestId", "no-such-request"),
            Map.entry("actionId", "no-such-discussion-1"),
            Map.entry("duty", "return-home-interview"),
            Map.entry("action", "1"),
            Map.entry("name", "no-such-projection"),
            Map.entry("simulationId", "no-such-simulation"),
            Map.entry("ruleSet", "no-such-rule-set"),
            Map.entry("version", "1"),
            Map.entry("holdId", "no-such-hold"),
            Map.entry("runId", "no-such-run"),
            Map.entry("id", "9223372036854775807"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Caller, PageSession> sessions = new EnumMap<>(Caller.class);

    @BeforeAll
    void signInOncePerCaller() {
        for (Caller caller : Caller.values()) {
            sessions.put(caller, PageSession.of(this, caller));
        }
    }

    @Test
    void every_role_is_a_caller_of_its_own() {
        assertThat(Arrays.stream(StaffRole.values()).map(role -> Caller.valueOf(role.name())))
                .containsExactlyInAnyOrderElementsOf(SIGNED_IN);
        assertThat(DEMO_USER.keySet()).containsExactlyInAnyOrder(StaffRole.values());
    }

    @Test
    void every_api_endpoint_the_openapi_document_lists_has_a_rule_and_every_rule_an_endpoint() throws IOException {
        assertThat(openApiEndpoints()).as("API endpoints in /v3/api-docs (left) against the rule table (right)")
                .isEqualTo(new TreeSet<>(API.keySet()));
        // And none served outside the document: an endpoint hidden from OpenAPI is still held to the table.
        assertThat(handlerRoutes(true)).isSubsetOf(API.keySet());
    }

    @Test
    void every_page_route_has_a_rule_and_every_rule_a_route() {
        assertThat(handlerRoutes(false)).as("page routes served (left) against the rule table (right)")
                .isEqualTo(new TreeSet<>(PAGES.keySet()));
    }

    @Test
    void each_caller_is_let_through_or_refused_exactly_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var rule : API.entrySet()) {
            for (Caller caller : Caller.values()) {
                int status = callApi(rule.getKey(), caller);
                boolean refused = status == 401 || status == 403;
                boolean allowed = rule.getValue().contains(caller);
                // Let through means answered: a server error is neither a refusal nor an answer.
                if (allowed == refused || status >= 500) {
                    wrong.add(rule.getKey() + " as " + caller + ": " + status);
                }
                checked++;
            }
        }
        for (var rule : PAGES.entrySet()) {
            for (Caller caller : Caller.values()) {
                PageAnswer answer = sessions.get(caller).call(rule.getKey());
                boolean allowed = rule.getValue().contains(caller);
                if (allowed == answer.refused() || answer.status() >= 500) {
                    wrong.add(rule.getKey() + " as " + caller + ": " + answer);
                }
                checked++;
            }
        }
        System.out.printf("Authorisation matrix: %d API endpoints and %d page routes, by %d callers: %d checks%n",
                API.size(), PAGES.size(), Caller.values().length, checked);
        assertThat(wrong).as("answers that break the rule table").isEmpty();
        assertThat(checked).isEqualTo((API.size() + PAGES.size()) * Caller.values().length);
    }

    /** "METHOD /path" for every operation the OpenAPI document lists under /api/. */
    private Set<String> openApiEndpoints() throws IOException {
        JsonNode paths = json.readTree(get("/v3/api-docs", null).body()).get("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/") && !NOT_OURS.matcher(path.getKey()).matches()) {
                endpoints.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return endpoints;
    }

    /** "METHOD /path" for every handler method Spring MVC serves, in the API ({@code api}) or outside it. */
    private Set<String> handlerRoutes(boolean api) {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(path -> {
            if (path.startsWith("/api/") != api || NOT_OURS.matcher(path).matches()) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods();
            // A mapping without a method answers every method; the table then names it by GET.
            (methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods)
                    .forEach(method -> routes.add(method.name() + " " + path));
        }));
        return routes;
    }

    private int callApi(String endpoint, Caller caller) {
        String[] parts = endpoint.split(" ", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(fill(parts[1]))).timeout(Duration.ofSeconds(30));
        if (parts[0].equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.GET();
        }
        String authorization = switch (caller) {
            case ANONYMOUS -> null;
            case PARTNER -> bearer(POLICE_KEY);
            default -> staff(DEMO_USER.get(StaffRole.valueOf(caller.name())));
        };
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return statusOnly(http, request.build());
    }

    /** The status alone: a stream (Server-Sent Events) is let go as soon as its headers arrive. */
    static int statusOnly(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String fill(String path) {
        String filled = path;
        for (var variable : VARIABLES.entrySet()) {
            filled = filled.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        assertThat(filled).as("every path variable of " + path + " has a value").doesNotContain("{");
        return filled;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** How a page answered: its status and, for a redirect, where to. */
    record PageAnswer(int status, String location) {
        /** Refused: forbidden, or sent to sign in (a page's answer to someone not signed in). */
        boolean refused() {
            return status == 401 || status == 403 || (status == 302 && location != null && location.endsWith("/sign-in"));
        }
    }

    /** A browser's session for one caller: signed in with the form (staff), or not signed in at all. */
    static final class PageSession {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final AuthorisationMatrixTest test;
        private final Caller caller;
        private final HttpClient client;
        private String csrf;

        private PageSession(AuthorisationMatrixTest test, Caller caller) {
            this.test = test;
            this.caller = caller;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static PageSession of(AuthorisationMatrixTest test, Caller caller) {
            PageSession session = new PageSession(test, caller);
            session.csrf = session.csrfOf(session.text("/sign-in"));
            if (SIGNED_IN.contains(caller)) {
                String form = "username=" + DEMO_USER.get(StaffRole.valueOf(caller.name()))
                        + "&password=dev-password&_csrf=" + URLEncoder.encode(session.csrf, StandardCharsets.UTF_8);
                int signedIn = statusOnly(session.client, HttpRequest.newBuilder(test.uri("/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
                assertThat(signedIn).as(caller + " signs in").isEqualTo(302);
                // A new session at sign-in: the page's forms carry its token.
                session.csrf = session.csrfOf(session.text("/sign-in"));
            }
            return session;
        }

        PageAnswer call(String route) {
            String[] parts = route.split(" ", 2);
            HttpRequest.Builder request = HttpRequest.newBuilder(test.uri(fill(parts[1]))).timeout(Duration.ofSeconds(30));
            if (parts[0].equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
            } else {
                request.GET();
            }
            if (caller == Caller.PARTNER) {
                request.header("Authorization", bearer(POLICE_KEY));
            }
            try {
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                return new PageAnswer(response.statusCode(), response.headers().firstValue("Location").orElse(null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String text(String path) {
            try {
                return client.send(HttpRequest.newBuilder(test.uri(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String csrfOf(String page) {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("a CSRF token on the sign-in page for " + caller).isTrue();
            return token.group(1);
        }
    }

    private static Map<String, Set<Caller>> rules(Object... rows) {
        Map<String, Set<Caller>> rules = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<Caller> callers = (Set<Caller>) rows[i + 1];
            assertThat(rules.put((String) rows[i], callers)).as("one rule for " + rows[i]).isNull();
        }
        return Map.copyOf(rules);
    }
}
