package uk.frontdoor.infra.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue page filtered by what a placeholder withholds (the sending agency, the category of concern)
 * must not list or count a record restricted from the viewer: a placeholder row under "demo-school" and
 * "Abuse linked to faith or belief" would say what the restricted record says. Over real HTTP, signed in
 * with the form.
 */
class RestrictedQueueFiltersIntegrationTest extends IntegrationTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("data-contact-id=\"([^\"]+)\"");
    private static final Pattern MATCHING = Pattern.compile("of ([0-9,]+) matching contacts");
    private static final String NONE_MATCH = "No contacts waiting match these filters.";

    private static final List<String> FILTERS = List.of("agency=demo-school", "category=FAITH_OR_BELIEF",
            "agency=demo-school&category=FAITH_OR_BELIEF", "agency=demo-school&show=UNCLAIMED",
            "category=FAITH_OR_BELIEF&show=UNCLAIMED");

    @Test
    void a_record_restricted_from_the_viewer_is_neither_listed_nor_counted_by_an_agency_or_category_filter()
            throws Exception {
        ObjectNode submission = aChildOfItsOwn(sentBy("demo-school", submission()), ChildIdentity.fresh());
        ((ObjectNode) submission.get("concerns")).putArray("factors").add("23A");
        String contactId = contactIdOf(postContact(SCHOOL_KEY, submission));
        String childId = childOf(contactId);
        assertThat(postJson("/api/v1/children/" + childId + "/restriction", staff("manager1"), Map.of(
                "category", "PREVENT", "reason", "Prevent referral from the school.", "staff", List.of("sw2")))
                .statusCode()).isEqualTo(204);

        HttpClient sw1 = signedIn("sw1");
        HttpClient sw2 = signedIn("sw2");
        HttpClient manager = signedIn("manager1");
        // Those who may read it find it under every one of the filters, once the queue has it.
        for (String filter : FILTERS) {
            Awaitility.await().untilAsserted(() -> assertThat(queue(sw2, filter).rows()).as(filter).contains(contactId));
            assertThat(queue(manager, filter).rows()).as(filter).contains(contactId);
        }
        // The other worker: not a placeholder under the filter, and not in its count either.
        for (String filter : FILTERS) {
            Awaitility.await().untilAsserted(() -> {
                Filtered seen = queue(sw1, filter);
                assertThat(seen.rows()).as(filter).doesNotContain(contactId);
                assertThat(seen.restrictedRows()).as(filter + ": placeholders listed").isZero();
                assertThat(seen.matching()).as(filter + ": counted").isEqualTo(seen.rows().size());
            });
        }
        // Filtered by what a placeholder shows (its RAG rating), it is still a placeholder: that a restricted
        // record waits, and how urgent it is, is no secret.
        @SuppressWarnings("unchecked")
        Map<String, Object> threshold = (Map<String, Object>) Awaitility.await().until(() -> body(
                get("/api/v1/contacts/" + contactId, staff("manager1"))).get("threshold"), t -> t != null);
        String rag = "rag=" + threshold.get("priority");
        Awaitility.await().untilAsserted(() -> assertThat(queue(manager, rag).rows()).contains(contactId));
        Filtered byRating = queue(sw1, rag);
        assertThat(byRating.rows()).contains(contactId);
        assertThat(byRating.restrictedRows()).isPositive();
    }

    /** Every row of every page of the queue with this filter, and the count the page gives. */
    private record Filtered(List<String> rows, int restrictedRows, long matching) {
    }

    private Filtered queue(HttpClient client, String filter) throws Exception {
        List<String> rows = new ArrayList<>();
        int restricted = 0;
        long matching = -1;
        for (int page = 1; ; page++) {
            HttpResponse<String> answer = page(client, "/queue?" + filter + "&page=" + page);
            assertThat(answer.statusCode()).isEqualTo(200);
            String html = answer.body();
            Matcher count = MATCHING.matcher(html);
            long pageCount = count.find() ? Long.parseLong(count.group(1).replace(",", ""))
                    : html.contains(NONE_MATCH) ? 0 : -1;
            if (page == 1) {
                matching = pageCount;
            }
            Matcher row = ROW.matcher(html);
            int before = rows.size();
            while (row.find()) {
                rows.add(row.group(1));
            }
            restricted += countOf(html, ">Restricted record<");
            if (rows.size() == before || rows.size() >= matching) {
                return new Filtered(rows, restricted, matching);
            }
        }
    }

    private static int countOf(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = CSRF.matcher(client.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=dev-password&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return client;
    }

    private HttpResponse<String> page(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
