package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A submission id is an agency's name for one submission: resent with the same content it is a repeat
 * (202, the first contact), resent with other content it is refused (409), and the first contact stands. A
 * correction is a new submission naming the one it corrects ({@code corrects}); one naming a submission its
 * agency never sent is refused, naming the field.
 */
class ReusedSubmissionIdIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";

    @Test
    void the_same_id_with_different_content_is_refused_with_409_and_nothing_is_stored() {
        ObjectNode first = submission();
        HttpResponse<String> accepted = postContact(POLICE_KEY, first);
        assertThat(accepted.statusCode()).isEqualTo(202);
        long eventsBefore = storedEvents();

        ObjectNode changed = first.deepCopy();
        ((ObjectNode) changed.get("concerns")).put("narrative", "A different account of what happened.");
        HttpResponse<String> refused = postContact(POLICE_KEY, changed);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> problem = body(refused);
        assertThat(problem).containsEntry("type", "/problems/submission-id-reused").containsEntry("status", 409);
        assertThat((String) problem.get("detail")).contains("different submission").contains("new submission");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", "submissionId");
            assertThat(error.get("problem")).contains("correction").doesNotContain("different account");
        });
        assertThat(refused.body()).doesNotContain(first.get("submissionId").asText());
        assertThat(contactsWithSubmissionId(first.get("submissionId").asText())).isEqualTo(1);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void the_same_content_sent_again_with_other_spacing_and_key_order_is_still_a_repeat() {
        ObjectNode first = submission();
        String contactId = contactIdOf(postContact(POLICE_KEY, first));
        // The same submission as another system writes it: keys reordered, padded, pretty-printed.
        ObjectNode reordered = json.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, first.get(name)));
        ((ObjectNode) reordered.get("child")).put("givenName", "  " + first.get("child").get("givenName").asText() + " ");

        HttpResponse<String> again = postContact(POLICE_KEY, "application/json",
                reordered.toPrettyString().getBytes(StandardCharsets.UTF_8));

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again)).containsEntry("alreadyReceived", true).containsEntry("contactId", contactId);
    }

    @Test
    void a_contact_registered_before_hashes_were_kept_is_answered_as_a_repeat_whatever_is_resent() {
        ObjectNode first = submission();
        String submissionId = first.get("submissionId").asText();
        String contactId = contactIdOf(postContact(POLICE_KEY, first));
        // As Flyway V29 left every row it found: no hash.
        jdbc.sql("UPDATE contact_registry SET content_hash = NULL WHERE contact_id = ?").param(contactId).update();

        ObjectNode changed = first.deepCopy();
        ((ObjectNode) changed.get("concerns")).put("narrative", "Something else.");
        HttpResponse<String> again = postContact(POLICE_KEY, changed);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again)).containsEntry("alreadyReceived", true).containsEntry("contactId", contactId);
        assertThat(contactsWithSubmissionId(submissionId)).isEqualTo(1);
    }

    @Test
    void on_kafka_the_same_id_with_different_content_is_dead_lettered_with_its_reason_and_the_rest_flow_on() {
        String run = UUID.randomUUID().toString();
        ObjectNode first = submission();
        String submissionId = first.get("submissionId").asText();
        ObjectNode changed = first.deepCopy();
        ((ObjectNode) changed.get("concerns")).put("narrative", "A changed account.");
        ObjectNode after = submission();

        publish(TOPIC, "demo-police", key(run, "first"), bytes(first));
        awaitContactId("demo-police", submissionId);
        publish(TOPIC, "demo-police", key(run, "repeat"), bytes(first));
        publish(TOPIC, "demo-police", key(run, "changed"), bytes(changed));
        publish(TOPIC, "demo-police", key(run, "after"), bytes(after));

        ConsumerRecord<byte[], byte[]> dead = awaitRecord(DLQ, r -> keyIs(r, run, "changed"));
        assertThat(dead.value()).isEqualTo(bytes(changed));
        assertThat(header(dead, "frontdoor-rejection-reason")).isEqualTo("SUBMISSION_ID_REUSED");
        assertThat(header(dead, "frontdoor-rejection-violations")).contains("submissionId")
                .doesNotContain("changed account");
        awaitContactId("demo-police", after.get("submissionId").asText());
        assertThat(contactsWithSubmissionId(submissionId)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_correction_names_the_submission_it_corrects_and_both_contacts_stand() {
        ObjectNode first = submission();
        String firstId = contactIdOf(postContact(POLICE_KEY, first));
        ObjectNode correction = first.deepCopy();
        correction.put("submissionId", "TEST-" + UUID.randomUUID());
        correction.put("corrects", first.get("submissionId").asText());
        ((ObjectNode) correction.get("concerns")).put("narrative", "The incident was on Friday, not Thursday.");

        HttpResponse<String> accepted = postContact(POLICE_KEY, correction);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String correctionId = contactIdOf(accepted);
        assertThat(correctionId).isNotEqualTo(firstId);
        assertThat(contactsWithSubmissionId(first.get("submissionId").asText())).isEqualTo(1);
        String childId = childOf(correctionId);
        List<Map<String, Object>> entries = await().until(() -> {
            HttpResponse<String> response = get("/api/v1/children/" + childId + "/chronology", staff("sw1"));
            return response.statusCode() == 200 ? (List<Map<String, Object>>) body(response).get("entries") : List.of();
        }, found -> found.stream().anyMatch(entry -> correctionId.equals(entry.get("contactId"))));
        assertThat(entries).filteredOn(entry -> correctionId.equals(entry.get("contactId"))).first()
                .satisfies(entry -> assertThat((String) entry.get("summary"))
                        .startsWith("Contact received from demo-police").endsWith("; corrects contact " + firstId));
    }

    @Test
    void a_correction_of_a_submission_its_agency_never_sent_is_refused_naming_corrects_and_nothing_is_stored() {
        ObjectNode schools = sentBy("demo-school", submission());
        assertThat(postContact(SCHOOL_KEY, schools).statusCode()).isEqualTo(202);
        long eventsBefore = storedEvents();

        for (String corrects : List.of("NEVER-SENT-" + UUID.randomUUID(), schools.get("submissionId").asText())) {
            ObjectNode correction = submission();
            correction.put("corrects", corrects);
            HttpResponse<String> refused = postContact(POLICE_KEY, correction);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("corrects");
            assertThat(contactsWithSubmissionId(correction.get("submissionId").asText())).isZero();
        }
        ObjectNode itself = submission();
        itself.put("corrects", itself.get("submissionId").asText());
        HttpResponse<String> refused = postContact(POLICE_KEY, itself);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("corrects");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void on_kafka_a_correction_of_a_submission_never_sent_is_dead_lettered_with_its_reason() {
        String run = UUID.randomUUID().toString();
        ObjectNode correction = submission();
        correction.put("corrects", "NEVER-SENT-" + run);
        ObjectNode after = submission();

        publish(TOPIC, "demo-police", key(run, "correction"), bytes(correction));
        publish(TOPIC, "demo-police", key(run, "after"), bytes(after));

        ConsumerRecord<byte[], byte[]> dead = awaitRecord(DLQ, r -> keyIs(r, run, "correction"));
        assertThat(header(dead, "frontdoor-rejection-reason")).isEqualTo("INVALID_SUBMISSION");
        assertThat(header(dead, "frontdoor-rejection-violations")).contains("corrects");
        awaitContactId("demo-police", after.get("submissionId").asText());
        assertThat(contactsWithSubmissionId(correction.get("submissionId").asText())).isZero();
    }

    @SuppressWarnings("unchecked")
    private List<String> fields(HttpResponse<String> problem) {
        return ((List<Map<String, String>>) body(problem).get("errors")).stream().map(error -> error.get("field")).toList();
    }

    private static byte[] key(String run, String name) {
        return (run + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean keyIs(ConsumerRecord<byte[], byte[]> record, String run, String name) {
        return record.key() != null && Arrays.equals(record.key(), key(run, name));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
