package uk.frontdoor.infra.partner;

import org.axonframework.serialization.Serializer;
import uk.frontdoor.infra.dataprotection.StoredEvents;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import uk.frontdoor.infra.OwnServiceTestSupport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.frontdoor.infra.IntegrationTestSupport.send;

/**
 * Partner checks delivered to the agencies asked and answered by them, on the whole running service (real
 * PostgreSQL, real Kafka): police over the partner API, health over Kafka and late (the test's clock moves past
 * the due time), with every refusal the issue names; then the referring school reads the outcome and feedback of
 * its own contact, over HTTP and on its reply topic, and another school reads neither. Its own service, for the
 * clock it moves.
 */
class PartnerRequestsIntegrationTest extends OwnServiceTestSupport {

    private static final String DEAD_LETTERS = "contact-submissions.dlq";

    @Test
    void police_answer_over_the_api_health_over_kafka_and_late_and_the_referring_school_hears_back() throws Exception {
        app = start();
        String contact = postContact("Bearer dev-key-school", "2A");
        String childId = childOf(contact);
        assertThat(post("/api/v1/contacts/" + contact + "/claim", "sw1", null).statusCode()).isEqualTo(204);
        HttpResponse<String> asked = post("/api/v1/contacts/" + contact + "/partner-checks", "sw1",
                Map.of("agencies", List.of("POLICE", "HEALTH"), "question", "What do you know of the family?"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String policeCheck = tree(asked.body()).get(0).get("checkId").asText();
        String healthCheck = tree(asked.body()).get(1).get("checkId").asText();
        Instant healthDue = Instant.parse(tree(asked.body()).get(1).get("dueAt").asText());

        // Police read their open requests with the child's details to search by; nothing of the concern.
        JsonNode policeRequests = await().until(() -> tree(partnerGet("dev-key-police").body()).get("requests"),
                requests -> requests.size() == 1);
        JsonNode request = policeRequests.get(0);
        assertThat(request.get("requestId").asText()).isEqualTo(policeCheck);
        assertThat(request.get("agency").asText()).isEqualTo("POLICE");
        assertThat(request.get("question").asText()).isEqualTo("What do you know of the family?");
        assertThat(request.get("child").get("familyName").asText()).isNotBlank();
        assertThat(request.get("child").get("dateOfBirth").asText()).isNotBlank();
        assertThat(request.toString()).doesNotContain(childId, contact, "narrative", "referrer", "concerns");
        // Each agency sees only the requests sent to it.
        assertThat(tree(partnerGet("dev-key-health").body()).get("requests")).extracting(r -> r.get("requestId")
                .asText()).containsExactly(healthCheck);
        assertThat(tree(partnerGet("dev-key-school").body()).get("requests")).isEmpty();
        // Staff, and anyone without a key, may not use the partner API.
        assertThat(get("/api/v1/partner/information-requests", "sw1").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/partner/information-requests", null).statusCode()).isEqualTo(401);

        // An answer from an agency the request was not sent to: 404, nothing stored.
        long events = storedEvents();
        HttpResponse<String> notTheirs = answer("dev-key-police", healthCheck,
                Map.of("answer", "NONE_HELD"));
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(events);
        // A body that cannot be an answer: 400 naming the field, nothing stored.
        HttpResponse<String> notAChoice = answer("dev-key-police", policeCheck, Map.of("answer", "MAYBE"));
        assertThat(notAChoice.statusCode()).isEqualTo(400);
        assertThat(notAChoice.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(tree(notAChoice.body()).get("errors").get(0).get("field").asText()).isEqualTo("answer");
        HttpResponse<String> saysNothing = answer("dev-key-police", policeCheck, Map.of("answer", "INFORMATION_FOUND"));
        assertThat(saysNothing.statusCode()).isEqualTo(400);
        assertThat(tree(saysNothing.body()).get("errors").get(0).get("field").asText()).isEqualTo("information");
        assertThat(storedEvents()).isEqualTo(events);

        // Police answer in time; a second answer is a conflict.
        HttpResponse<String> answered = answer("dev-key-police", policeCheck,
                Map.of("answer", "INFORMATION_FOUND", "information", "Two call-outs to the address this year."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        assertThat(answer("dev-key-police", policeCheck, Map.of("answer", "NONE_HELD")).statusCode()).isEqualTo(409);
        JsonNode policeAnswer = answersIn(childId).get(0);
        assertThat(policeAnswer.get("checkId").asText()).isEqualTo(policeCheck);
        assertThat(policeAnswer.get("agency").asText()).isEqualTo("POLICE");
        assertThat(policeAnswer.get("late").asBoolean()).isFalse();
        assertThat(policeAnswer.get("answeredBy").get("agency").asText()).isEqualTo("demo-police");
        assertThat(policeAnswer.get("answeredBy").get("channel").asText()).isEqualTo("HTTP");
        await().until(() -> tree(partnerGet("dev-key-police").body()).get("requests").isEmpty());
        // The answered request is in the police's history, with how and when, not what; not in health's.
        JsonNode policeHistory = await().until(() -> tree(send(request("/api/v1/partner/information-requests/answered",
                "Bearer dev-key-police").GET().build()).body()).get("requests"), past -> !past.isEmpty());
        assertThat(policeHistory).anySatisfy(past -> {
            assertThat(past.get("requestId").asText()).isEqualTo(policeCheck);
            assertThat(past.get("answer").asText()).isEqualTo("INFORMATION_FOUND");
            assertThat(past.get("answeredBy").asText()).isEqualTo("demo-police");
            assertThat(past.get("late").asBoolean()).isFalse();
        });
        assertThat(policeHistory.toString()).doesNotContain("Two call-outs", childId, contact);
        // The child's details went to the police's system twice (open, then answered): both in the record of views,
        // as the agency, and to no agency that was not asked.
        assertThat(jdbc().sql("""
                        SELECT DISTINCT viewed_by || ' ' || role || ' ' || what || ' ' || contact_id FROM record_views
                        WHERE child_id = ? AND role = 'PARTNER_SYSTEM'""").param(childId).query(String.class).list())
                .contains("demo-police PARTNER_SYSTEM partner checks (API) " + contact,
                        "demo-police PARTNER_SYSTEM answered partner checks (API) " + contact)
                .allMatch(view -> view.startsWith("demo-police ") || view.startsWith("demo-health "));
        assertThat(tree(send(request("/api/v1/partner/information-requests/answered", "Bearer dev-key-health").GET()
                .build()).body()).get("requests").toString()).doesNotContain(policeCheck);

        // Health integrate by Kafka: the request arrives on its reply topic, keyed by the request id alone.
        ConsumerRecord<byte[], byte[]> delivered = awaitRecord("frontdoor.replies.demo-health",
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(healthCheck));
        JsonNode message = tree(new String(delivered.value(), StandardCharsets.UTF_8));
        assertThat(message.get("type").asText()).isEqualTo("INFORMATION_REQUEST");
        assertThat(message.get("requestId").asText()).isEqualTo(healthCheck);
        assertThat(message.get("answerTopic").asText()).isEqualTo("frontdoor.answers.demo-health");
        assertThat(message.get("child").get("familyName").asText()).isNotBlank();
        assertThat(message.get("priority").asText()).isNotBlank();

        // Health answer after the due time, on its answer topic: recorded late, its clock stopped late.
        clock.moveTo(healthDue.plus(Duration.ofMinutes(30)));
        // First an answer to the police's request on health's topic: a dead letter with the reason, nothing stored.
        publish("frontdoor.answers.demo-health", json.writeValueAsBytes(Map.of("requestId", policeCheck,
                "answer", "NONE_HELD")));
        publish("frontdoor.answers.demo-health", json.writeValueAsBytes(Map.of("requestId", healthCheck,
                "answer", "CANNOT_SHARE", "reason", "The GP needs the family's consent first.")));
        JsonNode healthAnswer = await().until(() -> answersIn(childId), answers -> answers.size() == 2).get(1);
        assertThat(healthAnswer.get("checkId").asText()).isEqualTo(healthCheck);
        assertThat(healthAnswer.get("answer").asText()).isEqualTo("CANNOT_SHARE");
        assertThat(healthAnswer.get("reason").asText()).isEqualTo("The GP needs the family's consent first.");
        assertThat(healthAnswer.get("late").asBoolean()).isTrue();
        assertThat(healthAnswer.get("answeredBy").get("agency").asText()).isEqualTo("demo-health");
        assertThat(healthAnswer.get("answeredBy").get("channel").asText()).isEqualTo("KAFKA");
        assertThat(eventsOf(childId, "ClockStopped")).anySatisfy(stopped -> {
            assertThat(stopped.get("type").asText()).isEqualTo("PARTNER_CHECK");
            assertThat(stopped.get("late").asBoolean()).isTrue();
        });
        ConsumerRecord<byte[], byte[]> dead = awaitRecord(DEAD_LETTERS,
                record -> record.topic().equals(DEAD_LETTERS) && new String(record.value(), StandardCharsets.UTF_8)
                        .contains(policeCheck));
        assertThat(new String(dead.headers().lastHeader("frontdoor-rejection-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("UNKNOWN_REQUEST");

        // Staff see both answers on the contact, the late one marked.
        JsonNode checks = await().until(() -> tree(get("/api/v1/contacts/" + contact, "sw1").body())
                .get("work").get("partnerChecks"), all -> all.size() == 2 && all.get(1).has("answer"));
        assertThat(checks.get(0).get("reply").asText()).isEqualTo("Two call-outs to the address this year.");
        assertThat(checks.get(1).get("late").asBoolean()).isTrue();
        assertThat(checks.get(1).get("reply").asText()).contains("The GP needs the family's consent first.");

        // Referrers hear back. Before the decision the school reads its status alone.
        JsonNode before = tree(partnerRead(contact, "Bearer dev-key-school").body());
        assertThat(before.has("outcome")).isFalse();
        assertThat(before.has("feedback")).isFalse();
        assertThat(post("/api/v1/contacts/" + contact + "/consent", "sw1", Map.of("decision", "GIVEN")).statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal", "sw1", Map.of("outcome", "ASSESSMENT",
                "rationale", "Needs a child and family assessment.")).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts/" + contact + "/proposal/authorise", "manager1", Map.of()).statusCode())
                .isEqualTo(204);
        JsonNode decided = await().until(() -> tree(partnerRead(contact, "Bearer dev-key-school").body()),
                it -> it.has("outcome"));
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("outcome").get("decision").asText()).isEqualTo("ASSESSMENT");
        assertThat(decided.get("outcome").get("inWords").asText()).isEqualTo("Child and family assessment (section 17)");
        assertThat(decided.get("outcome").get("whatHappensNext").asText()).contains("A social worker will assess");
        assertThat(decided.get("outcome").get("contact").asText()).contains("Demo MASH");
        String sentAt = clock.instant().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(post("/api/v1/contacts/" + contact + "/feedback", "admin1", Map.of("method", "SECURE_EMAIL",
                "sentAt", sentAt, "summary", "A social worker will assess Sam's needs; they will call you this week."))
                .statusCode()).isEqualTo(204);
        JsonNode heard = await().until(() -> tree(partnerRead(contact, "Bearer dev-key-school").body()),
                it -> it.has("feedback"));
        assertThat(heard.get("feedback").get(0).get("method").asText()).isEqualTo("SECURE_EMAIL");
        assertThat(heard.get("feedback").get(0).get("sentAt").asText()).isEqualTo(sentAt);
        assertThat(heard.get("feedback").get(0).get("summary").asText()).startsWith("A social worker will assess");
        // Nothing of the record beyond the outcome: no threshold, no work, no other agency's answer, no worker.
        assertThat(heard.has("threshold")).isFalse();
        assertThat(heard.has("work")).isFalse();
        assertThat(heard.toString()).doesNotContain("call-outs", "GP needs", "sw1", "manager1", "admin1", childId);
        // Another school may not read it at all.
        assertThat(partnerRead(contact, "Bearer dev-key-academy").statusCode()).isEqualTo(404);
        String academysOwn = postContact("Bearer dev-key-academy", "2A");
        assertThat(partnerRead(academysOwn, "Bearer dev-key-school").statusCode()).isEqualTo(404);
        assertThat(partnerRead(academysOwn, "Bearer dev-key-academy").statusCode()).isEqualTo(200);

        // The same outcome and feedback on the school's reply topic, keyed by the contact id alone.
        ConsumerRecord<byte[], byte[]> outcome = awaitRecord("frontdoor.replies.demo-school",
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(contact)
                        && new String(record.value(), StandardCharsets.UTF_8).contains("\"OUTCOME\""));
        JsonNode outcomeMessage = tree(new String(outcome.value(), StandardCharsets.UTF_8));
        assertThat(outcomeMessage.get("submissionId").asText()).isEqualTo(before.get("submissionId").asText());
        assertThat(outcomeMessage.get("outcome").get("decision").asText()).isEqualTo("ASSESSMENT");
        assertThat(outcomeMessage.get("outcome").get("whatHappensNext").asText()).contains("A social worker will assess");
        ConsumerRecord<byte[], byte[]> feedback = awaitRecord("frontdoor.replies.demo-school",
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(contact)
                        && new String(record.value(), StandardCharsets.UTF_8).contains("\"FEEDBACK\""));
        assertThat(tree(new String(feedback.value(), StandardCharsets.UTF_8)).get("feedback").get("summary").asText())
                .startsWith("A social worker will assess");

        // The school reads its own figures for the month: one contact, which became a referral.
        String month = YearMonth.now(clock.withZone(ZoneId.of("Europe/London"))).toString();
        JsonNode figures = await().until(() -> tree(send(request("/api/v1/partner/referral-quality?from=" + month
                        + "&to=" + month, "Bearer dev-key-school").GET().build()).body()),
                it -> it.path("months").path(0).path("becameReferrals").path("of").asLong() == 1);
        assertThat(figures.get("agency").asText()).isEqualTo("demo-school");
        JsonNode thisMonth = figures.get("months").get(0);
        assertThat(thisMonth.get("month").asText()).isEqualTo(month);
        assertThat(thisMonth.get("contacts").asLong()).isEqualTo(1);
        assertThat(thisMonth.get("becameReferrals").get("count").asLong()).isEqualTo(1);
        assertThat(thisMonth.get("neededFollowUp").get("count").asLong()).isZero();
        HttpResponse<String> badMonth = send(request("/api/v1/partner/referral-quality?from=December",
                "Bearer dev-key-school").GET().build());
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(tree(badMonth.body()).get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    /** A contact as a partner system reads it, with its API key. */
    private HttpResponse<String> partnerRead(String contactId, String authorization) {
        return send(request("/api/v1/contacts/" + contactId, authorization).GET().build());
    }

    @Test
    void a_newly_deployed_delivery_sends_partners_no_history() {
        app = start();
        String before = askPolice();
        awaitRecord("frontdoor.replies.demo-police", key(before));
        // As if the service were upgraded to a version with partner delivery: its processor has never run.
        app.close();
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(1)));
        app = start();
        // Stopped first: a running processor would store its token again.
        app.getBean(EventProcessingConfiguration.class).eventProcessor("partner-delivery")
                .orElseThrow().shutDown();
        assertThat(jdbc().sql("DELETE FROM tokenentry WHERE processorname = 'partner-delivery'").update()).isPositive();
        app.close();
        app = start();

        // The embedded broker starts empty each time: whatever is on the topic now was sent since this start.
        String after = askPolice();
        awaitRecord("frontdoor.replies.demo-police", key(after));
        assertThat(recordsOn("frontdoor.replies.demo-police")).as("requests delivered since the upgrade")
                .contains(after).doesNotContain(before);
    }

    /** A contact from the police claimed and a partner check sent back to the police: its id. */
    private String askPolice() {
        String contact = postContact("Bearer dev-key-police", "6");
        childOf(contact);
        await().until(() -> post("/api/v1/contacts/" + contact + "/claim", "sw1", null).statusCode() == 204);
        HttpResponse<String> asked = post("/api/v1/contacts/" + contact + "/partner-checks", "sw1",
                Map.of("agencies", List.of("POLICE")));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return tree(asked.body()).get(0).get("checkId").asText();
    }

    private static Predicate<ConsumerRecord<byte[], byte[]>> key(String key) {
        return record -> record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(key);
    }

    /** Every record's key on a topic, read to its end. */
    private List<String> recordsOn(String topic) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.getBean(EmbeddedKafkaKraftBroker.class).getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            await().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        keys.add(new String(record.key(), StandardCharsets.UTF_8)));
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return keys;
        }
    }

    private HttpResponse<String> partnerGet(String key) {
        return send(request("/api/v1/partner/information-requests", "Bearer " + key).GET().build());
    }

    private HttpResponse<String> answer(String key, String requestId, Map<String, String> body) {
        return send(request("/api/v1/partner/information-requests/" + requestId + "/answer", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tree(body).toString())).build());
    }

    private List<JsonNode> answersIn(String childId) {
        return await().until(() -> eventsOf(childId, "PartnerCheckAnswered"), answers -> !answers.isEmpty());
    }

    /** The child's stored events of this type, their personal fields opened as the service reads them. */
    private List<JsonNode> eventsOf(String childId, String type) {
        Serializer events = app.getBean("eventSerializer", Serializer.class);
        return jdbc().sql("""
                        SELECT payloadtype, payloadrevision, convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""")
                .params(childId, "uk.frontdoor.triage.api." + type)
                .query((rs, row) -> StoredEvents.opened(events, rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private long storedEvents() {
        return jdbc().sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }


    @SuppressWarnings("unchecked")
    private void publish(String topic, byte[] value) {
        KafkaTemplate<byte[], byte[]> kafka = app.getBean(KafkaTemplate.class);
        try {
            kafka.send(new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                    value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<byte[], byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<byte[], byte[]>> match) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.getBean(EmbeddedKafkaKraftBroker.class).getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** The example submission, as this agency sends it, about a child no other test has. */
    private String postContact(String authorization, String referralSource) {
        return accepted(policeExample("PARTNER-").put("referralSource", referralSource), authorization);
    }
}
