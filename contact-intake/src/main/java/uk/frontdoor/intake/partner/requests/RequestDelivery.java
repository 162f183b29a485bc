package uk.frontdoor.intake.partner.requests;

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
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Each partner check, published on the reply topic of every agency that answers for the agency asked. A side
 * effect, so a processing group of its own that is never replayed: a read model's rebuild does not send the
 * requests again. Delivery is at least once (a crash between the send and the processor's token update sends it
 * again): the request id tells a partner it already has it, and the message key is that id, never anything about
 * the child.
 *
 * <p>Once the request is answered, however it was (the agency's system, its seconded staff on the partner pages, or
 * a reply the front door's staff typed in for an agency that phoned), every agency it was delivered to is told so on
 * the same topic, under the same key: a system that took the request from Kafka closes it there too.
 *
 * <p>A request carries the child's details to the agency's system: each delivery is in the record of views, as the
 * agency, like its system's reads over the partner API, written in the processor's transaction before the message
 * is sent (a delivery sent again is recorded again; one whose send fails is rolled back with the handler).
 *
 * <p>The child's details come from the child's own stream (from its first event: a snapshot would hide the
 * contact), not from a read model that may not have caught up.
 */
@Component
@ProcessingGroup(RequestDelivery.PROCESSING_GROUP)
@DisallowReplay
class RequestDelivery {

    static final String PROCESSING_GROUP = "partner-delivery";


    private final PartnerAgencies agencies;
    private final PartnerRequestProperties topics;
    private final KafkaOperations<byte[], byte[]> kafka;
    private final EventStore events;
    private final ObjectMapper json;
    private final ViewLog views;

    RequestDelivery(PartnerAgencies agencies, PartnerRequestProperties topics, KafkaOperations<byte[], byte[]> kafka,
                    EventStore events, ObjectMapper json, ViewLog views) {
        this.agencies = agencies;
        this.topics = topics;
        this.kafka = kafka;
        this.events = events;
        this.json = json;
        this.views = views;
    }

    @EventHandler
    void on(PartnerCheckRequested event) throws JsonProcessingException, InterruptedException, ExecutionException {
        var answering = agencies.answering(event.agency());
        if (answering.isEmpty()) {
            return;
        }
        ContactSubmission submission = null;
        Priority priority = null;
        var stream = events.readEvents(event.childId().value(), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof ContactReceived received && received.contactId().equals(event.contactId())) {
                submission = received.submission();
            } else if (payload instanceof ClockStarted clock && clock.type() == ClockType.PARTNER_CHECK
                    && event.checkId().equals(clock.reference())) {
                priority = clock.priority();
            }
        }
        PartnerRequests.Subject child = submission == null || submission.child() == null ? null
                : new PartnerRequests.Subject(submission.child().givenName(), submission.child().familyName(),
                submission.child().dateOfBirth(), submission.child().expectedDateOfBirth(), submission.child().sex(),
                submission.child().nhsNumber(), submission.child().address(), submission.household());
        byte[] key = event.checkId().getBytes(StandardCharsets.UTF_8);
        for (PartnerAgencies.Agency agency : answering) {
            var message = new InformationRequestMessages.Delivered(InformationRequestMessages.INFORMATION_REQUEST,
                    event.checkId(), event.agency(), event.question(), priority, event.at(), event.dueAt(), child,
                    topics.answerTopicOf(agency.code()));
            if (child != null) {
                views.recordForAgency(List.of(new ViewLog.Viewed(event.childId(), event.contactId())), agency.code(),
                        "partner check (Kafka)");
            }
            // Waits for the broker: a failed send fails the handler, which is retried, never skipped.
            kafka.send(new ProducerRecord<>(topics.replyTopicOf(agency.code()), key, json.writeValueAsBytes(message)))
                    .get();
        }
    }

    /** A reply typed in by the front door's staff, for an agency that phoned. */
    @EventHandler
    void on(PartnerCheckReplied event) throws JsonProcessingException, InterruptedException, ExecutionException {
        answered(event.agency(), new InformationRequestMessages.Answered(InformationRequestMessages.REQUEST_ANSWERED,
                event.checkId(), event.agency(), event.at(), event.late(), null, "FRONT_DOOR_STAFF",
                event.actor().userId()));
    }

    /** The agency's own answer: its system's, or its seconded staff's on the partner pages. */
    @EventHandler
    void on(PartnerCheckAnswered event) throws JsonProcessingException, InterruptedException, ExecutionException {
        boolean staff = event.answeredBy().channel() == Channel.STAFF;
        answered(event.agency(), new InformationRequestMessages.Answered(InformationRequestMessages.REQUEST_ANSWERED,
                event.checkId(), event.agency(), event.at(), event.late(), event.answer(),
                staff ? "PARTNER_STAFF" : "PARTNER_SYSTEM",
                staff ? event.answeredBy().userId() : event.answeredBy().agency()));
    }

    /** To every agency the request went to (those answering for the agency asked), keyed by the request id. */
    private void answered(String agencyAsked, InformationRequestMessages.Answered message)
            throws JsonProcessingException, InterruptedException, ExecutionException {
        byte[] key = message.requestId().getBytes(StandardCharsets.UTF_8);
        byte[] value = json.writeValueAsBytes(message);
        for (PartnerAgencies.Agency agency : agencies.answering(agencyAsked)) {
            // Waits for the broker: a failed send fails the handler, which is retried, never skipped.
            kafka.send(new ProducerRecord<>(topics.replyTopicOf(agency.code()), key, value)).get();
        }
    }
}
