package uk.frontdoor.intake.partner.requests;

import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.PartnerRequests;

import java.time.Instant;
import java.util.List;

/**
 * What a partner is told of a request, over HTTP and Kafka alike: never the child's record id, the contact, the
 * concern or who referred, only the question and the child's details to search with.
 */
final class InformationRequestMessages {

    /** The {@code type} of a request on a reply topic, beside the outcomes published there. */
    static final String INFORMATION_REQUEST = "INFORMATION_REQUEST";

    private InformationRequestMessages() {
    }

    record RequestList(List<Request> requests) {
    }

    /** @param agency the partner-check agency asked, e.g. {@code POLICE} */
    record Request(String requestId, String agency, String question, Priority priority, Instant requestedAt,
                   Instant dueAt, PartnerRequests.Subject child) {

        static Request of(PartnerRequests.Request request) {
            return new Request(request.requestId(), request.agency(), request.question(), request.priority(),
                    request.requestedAt(), request.dueAt(), request.child());
        }
    }

    /** A request on the agency's reply topic, with the topic to answer it on. */
    record Delivered(String type, String requestId, String agency, String question, Priority priority,
                     Instant requestedAt, Instant dueAt, PartnerRequests.Subject child, String answerTopic) {
    }

    /** An answer on the agency's answer topic; {@code type} absent or {@value #ANSWER}. */
    record KafkaAnswer(String type, String requestId, PartnerCheckAnswered.Answer answer, String information,
                       String reason) {
    }

    static final String ANSWER = "ANSWER";

    /** The other kind of message on the answer topic: one of the agency's strategy discussion actions, done. */
    static final String STRATEGY_ACTION_DONE = "STRATEGY_ACTION_DONE";

    record KafkaActionDone(String type, String actionId, Instant doneAt, String note, String doneBy) {
    }
}
