package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/triage-queue} a page at a time over HTTP, against the real read model: the pages
 * follow one another in the queue's order without overlap, the answer keeps its old shape with where the
 * page stands beside it, and a bad page or limit is a 400 problem naming the parameter, not a 500.
 */
class TriageQueuePagingIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void pages_of_the_queue_follow_one_another_in_its_order() {
        // Seven of its own: page 3 of 2 must have a next page whatever other tests left waiting.
        sevenOfItsOwn();

        Map<String, Object> first = body(get("/api/v1/triage-queue", staff("sw1")));
        assertThat(first).containsKeys("items", "totalWaiting").containsEntry("page", 1).containsEntry("limit", 100);
        long waiting = ((Number) first.get("totalWaiting")).longValue();
        assertThat(waiting).isGreaterThanOrEqualTo(7);
        assertThat((List<?>) first.get("items")).hasSize((int) Math.min(100, waiting));

        List<Object> whole = queueItems().stream().map(item -> item.get("contactId")).toList();
        List<Object> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            HttpResponse<String> response = get("/api/v1/triage-queue?limit=2&page=" + page, staff("sw1"));
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> answer = body(response);
            assertThat(answer).containsEntry("page", page).containsEntry("limit", 2)
                    .containsEntry("totalPages", (int) ((waiting + 1) / 2)).containsEntry("totalWaiting", (int) waiting);
            ((List<Map<String, Object>>) answer.get("items")).forEach(item -> paged.add(item.get("contactId")));
            String next = "</api/v1/triage-queue?page=" + (page + 1) + "&limit=2>; rel=\"next\"";
            assertThat(response.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                    .contains("</api/v1/triage-queue?page=1&limit=2>; rel=\"first\"").contains(next));
        }
        assertThat(paged).hasSize(6).doesNotHaveDuplicates().containsExactlyElementsOf(whole.subList(0, 6));

        Map<String, Object> beyond = body(get("/api/v1/triage-queue?limit=500&page=1000", staff("sw1")));
        assertThat((List<?>) beyond.get("items")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_next_and_previous_addresses_find_the_same_pages_by_cursor() {
        // Seven of its own: page 4 of 2 must exist whatever other tests left waiting.
        sevenOfItsOwn();
        List<Object> whole = queueItems().stream().map(item -> item.get("contactId")).toList();
        assertThat(whole).hasSizeGreaterThanOrEqualTo(7);

        // Forwards by each answer's next address: the pages by number, the same contacts.
        Map<String, Object> answer = body(get("/api/v1/triage-queue?limit=2", staff("sw1")));
        assertThat(answer).doesNotContainKey("previous");
        List<Object> forwards = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            assertThat(answer).containsEntry("page", page).containsEntry("limit", 2);
            ((List<Map<String, Object>>) answer.get("items")).forEach(item -> forwards.add(item.get("contactId")));
            String next = (String) answer.get("next");
            assertThat(next).startsWith("/api/v1/triage-queue?page=" + (page + 1) + "&limit=2&after=");
            visited.add(next);
            answer = body(get(next, staff("sw1")));
        }
        assertThat(forwards).containsExactlyElementsOf(whole.subList(0, 6));
        // And back by each previous address, from page 4 to page 1.
        for (int page = 3; page >= 1; page--) {
            String previous = (String) answer.get("previous");
            assertThat(previous).startsWith("/api/v1/triage-queue?page=" + page + "&limit=2&before=");
            answer = body(get(previous, staff("sw1")));
            assertThat(answer).containsEntry("page", page);
            assertThat(((List<Map<String, Object>>) answer.get("items")).stream().map(item -> item.get("contactId")))
                    .containsExactlyElementsOf(whole.subList(2 * (page - 1), 2 * page));
        }
        assertThat(answer).doesNotContainKey("previous");
        // The Link header still gives the pages by number.
        HttpResponse<String> byCursor = get(visited.get(0), staff("sw1"));
        assertThat(byCursor.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("</api/v1/triage-queue?page=3&limit=2>; rel=\"next\"").doesNotContain("after="));
    }

    /** The answer to {@code query}: a 400 problem about paging, naming only {@code field}, its detail starting so. */
    @SuppressWarnings("unchecked")
    private HttpResponse<String> pagingProblem(String query, String field, String detail) {
        HttpResponse<String> response = get("/api/v1/triage-queue?" + query, staff("sw1"));
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        Map<String, Object> problem = body(response);
        assertThat(problem).as(query).containsEntry("type", "/problems/invalid-paging").containsEntry("status", 400);
        assertThat((String) problem.get("detail")).as(query).startsWith(detail);
        assertThat((List<Map<String, Object>>) problem.get("errors")).as(query).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", field));
        return response;
    }

    private void sevenOfItsOwn() {
        for (int i = 0; i < 7; i++) {
            String key = i % 2 == 0 ? POLICE_KEY : SCHOOL_KEY;
            assertThat(postContact(key, sentBy(key, submission())).statusCode()).isEqualTo(202);
        }
        awaitUpToDate("triage-queue");
    }

    @Test
    void a_bad_cursor_is_a_problem_naming_the_parameter() {
        sevenOfItsOwn();
        String cursor = ((String) body(get("/api/v1/triage-queue?limit=1", staff("sw1"))).get("next"))
                .replaceAll(".*after=", "");
        for (String query : List.of("after=not-a-cursor", "before=%21%21", "after=", "before=" + cursor + "x",
                "after=" + cursor + "&before=" + cursor)) {
            String field = query.contains("&before=") ? "before" : query.substring(0, query.indexOf('='));
            HttpResponse<String> response = pagingProblem(query, field, "The parameter " + field + " ");
            assertThat(response.body()).as(query).doesNotContain("not-a-cursor");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bad_page_or_limit_is_a_problem_naming_the_parameter() {
        for (String query : List.of("limit=0", "limit=1000", "limit=501", "limit=ten", "limit=-5", "limit=",
                "page=0", "page=-1", "page=two", "page=1.5", "page=99999999999")) {
            String field = query.substring(0, query.indexOf('='));
            HttpResponse<String> response = pagingProblem(query, field, "The parameter " + field + " must be");
            // What was sent is not repeated.
            String sent = query.substring(query.indexOf('=') + 1);
            if (sent.length() > 1) {
                assertThat(response.body()).as(query).doesNotContain(sent);
            }
        }
        Map<String, Object> both = body(get("/api/v1/triage-queue?page=0&limit=0", staff("sw1")));
        assertThat((List<Map<String, Object>>) both.get("errors")).extracting(error -> error.get("field"))
                .containsExactly("page", "limit");
        // The same rules as before for who may read it.
        assertThat(get("/api/v1/triage-queue?limit=0", staff("admin1")).statusCode()).isEqualTo(403);
    }
}
