package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every contact is assessed by the threshold rules as it arrives; staff see why, partners do not. */
class ThresholdIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void staff_see_the_level_priority_due_time_rule_set_and_every_rule_that_fired() {
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));

        Map<String, Object> staffView = await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                view -> "ASSESSED".equals(view.get("status")));
        Map<String, Object> threshold = (Map<String, Object>) staffView.get("threshold");
        assertThat(threshold).containsEntry("level", 3).containsEntry("priority", "AMBER")
                .containsKeys("responseDueAt", "decisionDueAt", "flags");
        assertThat((Map<String, Object>) threshold.get("ruleSet"))
                .containsEntry("id", "berkshire-threshold").containsEntry("version", "2026.1");
        List<Map<String, String>> fired = (List<Map<String, String>>) threshold.get("rulesFired");
        assertThat(fired).extracting(rule -> rule.get("id")).contains("DA-CHILD-PRESENT");
        assertThat(fired).allSatisfy(rule -> assertThat(rule.get("description")).isNotBlank());

        Map<String, Object> partnerView = body(get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY)));
        assertThat(partnerView).containsEntry("status", "ASSESSED").doesNotContainKey("threshold");

        Map<String, Object> queued = await().until(() -> awaitQueueItem(contactId), item -> item.get("level") != null);
        assertThat(queued).containsEntry("level", 3).containsEntry("priority", "AMBER").containsKey("responseDueAt");
    }

    @Test
    void the_queue_puts_red_before_amber_before_green() {
        ObjectNode amber = submission();
        ((ObjectNode) amber.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        ObjectNode red = submission();
        red.put("immediateRisk", true);
        ObjectNode green = submission();
        ((ObjectNode) green.get("concerns")).putArray("factors").add("7A");
        ((ObjectNode) green.get("concerns")).putArray("indicators").add("YOUNG_CARER");

        String amberId = contactIdOf(postContact(POLICE_KEY, amber));
        String greenId = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, green)));
        String redId = contactIdOf(postContact(HEALTH_KEY, sentBy(HEALTH_KEY, red)));
        // The queue row appears when the contact is received and takes its priority when it is assessed.
        List.of(amberId, greenId, redId).forEach(id ->
                await().until(() -> awaitQueueItem(id), item -> item.get("level") != null));

        List<String> order = queueItems().stream().map(item -> (String) item.get("contactId"))
                .filter(id -> List.of(amberId, greenId, redId).contains(id)).toList();
        assertThat(order).containsExactly(redId, amberId, greenId);
        assertThat(queueItems().stream().filter(item -> redId.equals(item.get("contactId"))).findFirst().orElseThrow())
                .containsEntry("priority", "RED").containsEntry("level", 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void staff_can_see_which_rule_sets_exist_and_which_is_in_force() {
        HttpResponse<String> response = get("/api/v1/threshold-rules", staff("manager1"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> ruleSets = (List<Map<String, Object>>) body(response).get("ruleSets");
        assertThat(ruleSets).anySatisfy(ruleSet -> assertThat(ruleSet)
                .containsEntry("id", "berkshire-threshold").containsEntry("version", "2026.1")
                .containsEntry("inForce", true).containsKeys("effectiveFrom", "reviewBy", "framework"));
        assertThat(ruleSets).filteredOn(ruleSet -> Boolean.TRUE.equals(ruleSet.get("inForce"))).hasSize(1);
        assertThat(body(response)).containsKey("alerts");
        assertThat(get("/api/v1/threshold-rules", bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
    }
}
