package uk.frontdoor.intake.partner.requests;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.value.ContactId;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Erasure reaches what the service itself published on the partners' reply topics: when a child is erased, a tombstone
 * (the same key, no value) for each message it sent about the child, on each topic it sent it to. The reply topics are
 * compacted ({@code cleanup.policy=compact,delete}), so the broker removes the earlier messages of those keys (a
 * partner check with the child's details, keyed by the request id; a contact's outcome and feedback, keyed by the
 * contact id) within {@code frontdoor.partner-requests.erased-within}, rather than at the end of the topic's retention;
 * and a partner's consumer sees the tombstone, its sign that the front door erased that request or contact.
 *
 * <p>In the processing group that published the messages ({@code partner-delivery}, never replayed), so its tombstones
 * follow them in the same order: a child's events are handled in sequence. The keys come from the child's own stream,
 * whose ids, agencies and codes stay readable after erasure (only personal fields are sealed with the destroyed key),
 * not from a read model that erasure empties at the same moment.
 */
@Component
@ProcessingGroup(RequestDelivery.PROCESSING_GROUP)
@DisallowReplay
class ErasedChildTombstones {

    private final PartnerAgencies agencies;
    private final PartnerRequestProperties topics;
    private final KafkaOperations<byte[], byte[]> kafka;
    private final EventStore events;

    ErasedChildTombstones(PartnerAgencies agencies, PartnerRequestProperties topics,
                          KafkaOperations<byte[], byte[]> kafka, EventStore events) {
        this.agencies = agencies;
        this.topics = topics;
        this.kafka = kafka;
        this.events = events;
    }

    @EventHandler
    void on(ChildErased event) throws InterruptedException, ExecutionException {
        for (Map.Entry<String, Set<String>> topic : publishedAbout(event).entrySet()) {
            for (String key : topic.getValue()) {
                // Waits for the broker: a failed send fails the handler, which is retried, never skipped.
                kafka.send(new ProducerRecord<>(topic.getKey(), key.getBytes(StandardCharsets.UTF_8), null)).get();
            }
        }
    }

    /**
     * Each reply topic and the keys the service published there about the child, as {@link RequestDelivery} and
     * {@code OutcomeDelivery} chose them: every partner check to every agency answering for the agency asked; the
     * outcome and feedback of a contact a partner agency sent.
     */
    Map<String, Set<String>> publishedAbout(ChildErased event) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<ContactId, String> sentBy = new LinkedHashMap<>();
        Set<ContactId> toldOfOutcome = new HashSet<>();
        var stream = events.readEvents(event.childId().value(), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof PartnerCheckRequested requested) {
                for (PartnerAgencies.Agency agency : agencies.answering(requested.agency())) {
                    keys.computeIfAbsent(topics.replyTopicOf(agency.code()), topic -> new LinkedHashSet<>())
                            .add(requested.checkId());
                }
            } else if (payload instanceof ContactReceived received
                    && agencies.byCode(received.agency().value()).isPresent()) {
                sentBy.put(received.contactId(), received.agency().value());
            } else if (payload instanceof ProposalAuthorised authorised) {
                toldOfOutcome.add(authorised.contactId());
            } else if (payload instanceof FeedbackSent feedback) {
                toldOfOutcome.add(feedback.contactId());
            }
        }
        sentBy.forEach((contact, agency) -> {
            if (toldOfOutcome.contains(contact)) {
                keys.computeIfAbsent(topics.replyTopicOf(agency), topic -> new LinkedHashSet<>()).add(contact.value());
            }
        });
        return keys;
    }
}
