package uk.frontdoor.infra.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restricted records over real HTTP, per role: a record restricted to a named worker is read in full by
 * that worker and by managers; another worker sees only that a restricted record exists, in the queue, the
 * contact API, the chronology and search; restricting and lifting are managers' alone.
 */
class RestrictedRecordsIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void a_record_restricted_to_a_named_worker_is_read_by_them_and_managers_and_is_a_placeholder_to_others() {
        ChildIdentity identity = ChildIdentity.fresh();
        ObjectNode submission = aChildOfItsOwn(submission(), identity);
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        String childId = childOf(contactId);
        searchable(childId, submission);
        String child = "/api/v1/children/" + childId;

        // Only managers restrict; the refusal comes before any change.
        Map<String, Object> restrict = Map.of("category", "PREVENT", "reason", "Prevent referral from the school.",
                "staff", List.of("sw2"));
        assertThat(postJson(child + "/restriction", staff("sw2"), restrict).statusCode()).isEqualTo(403);
        assertThat(postJson(child + "/restriction", staff("admin1"), restrict).statusCode()).isEqualTo(403);
        assertThat(postJson(child + "/restriction", bearer(POLICE_KEY), restrict).statusCode()).isEqualTo(403);
        assertThat(postJson(child + "/restriction", staff("manager1"), Map.of("category", "PREVENT")).statusCode())
                .isEqualTo(400);
        assertThat(postJson(child + "/restriction", staff("manager1"), restrict).statusCode()).isEqualTo(204);

