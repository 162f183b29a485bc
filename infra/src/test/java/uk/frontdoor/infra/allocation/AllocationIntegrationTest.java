package uk.frontdoor.infra.allocation;

import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Allocation over the staff API, against the embedded servers: a manager allocates a decided contact to a worker
 * in a team, the worker finds it in their own work and another worker does not, a second allocation hands it on,
 * and what is wrong is refused with a problem naming the field, with nothing recorded.
 */
class AllocationIntegrationTest extends IntegrationTestSupport {

    @Test
    void a_manager_allocates_a_decided_contact_and_the_worker_finds_it_in_their_own_work() {
        String contactId = decided("ASSESSMENT");
        String contact = "/api/v1/contacts/" + contactId;

        HttpResponse<String> allocated = postJson(contact + "/allocation", staff("manager1"),
                allocation("CONTACT", "mash", "sw1", "Visit within five working days."));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(204);

        Map<String, Object> mine = await().until(() -> myWorkItem("sw1", contactId), item -> item != null);
        assertThat(mine.get("restricted")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) mine.get("allocation");
        assertThat(item).containsEntry("work", "CONTACT").containsEntry("team", "mash").containsEntry("worker", "sw1")
                .containsEntry("note", "Visit within five working days.").containsEntry("allocatedBy", "manager1");
        assertThat(myWorkItem("sw2", contactId)).isNull();
        assertThat(list(get(contact + "/allocations", staff("sw2")))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("worker", "sw1"));

        // Allocated again: handed on to sw2, and gone from sw1's work.
        assertThat(postJson(contact + "/allocation", staff("manager2"), allocation("CONTACT", "mash", "sw2", null))
                .statusCode()).isEqualTo(204);
        await().until(() -> myWorkItem("sw2", contactId), item2 -> item2 != null);
        assertThat(myWorkItem("sw1", contactId)).isNull();
        assertThat(list(get(contact + "/allocations", staff("manager1")))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("worker", "sw2").containsEntry("allocatedBy", "manager2"));
    }

    @Test
    void what_cannot_be_allocated_is_refused_naming_the_field_and_nothing_is_recorded() {
        String undecided = contactIdOf(postContact(POLICE_KEY, submission()));
        awaitQueueItem(undecided);
        HttpResponse<String> notDecided = postJson("/api/v1/contacts/" + undecided + "/allocation", staff("manager1"),
                allocation("CONTACT", "mash", "sw1", null));
        assertThat(notDecided.statusCode()).as(notDecided.body()).isEqualTo(409);
        assertThat(notDecided.body()).contains("not-decided");

        String contactId = decided("ASSESSMENT");
        String path = "/api/v1/contacts/" + contactId + "/allocation";
        long eventsBefore = storedEvents();
        assertProblem(postJson(path, staff("manager1"), allocation("CONTACT", "masj", "sw1", null)), 400, "team");
        assertProblem(postJson(path, staff("manager1"), allocation("CONTACT", "mash", "sw9", null)), 400, "worker");
        assertProblem(postJson(path, staff("manager1"), allocation("CONTACT", "prevent", "sw1", null)), 400, "worker");
        assertProblem(postJson(path, staff("manager1"), allocation("CONTACT", "mash", "admin1", null)), 400, "worker");
        assertProblem(postJson(path, staff("manager1"), allocation("CONTACT", " ", "sw1", null)), 400, "team");
        assertProblem(postJson(path, staff("manager1"), allocation(null, "mash", "sw1", null)), 400, "work");
        assertThat(postJson(path, staff("sw1"), allocation("CONTACT", "mash", "sw1", null)).statusCode()).isEqualTo(403);
        assertThat(postJson(path, staff("admin1"), allocation("CONTACT", "mash", "sw1", null)).statusCode()).isEqualTo(403);
        assertThat(postJson(path, bearer(POLICE_KEY), allocation("CONTACT", "mash", "sw1", null)).statusCode())
                .isIn(401, 403);
        assertThat(get("/api/v1/my-work", staff("admin1")).statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(list(get("/api/v1/contacts/" + contactId + "/allocations", staff("manager1")))).isEmpty();
    }

    private static Map<String, Object> allocation(String work, String team, String worker, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("work", work);
        body.put("team", team);
        body.put("worker", worker);
        body.put("note", note);
        return body;
    }

    private Map<String, Object> myWorkItem(String worker, String contactId) {
        return list(get("/api/v1/my-work", staff(worker))).stream()
                .filter(item -> item.get("allocation") instanceof Map<?, ?> a && contactId.equals(a.get("contactId")))
                .findFirst().orElse(null);
    }

    private List<Map<String, Object>> list(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        try {
            assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo(field);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
