package uk.frontdoor.intake.partner.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.requests.PartnerRequestProperties;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * A partner agency's contact, once decided and once feedback is recorded: the outcome and the feedback on the
 * agency's reply topic, as it reads them over the API. Beside the partner checks in the same processing group
 * ({@code partner-delivery}: side effects, never replayed), at least once, keyed by the contact id. Contacts staff
 * logged (a phone call to the front door) have no partner system to tell.
 */
@Component
@ProcessingGroup("partner-delivery")
@DisallowReplay
class OutcomeDelivery {

    static final String OUTCOME = "OUTCOME";
    static final String FEEDBACK = "FEEDBACK";

    private final PartnerAgencies agencies;
    private final PartnerRequestProperties topics;
    private final ReferrerFeedbackProperties words;
    private final KafkaOperations<byte[], byte[]> kafka;
    private final EventStore events;
    private final ObjectMapper json;

    OutcomeDelivery(PartnerAgencies agencies, PartnerRequestProperties topics, ReferrerFeedbackProperties words,
                    KafkaOperations<byte[], byte[]> kafka, EventStore events, ObjectMapper json) {
        this.agencies = agencies;
        this.topics = topics;
        this.words = words;
        this.kafka = kafka;
        this.events = events;
        this.json = json;
    }

    /** On the agency's reply topic: {@code type} OUTCOME with {@code outcome}, or FEEDBACK with {@code feedback}. */
    record Message(String type, String contactId, String submissionId, ReferrerOutcome.Outcome outcome,
                   ReferrerOutcome.Feedback feedback) {
    }

    @EventHandler
    void on(ProposalAuthorised event) throws Exception {
        send(event.childId(), event.contactId(), sent -> new Message(OUTCOME, event.contactId().value(), sent,
                ReferrerOutcome.Outcome.of(event.outcome(), event.at(), words), null));
    }

    @EventHandler
    void on(FeedbackSent event) throws Exception {
        send(event.childId(), event.contactId(), sent -> new Message(FEEDBACK, event.contactId().value(), sent, null,
                new ReferrerOutcome.Feedback(event.method(), event.sentAt(), event.summary())));
    }

    private void send(ChildId childId, ContactId contactId, java.util.function.Function<String, Message> message)
            throws JsonProcessingException, InterruptedException, ExecutionException {
        Optional<ContactReceived> received = receivedIn(childId, contactId);
        if (received.isEmpty() || agencies.byCode(received.get().agency().value()).isEmpty()) {
            return;
        }
        String agency = received.get().agency().value();
        String submissionId = received.get().submission() == null ? null : received.get().submission().submissionId();
        // Waits for the broker: a failed send fails the handler, which is retried, never skipped.
        kafka.send(new ProducerRecord<>(topics.replyTopicOf(agency), contactId.value().getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(message.apply(submissionId)))).get();
    }

    /** From the child's first event: a snapshot would hide the contact. */
    private Optional<ContactReceived> receivedIn(ChildId childId, ContactId contactId) {
        var stream = events.readEvents(childId.value(), 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ContactReceived received
                    && received.contactId().equals(contactId)) {
                return Optional.of(received);
            }
        }
        return Optional.empty();
    }
}
