package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Many contacts in one transaction (the Kafka listener's batches): two contacts about one child both land,
 * in order, each with its threshold decision; a resubmission in the same batch is a no-op; a contact that
 * cannot be stored rolls the whole batch back, and over Kafka costs only itself: the others in its batch
 * are stored one by one and it alone is dead-lettered.
 *
 * <p>The failing contact is a real one: a PostgreSQL trigger on the registry refuses one submission id,
 * as a constraint would, and is dropped afterwards.
 */
class BatchIntakeIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";

    @Autowired
    ContactIntake intake;

    @AfterEach
    void dropPoison() {
        jdbc.sql("DROP TRIGGER IF EXISTS batch_intake_poison ON contact_registry").update();
    }

    @Test
    void contacts_stored_together_land_in_order_with_their_decisions_and_a_resubmission_is_a_no_op() {
        ObjectNode first = submission();
        ObjectNode second = submission();
        second.set("child", first.get("child").deepCopy());

        List<ContactAccepted> accepted = intake.storeAll(List.of(contact(first), contact(second), contact(first)));

        assertThat(accepted).hasSize(3);
        assertThat(accepted.get(0).alreadyReceived()).isFalse();
        assertThat(accepted.get(1).alreadyReceived()).isFalse();
        assertThat(accepted.get(2)).isEqualTo(new ContactAccepted(accepted.get(0).contactId(), true));
        String firstId = accepted.get(0).contactId().value();
        String secondId = accepted.get(1).contactId().value();
        assertThat(contactsWithSubmissionId(first.get("submissionId").asText())).isEqualTo(1);
        String childId = childOf(firstId);
        assertThat(childOf(secondId)).isEqualTo(childId);
        assertThat(contactsReceivedInStreamOrder(childId)).containsExactly(firstId, secondId);
        assertThat(eventsAbout(childId, "ThresholdAssessed")).containsExactly(firstId, secondId);
    }

    @Test
    void a_contact_that_cannot_be_stored_rolls_back_its_batch_and_nothing_of_it_is_stored() {
        ObjectNode good = submission();
        ObjectNode poison = submission();
        poisonSubmission(poison.get("submissionId").asText());
        long eventsBefore = storedEvents();

        assertThatThrownBy(() -> intake.storeAll(List.of(contact(good), contact(poison))))
                .isInstanceOf(RuntimeException.class);

        assertThat(contactsWithSubmissionId(good.get("submissionId").asText())).isZero();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(intake.store(contact(good)).alreadyReceived()).isFalse();
        assertThat(contactsWithSubmissionId(good.get("submissionId").asText())).isEqualTo(1);
    }

    @Test
    void over_kafka_a_failing_contact_is_dead_lettered_alone_and_the_rest_of_its_batch_lands() throws Exception {
        String run = UUID.randomUUID().toString();
        ObjectNode first = submission();
        ObjectNode sameChild = submission();
        sameChild.set("child", first.get("child").deepCopy());
        ObjectNode poison = submission();
        ObjectNode after = submission();
        poisonSubmission(poison.get("submissionId").asText());

        // One partition, sent together: the listener takes them in one poll (or more), in this order.
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (ObjectNode submission : List.of(first, sameChild, poison, after, first)) {
            var record = new ProducerRecord<>(TOPIC, 0, (run + "/" + submission.get("submissionId").asText())
                    .getBytes(StandardCharsets.UTF_8), bytes(submission));
            record.headers().add("agency", "demo-police".getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();

        String firstId = awaitContactId("demo-police", first.get("submissionId").asText());
        String sameChildId = awaitContactId("demo-police", sameChild.get("submissionId").asText());
        // Behind the failing contact, in its partition: waits out its retries, then is stored.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> contactsWithSubmissionId(after.get("submissionId").asText()) == 1);
        ConsumerRecord<byte[], byte[]> dead = awaitRecord(DLQ, r -> r.key() != null && new String(r.key(),
                StandardCharsets.UTF_8).equals(run + "/" + poison.get("submissionId").asText()));
        assertThat(dead.value()).isEqualTo(bytes(poison));
        assertThat(new String(dead.headers().lastHeader("frontdoor-rejection-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("PROCESSING_FAILED");
        assertThat(contactsWithSubmissionId(poison.get("submissionId").asText())).isZero();
        assertThat(contactsWithSubmissionId(first.get("submissionId").asText())).isEqualTo(1);
        String childId = childOf(firstId);
        assertThat(contactsReceivedInStreamOrder(childId)).containsExactly(firstId, sameChildId);
    }

    private ReceiveContact contact(ObjectNode submission) {
        return new ReceiveContact(AgencyCode.of("demo-police"), Channel.KAFKA, intake.read(Channel.KAFKA,
                bytes(submission)));
    }

    /** Makes the registry refuse this submission id, as a failing constraint would. */
    private void poisonSubmission(String submissionId) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION batch_intake_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.submission_id = TG_ARGV[0] THEN
                        RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS batch_intake_poison ON contact_registry").update();
        jdbc.sql("CREATE TRIGGER batch_intake_poison BEFORE INSERT ON contact_registry FOR EACH ROW "
                + "EXECUTE FUNCTION batch_intake_poison('" + submissionId + "')").update();
    }


    private List<String> contactsReceivedInStreamOrder(String childId) {
        return eventsAbout(childId, "ContactReceived");
    }

    /** The contact ids of the child's events of one type, in stream order. */
    private List<String> eventsAbout(String childId, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'contactId' FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""")
                .params(childId, "uk.frontdoor.triage.api." + type)
                .query(String.class).list();
    }
}