        // The restriction holds as soon as the command returns: no read model to wait for.
        Map<String, Object> other = body(get("/api/v1/contacts/" + contactId, staff("sw1")));
        assertThat(other).containsEntry("restricted", true).containsEntry("contactId", contactId)
                .doesNotContainKeys("threshold", "work");
        for (String reader : List.of("sw2", "manager2")) {
            Map<String, Object> full = body(get("/api/v1/contacts/" + contactId, staff(reader)));
            assertThat(full).as(reader).containsKeys("threshold", "work").doesNotContainKey("restricted");
        }
        // The partner that sent it still follows its status.
        assertThat(body(get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY))))
                .containsEntry("contactId", contactId).doesNotContainKey("restricted");

        // The queue: a placeholder to the other worker, the child's name to the named worker and managers.
        String name = identity.givenName() + " " + identity.familyName();
        Map<String, Object> placeholder = queueItem("sw1", contactId);
        assertThat(placeholder).containsEntry("restricted", true).containsEntry("childName", "")
                .containsEntry("factors", List.of()).doesNotContainKeys("level", "agency", "referralSource");
        assertThat(placeholder.toString()).doesNotContain(identity.familyName());
        assertThat(queueItem("sw2", contactId)).containsEntry("restricted", false).containsEntry("childName", name);
        assertThat(queueItem("manager1", contactId)).containsEntry("childName", name);

        // The chronology: every entry keeps its place and time and says nothing to the other worker.
        List<Map<String, Object>> hidden = (List<Map<String, Object>>) body(get(child + "/chronology", staff("sw1")))
                .get("entries");
        assertThat(hidden).isNotEmpty().allSatisfy(entry -> assertThat(entry)
                .containsEntry("type", "Restricted").doesNotContainKeys("actorUserId", "actorRole", "actorAgency"));
        List<Map<String, Object>> shown = (List<Map<String, Object>>) body(get(child + "/chronology", staff("sw2")))
                .get("entries");
        assertThat(shown).extracting(entry -> entry.get("type")).contains("ContactReceived", "RecordRestricted");

        // Search: the child is listed, so no second record is made, with none of the details.
        String search = "/api/v1/children?familyName=" + URLEncoder.encode(identity.familyName(), StandardCharsets.UTF_8)
                + "&dateOfBirth=" + identity.dateOfBirth();
        Map<String, Object> found = searchResult("sw1", search, childId);
        assertThat(found).containsEntry("givenNames", List.of()).containsEntry("familyNames", List.of())
                .containsEntry("postcodes", List.of()).doesNotContainKeys("dateOfBirth", "nhsNumber", "sex");
        assertThat(searchResult("sw2", search, childId).get("familyNames")).isEqualTo(List.of(identity.familyName()));
        assertThat(searchResult("manager1", search, childId).get("familyNames")).isEqualTo(List.of(identity.familyName()));

        // What was withheld is recorded as such; what was read in full, as before.
        List<String> views = jdbc.sql("SELECT viewed_by || ': ' || what FROM record_views WHERE child_id = ? ORDER BY id")
                .param(childId).query(String.class).list();
        assertThat(views).contains("sw1: contact (API, restricted: withheld)", "sw2: contact (API)",
                "sw1: chronology (restricted entries withheld)", "sw2: chronology");
        assertThat(views).doesNotContain("sw1: triage queue (API)", "sw1: search");

        // Acting on a record is reading it: the other worker may not claim it, the named worker may.
        HttpResponse<String> claimed = postJson("/api/v1/contacts/" + contactId + "/claim", staff("sw1"), null);
        assertThat(claimed.statusCode()).isEqualTo(403);
        assertThat(body(claimed)).containsEntry("rule", "restricted-record");
        assertThat(postJson(child + "/links", staff("sw1"), Map.of("otherChildId", childId, "reason", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/contacts/" + contactId + "/claim", staff("sw2"), null).statusCode()).isEqualTo(204);
        assertThat(postJson("/api/v1/contacts/" + contactId + "/release", staff("sw2"), null).statusCode())
                .isEqualTo(204);

        // Managers list the restrictions; lifting one needs a reason and gives everyone the record back.
        List<Map<String, Object>> restrictions = list(get(child + "/restrictions", staff("manager2")));
        assertThat(restrictions).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("category", "PREVENT").containsEntry("visibleToStaff", List.of("sw2"))
                .containsEntry("restrictedBy", "manager1").doesNotContainKey("contactId"));
        assertThat(get(child + "/restrictions", staff("sw2")).statusCode()).isEqualTo(403);
        assertThat(postJson(child + "/restriction/lift", staff("sw2"), Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(postJson(child + "/restriction/lift", staff("manager2"), Map.of()).statusCode()).isEqualTo(400);
        assertThat(postJson(child + "/restriction/lift", staff("manager2"),
                Map.of("reason", "Channel panel closed the case.")).statusCode()).isEqualTo(204);
        assertThat(postJson(child + "/restriction/lift", staff("manager2"),
                Map.of("reason", "Again.")).statusCode()).isEqualTo(409);
        assertThat(body(get("/api/v1/contacts/" + contactId, staff("sw1")))).containsKeys("threshold", "work")
                .doesNotContainKey("restricted");
        assertThat(queueItem("sw1", contactId)).containsEntry("childName", name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_contact_restricted_to_a_team_leaves_the_rest_of_the_record_readable() {
        String first = contactIdOf(postContact(POLICE_KEY, submission()));
        String childId = childOf(first);
        String child = "/api/v1/children/" + childId;

        assertThat(postJson(child + "/restriction", staff("manager1"), Map.of("contactId", first, "category", "LADO",
                "reason", "Allegation against the child's football coach.", "teams", List.of("prevent")))
                .statusCode()).isEqualTo(204);

        // sw2 is in the team; sw1 is not.
        assertThat(body(get("/api/v1/contacts/" + first, staff("sw1")))).containsEntry("restricted", true);
        assertThat(body(get("/api/v1/contacts/" + first, staff("sw2")))).containsKey("work");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) body(get(child + "/chronology", staff("sw1")))
                .get("entries");
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.get("type")).isEqualTo(
                first.equals(entry.get("contactId")) ? "Restricted" : entry.get("type")));
        assertThat(entries).filteredOn(entry -> first.equals(entry.get("contactId")))
                .allSatisfy(entry -> assertThat(entry).containsEntry("type", "Restricted"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queueItem(String user, String contactId) {
        return Awaitility.await().until(() -> {
            for (int page = 1; ; page++) {
                Map<String, Object> answer = body(get("/api/v1/triage-queue?limit=500&page=" + page, staff(user)));
                List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
                for (Map<String, Object> item : items) {
                    if (contactId.equals(item.get("contactId"))) {
                        return item;
                    }
                }
                if (items.isEmpty() || page >= ((Number) answer.get("totalPages")).intValue()) {
                    return null;
                }
            }
        }, item -> item != null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> searchResult(String user, String search, String childId) {
        return Awaitility.await().until(() -> ((List<Map<String, Object>>) body(get(search, staff(user)))
                        .get("children")).stream().filter(found -> childId.equals(found.get("childId")))
                .findFirst().orElse(null), found -> found != null);
    }

    private List<Map<String, Object>> list(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
