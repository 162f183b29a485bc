package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
        sendInOrder(TOPIC, run, List.of(first, sameChild, poison, after, first));

        String firstId = awaitContactId("demo-police", first.get("submissionId").asText());
        String sameChildId = awaitContactId("demo-police", sameChild.get("submissionId").asText());
        // Behind the failing contact, in its partition: waits out its retries, then is stored.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> contactsWithSubmissionId(after.get("submissionId").asText()) == 1);
        awaitDeadLettered(DLQ, run, poison, "PROCESSING_FAILED");
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
        refuseInserts("batch_intake_poison", "contact_registry", "NEW.submission_id = TG_ARGV[0]", submissionId);
    }


    private List<String> contactsReceivedInStreamOrder(String childId) {
        return eventsAbout(childId, "ContactReceived");
    }
}
