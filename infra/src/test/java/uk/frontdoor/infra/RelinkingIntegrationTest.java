package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One child, one history, over HTTP against the real event store (issue 13): linking two records found
 * to be one child assesses the open contacts again with both histories, and undoing a wrong link
 * assesses them again without it, both recorded in each chronology. Bad requests are refused whole.
 */
class RelinkingIntegrationTest extends IntegrationTestSupport {

    @Test
    void linking_raises_the_open_contact_with_the_pooled_history_and_undoing_the_link_restores_it() throws Exception {
        // Two police contacts about one child (one NHS number), then a school's contact about the same
        // child under another record: on its own it has no history.
        ObjectNode first = submission();
        String nhs = first.get("child").get("nhsNumber").asText();
        String firstContact = contactIdOf(postContact(POLICE_KEY, first));
        ObjectNode second = submission();
        ((ObjectNode) second.get("child")).put("nhsNumber", nhs);
        contactIdOf(postContact(POLICE_KEY, second));
        String schoolContact = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission())));
        String known = childOf(firstContact);
        String other = childOf(schoolContact);
        assertThat(firedFor(schoolContact, "ThresholdAssessed").get(0)).doesNotContain("ACCUMULATING-CONCERNS");

        HttpResponse<String> linked = postJson("/api/v1/children/" + other + "/links", staff("sw1"),
                Map.of("otherChildId", known, "reason", "The school confirmed it is the same child"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(204);

        // In the same transaction as the link: the school's open contact, assessed again with both histories.
        JsonNode raised = reassessments(schoolContact).get(0);
        assertThat(raised.get("cause").asText()).isEqualTo("RECORDS_LINKED");
        assertThat(raised.get("otherRecord").asText()).isEqualTo(known);
        assertThat(rules(raised)).contains("ACCUMULATING-CONCERNS");
        assertThat(raised.get("threshold").get("level").asInt()).isGreaterThan(raised.get("previousLevel").asInt());

        HttpResponse<String> unlinked = postJson("/api/v1/children/" + other + "/unlink", staff("manager1"),
                Map.of("otherChildId", known, "reason", "Different dates of birth on the GP record"));
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(204);

        JsonNode restored = reassessments(schoolContact).get(1);
        assertThat(restored.get("cause").asText()).isEqualTo("RECORDS_UNLINKED");
        assertThat(rules(restored)).doesNotContain("ACCUMULATING-CONCERNS");
        assertThat(restored.get("previousLevel").asInt()).isEqualTo(raised.get("threshold").get("level").asInt());
        assertThat(restored.get("threshold").get("level").asInt()).isEqualTo(raised.get("previousLevel").asInt());

        // Both chronologies say so, and neither shows the other's history any more.
        for (String child : List.of(other, known)) {
            // The chronology is a read model of its own: until it has the child it answers 404.
            Map<String, Object> chronology = await().until(() -> chronologyOnceThere(child),
                    found -> found != null && ((List<?>) found.get("linkedChildren")).isEmpty()
                            && summaries(found).stream().anyMatch(line -> line.startsWith("Link with record")));
            assertThat(summaries(chronology)).anyMatch(line -> line.startsWith("Record linked with"));
        }
        assertThat(summaries(await().until(() -> chronologyOnceThere(other), found -> found != null
                && summaries(found).stream().anyMatch(line -> line.startsWith("Threshold reassessed (link undone")))))
                .anyMatch(line -> line.startsWith("Threshold reassessed (records linked"))
                .anyMatch(line -> line.startsWith("Threshold reassessed (link undone"));
    }

    @Test
    void an_unlink_that_cannot_be_is_refused_and_changes_nothing() {
        String a = childOf(contactIdOf(postContact(POLICE_KEY, submission())));
        String b = childOf(contactIdOf(postContact(POLICE_KEY, submission())));
        long before = storedEvents();

        HttpResponse<String> notLinked = postJson("/api/v1/children/" + a + "/unlink", staff("sw1"),
                Map.of("otherChildId", b, "reason", "Not the same"));
        assertThat(notLinked.statusCode()).isEqualTo(409);
        assertThat(body(notLinked)).containsEntry("rule", "not-linked");

        HttpResponse<String> noReason = postJson("/api/v1/children/" + a + "/unlink", staff("sw1"),
                Map.of("otherChildId", b, "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(body(noReason)).containsEntry("rule", "reason-required");

        HttpResponse<String> itself = postJson("/api/v1/children/" + a + "/links", staff("sw1"),
                Map.of("otherChildId", a, "reason", "Same"));
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(body(itself)).containsEntry("rule", "same-child");

        HttpResponse<String> administrator = postJson("/api/v1/children/" + a + "/unlink", staff("admin1"),
                Map.of("otherChildId", b, "reason", "Not the same"));
        assertThat(administrator.statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }


    private List<JsonNode> reassessments(String contactId) {
        return events(contactId, "ThresholdReassessed");
    }

    private List<String> firedFor(String contactId, String type) {
        return events(contactId, type).stream().map(RelinkingIntegrationTest::rules).map(Object::toString).toList();
    }

    private List<JsonNode> events(String contactId, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE payloadtype = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'contactId' = ?
                        ORDER BY globalindex""")
                .params("uk.frontdoor.triage.api." + type, contactId)
                .query(String.class).list().stream().map(this::tree).toList();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rules(JsonNode assessed) {
        return assessed.get("threshold").get("rulesFired").findValuesAsText("id");
    }

    private Map<String, Object> chronologyOnceThere(String childId) {
        HttpResponse<String> response = get("/api/v1/children/" + childId + "/chronology", staff("sw1"));
        return response.statusCode() == 200 ? body(response) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> summaries(Map<String, Object> chronology) {
        return ((List<Map<String, Object>>) chronology.get("entries")).stream()
                .map(entry -> (String) entry.get("summary")).toList();
    }
}
