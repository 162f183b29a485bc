package uk.frontdoor.infra.partner;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner agency's system records its strategy discussion actions done, against the whole running service (real
 * PostgreSQL, real Kafka): the police's system over the partner API and on its answer topic, naming the officer who
 * did each; the record says who, for which agency and how, and the action's clock stops. Refused: a body without
 * who did it or what, a time in the future (400 naming the field), another agency's action or none (404), an action
 * already done (409); on Kafka the same refusals are dead letters with the reason.
 */
class PartnerActionsDoneIntegrationTest extends IntegrationTestSupport {

    private static final String DEAD_LETTERS = "contact-submissions.dlq";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Test
    void the_police_system_records_its_actions_done_over_the_api_and_kafka_naming_who_did_them() throws Exception {
        String contact = decided("STRATEGY_DISCUSSION");
        String path = "/api/v1/contacts/" + contact;
        LocalDate today = LocalDate.now(ENGLAND);
        String overHttp = "Check police records " + uniqueName("for");
        String overKafka = "Check the police national computer " + uniqueName("for");
        String healths = "Check the GP record " + uniqueName("for");
        HttpResponse<String> held = postJson(path + "/strategy-discussion/record", staff("sw1"), Map.of(
                "heldAt", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(), "mode", "VIDEO",
                "outcome", "SECTION_47_ENQUIRY",
                "attendees", List.of(Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant"),
                        Map.of("name", "Nurse Example", "agency", "HEALTH", "role", "Named nurse")),
                "actions", List.of(
                        Map.of("description", overHttp, "owner", "DS Example", "agency", "POLICE",
                                "dueDate", today.plusDays(20).toString()),
                        Map.of("description", healths, "owner", "Nurse Example", "agency", "HEALTH",
                                "dueDate", today.plusDays(20).toString()),
                        Map.of("description", overKafka, "owner", "DS Example", "agency", "POLICE",
                                "dueDate", today.plusDays(20).toString()))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        String httpAction = await().until(() -> action(POLICE_KEY, "", overHttp), found -> found != null)
                .get("actionId").asText();
        String kafkaAction = action(POLICE_KEY, "", overKafka).get("actionId").asText();
        String healthAction = await().until(() -> action(HEALTH_KEY, "", healths), found -> found != null)
                .get("actionId").asText();
        // This minute: not before the discussion (held this minute), not in the future.
        String now = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();

        // A body that does not say when, what and who: 400 naming each field; nothing recorded.
        long events = storedEvents();
        HttpResponse<String> empty = done(POLICE_KEY, httpAction, Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("doneAt", "note", "doneBy");
        HttpResponse<String> nobody = done(POLICE_KEY, httpAction, Map.of("doneAt", now, "note", "Checked."));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(fields(nobody)).containsExactly("doneBy");
        HttpResponse<String> notADate = done(POLICE_KEY, httpAction, Map.of("doneAt", "yesterday", "note", "Checked.",
                "doneBy", "DS Jane Example"));
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("\"doneAt\"");
        HttpResponse<String> future = done(POLICE_KEY, httpAction, Map.of("doneAt",
                Instant.now().plus(2, ChronoUnit.HOURS).toString(), "note", "Checked.", "doneBy", "DS Jane Example"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(tree(future).get("type").asText()).isEqualTo("/problems/time-in-future");
        assertThat(fields(future)).containsExactly("doneAt");
        // Another agency's action, and one that does not exist: 404 alike.
        Map<String, Object> body = Map.of("doneAt", now, "note", "Nothing held on police systems.",
                "doneBy", "DS Jane Example");
        HttpResponse<String> notTheirs = done(POLICE_KEY, healthAction, body);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        HttpResponse<String> none = done(POLICE_KEY, "no-such-discussion-1", body);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(tree(none).get("type").asText()).isEqualTo(tree(notTheirs).get("type").asText());
        // Staff may not use the partner API.
        assertThat(postJson("/api/v1/partner/strategy-actions/" + httpAction + "/done", staff("sw1"), body)
                .statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(events);

        HttpResponse<String> recorded = done(POLICE_KEY, httpAction, body);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
        // In the child's record: who did it, for which agency, how; the action's clock stopped.
        JsonNode first = await().until(() -> actionsDone(path), list -> list.size() == 1).get(0);
        assertThat(first.get("note").asText()).isEqualTo("Nothing held on police systems.");
        assertThat(first.get("doneBy").asText()).isEqualTo("DS Jane Example");
        assertThat(first.get("by").get("userId").asText()).isEqualTo("demo-police");
        assertThat(first.get("by").get("agency").asText()).isEqualTo("POLICE");
        String child = childOf(contact);
        await().until(() -> jdbc.sql("""
                        SELECT count(*) FROM timeliness_clocks
                        WHERE child_id = ? AND type = 'STRATEGY_ACTION' AND state = 'STOPPED'""")
                .param(child).query(Long.class).single(), stopped -> stopped == 1);
        JsonNode line = await().until(() -> chronologyLine(child, "DS Jane Example"), found -> found != null);
        assertThat(line.get("summary").asText()).contains("of demo-police").contains("by the partner API");
        // On the police's done list with who did it; a second time is 409.
        assertThat(await().until(() -> action(POLICE_KEY, "?state=done", overHttp), found -> found != null)
                .get("doneBy").asText()).isEqualTo("DS Jane Example");
        HttpResponse<String> again = done(POLICE_KEY, httpAction, body);
        assertThat(again.statusCode()).isEqualTo(409);

        // On the police's answer topic: health's action and a message without who did it are dead letters.
        String topic = "frontdoor.answers.demo-police";
        String wrongAgency = uniqueName("Not ours");
        publish(topic, null, null, json.writeValueAsBytes(kafkaDone(healthAction, now, wrongAgency, "DC Example")));
        String withoutWho = uniqueName("Nobody named");
        publish(topic, null, null, json.writeValueAsBytes(kafkaDone(kafkaAction, now, withoutWho, null)));
        publish(topic, null, null, json.writeValueAsBytes(kafkaDone(kafkaAction, now, "PNC checked: nothing held.",
                "DC Kafka Example")));
        JsonNode second = await().until(() -> actionsDone(path), list -> list.size() == 2).get(1);
        assertThat(second.get("doneBy").asText()).isEqualTo("DC Kafka Example");
        assertThat(second.get("by").get("userId").asText()).isEqualTo("demo-police");
        assertThat(await().until(() -> chronologyLine(child, "DC Kafka Example"), found -> found != null)
                .get("summary").asText()).contains("by Kafka");
        assertThat(rejection(wrongAgency)).isEqualTo("UNKNOWN_REQUEST");
        assertThat(rejection(withoutWho)).isEqualTo("INVALID_ANSWER");
        assertThat(new String(deadLetter(withoutWho).headers().lastHeader("frontdoor-rejection-violations").value(),
                StandardCharsets.UTF_8)).contains("doneBy");
        assertThat(action(HEALTH_KEY, "", healths)).as("health's action is still open").isNotNull();
    }

    private static Map<String, Object> kafkaDone(String actionId, String doneAt, String note, String doneBy) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "STRATEGY_ACTION_DONE");
        message.put("actionId", actionId);
        message.put("doneAt", doneAt);
        message.put("note", note);
        if (doneBy != null) {
            message.put("doneBy", doneBy);
        }
        return message;
    }

    private HttpResponse<String> done(String key, String actionId, Object body) {
        return postJson("/api/v1/partner/strategy-actions/" + actionId + "/done", bearer(key), body);
    }

    private JsonNode tree(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private List<String> fields(HttpResponse<String> response) throws Exception {
        return StreamSupport.stream(tree(response).get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList();
    }

    private JsonNode actionsDone(String path) throws Exception {
        return json.readTree(get(path, staff("sw1")).body()).path("work").path("strategyActionsDone");
    }

    /** The line of the child's chronology naming this person, or null. */
    private JsonNode chronologyLine(String child, String who) throws Exception {
        HttpResponse<String> response = get("/api/v1/children/" + child + "/chronology", staff("sw1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tree = json.readTree(response.body());
        JsonNode entries = tree.has("entries") ? tree.get("entries") : tree;
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.path("summary").asText().contains(who))
                .findFirst().orElse(null);
    }

    /** The action of this description on the agency's list, or null. */
    private JsonNode action(String key, String query, String description) throws Exception {
        HttpResponse<String> response = get("/api/v1/partner/strategy-actions" + query, bearer(key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json.readTree(response.body()).get("actions").spliterator(), false)
                .filter(action -> action.get("description").asText().equals(description))
                .findFirst().orElse(null);
    }

    private ConsumerRecord<byte[], byte[]> deadLetter(String note) {
        return awaitRecord(DEAD_LETTERS, record -> record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(note));
    }

    private String rejection(String note) {
        return new String(deadLetter(note).headers().lastHeader("frontdoor-rejection-reason").value(),
                StandardCharsets.UTF_8);
    }
}
