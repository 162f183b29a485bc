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

    /** The {@code type} on a reply topic of a request now answered, by whoever answered it. */
    static final String REQUEST_ANSWERED = "REQUEST_ANSWERED";

    /**
     * On the reply topic, keyed by the request id like the request: it is answered and open no more. How it was
     * answered, never what: the agency knows what it holds, and the topic need not carry it.
     *
     * @param answer     the agency's choice ({@code INFORMATION_FOUND}, {@code NONE_HELD}, {@code CANNOT_SHARE}); null
     *                   for a reply the front door's staff typed in (its words alone, no choice)
     * @param answeredBy {@code FRONT_DOOR_STAFF} (a reply typed in for an agency that phoned), {@code PARTNER_STAFF}
     *                   (the agency's seconded staff on the partner pages) or {@code PARTNER_SYSTEM} (an agency's
     *                   system, over the partner API or Kafka)
     * @param by         the answering agency's code for a partner system, the sign-in name for staff
     */
    record Answered(String type, String requestId, String agency, Instant answeredAt, boolean late,
                    PartnerCheckAnswered.Answer answer, String answeredBy, String by) {
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
