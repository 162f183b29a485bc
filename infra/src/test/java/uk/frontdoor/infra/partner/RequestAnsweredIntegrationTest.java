package uk.frontdoor.infra.partner;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner check answered is announced on the reply topic of every agency it was delivered to, against the whole
 * running service and the embedded broker: a reply the front door's staff typed in for education (which phoned) on
 * both education agencies' topics, and the police's own answer over the partner API on the police's; after the
 * request, under its key, saying how and when it was answered, never what.
 */
class RequestAnsweredIntegrationTest extends PartnerCheckTestSupport {

    private static final String POLICE_REPLIES = "frontdoor.replies.demo-police";
    private static final String SCHOOL_REPLIES = "frontdoor.replies.demo-school";
    private static final String ACADEMY_REPLIES = "frontdoor.replies.demo-academy";

    @Test
    void a_reply_typed_in_for_an_agency_that_phoned_and_an_agencys_own_answer_are_announced_on_its_reply_topics()
            throws Exception {
        Asked asked = asked(List.of("POLICE", "EDUCATION"), "What do you know of the family?");
        String contact = asked.contact();
        String path = "/api/v1/contacts/" + contact;
        String policeCheck = asked.checkId(0);
        String educationCheck = asked.checkId(1);
        // Delivered to both schools' systems (each answers for EDUCATION), with the child's details.
        ConsumerRecord<byte[], byte[]> toSchool = record(SCHOOL_REPLIES, educationCheck, "INFORMATION_REQUEST");
        ConsumerRecord<byte[], byte[]> toAcademy = record(ACADEMY_REPLIES, educationCheck, "INFORMATION_REQUEST");
        ConsumerRecord<byte[], byte[]> toPolice = record(POLICE_REPLIES, policeCheck, "INFORMATION_REQUEST");

        // The school phoned: an administrator types its reply in.
        Instant before = Instant.now();
        HttpResponse<String> replied = postJson(path + "/partner-checks/" + educationCheck + "/reply", staff("admin1"),
                Map.of("information", "Attendance fell to 60% this term."));
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(204);
        for (var delivered : List.of(toSchool, toAcademy)) {
            ConsumerRecord<byte[], byte[]> told = record(delivered.topic(), educationCheck, "REQUEST_ANSWERED");
            assertThat(told.offset()).as("after the request, on its partition").isGreaterThan(delivered.offset());
            assertThat(told.partition()).isEqualTo(delivered.partition());
            JsonNode message = json.readTree(told.value());
            assertThat(message.get("requestId").asText()).isEqualTo(educationCheck);
            assertThat(message.get("agency").asText()).isEqualTo("EDUCATION");
            assertThat(message.get("answeredBy").asText()).isEqualTo("FRONT_DOOR_STAFF");
            assertThat(message.get("by").asText()).isEqualTo("admin1");
            assertThat(message.get("late").asBoolean()).isFalse();
            assertThat(Instant.parse(message.get("answeredAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(message.has("answer")).as("a typed-in reply is words, not a choice").isFalse();
            assertThat(new String(told.value(), StandardCharsets.UTF_8)).doesNotContain("Attendance", "Sam", "Example",
                    contact);
        }

        // The police answer over the partner API: their topic says so too, with their choice and not their words.
        HttpResponse<String> answered = postJson("/api/v1/partner/information-requests/" + policeCheck + "/answer",
                bearer(POLICE_KEY), Map.of("answer", "INFORMATION_FOUND",
                        "information", "Two call-outs to the address this year."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        ConsumerRecord<byte[], byte[]> told = record(POLICE_REPLIES, policeCheck, "REQUEST_ANSWERED");
        assertThat(told.offset()).isGreaterThan(toPolice.offset());
        JsonNode message = json.readTree(told.value());
        assertThat(message.get("agency").asText()).isEqualTo("POLICE");
        assertThat(message.get("answer").asText()).isEqualTo("INFORMATION_FOUND");
        assertThat(message.get("answeredBy").asText()).isEqualTo("PARTNER_SYSTEM");
        assertThat(message.get("by").asText()).isEqualTo("demo-police");
        assertThat(new String(told.value(), StandardCharsets.UTF_8)).doesNotContain("call-outs", "Sam", contact);
    }

    /** The first message on the topic with this key and this {@code type}. */
    private ConsumerRecord<byte[], byte[]> record(String topic, String key, String type) {
        return awaitRecord(topic, record -> record.key() != null && record.value() != null
                && new String(record.key(), StandardCharsets.UTF_8).equals(key)
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"type\":\"" + type + "\""));
    }
}
