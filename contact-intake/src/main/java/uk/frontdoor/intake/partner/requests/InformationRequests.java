package uk.frontdoor.intake.partner.requests;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequestHistory;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequestHistory;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A partner agency's system and its partner checks, whether it calls over HTTP or answers on Kafka: it sees only
 * the checks sent to the agency it answers for, and answers only those.
 */
@Component
public class InformationRequests {

    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);

    private final PartnerAgencies agencies;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Duration catchUp;

    InformationRequests(PartnerAgencies agencies, QueryGateway queries, CommandGateway commands,
                        PartnerRequestProperties properties) {
        this.agencies = agencies;
        this.queries = queries;
        this.commands = commands;
        this.catchUp = properties.unknownRequestWait();
    }

    /** The agency's open requests, most urgent first; none for an agency no check is sent to. */
    public List<PartnerRequests.Request> open(AgencyCode agency) {
        return agencies.answersFor(agency)
                .map(answersFor -> queries.query(new FindPartnerRequests(answersFor),
                        ResponseTypes.instanceOf(PartnerRequests.class)).join().requests())
                .orElse(List.of());
    }

    /**
     * The agency's past requests, most recent first: how and when each was answered, or that it fell away unanswered
     * (not the answer's text); none for an agency no check is sent to.
     */
    public PartnerRequestHistory history(AgencyCode agency) {
        return agencies.answersFor(agency)
                .map(answersFor -> queries.query(new FindPartnerRequestHistory(answersFor),
                        ResponseTypes.instanceOf(PartnerRequestHistory.class)).join())
                .orElse(new PartnerRequestHistory(List.of()));
    }

    /**
     * Records the agency's answer in the child's stream. A request sent to another agency, or none at all, is
     * refused as unknown ({@link Refusal#UNKNOWN_CHECK}); a second answer as already answered.
     */
    public void answer(AgencyCode agency, String requestId, Answer answer, Channel channel) {
        String answersFor = agencies.answersFor(agency)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_CHECK));
        PartnerRequests.Request request = requestId == null ? null : find(requestId).orElse(null);
        if (request == null || !request.agency().equals(answersFor)) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CHECK);
        }
        commands.sendAndWait(new AnswerPartnerCheck(request.childId(), request.contactId(), request.requestId(),
                answersFor, answer.answer(), answer.information(), answer.reason(),
                new PartnerCheckAnswered.Answerer(null, agency.value(), channel)));
    }

    /**
     * The check, from the read model. A partner may answer a request it was sent on Kafka before that read model
     * has caught up with the check (they are kept by different processors): a check it does not know yet is asked
     * for again for a moment, as long as the read model usually lags; a check sent to another agency is found at
     * once and refused.
     */
    private Optional<PartnerRequests.Request> find(String requestId) {
        long deadline = System.nanoTime() + catchUp.toNanos();
        while (true) {
            Optional<PartnerRequests.Request> found = queries.query(FindPartnerRequest.toAnyAgency(requestId),
                    ResponseTypes.optionalInstanceOf(PartnerRequests.Request.class)).join();
            if (found.isPresent() || System.nanoTime() >= deadline) {
                return found;
            }
            try {
                Thread.sleep(CATCH_UP_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** An answer as a partner sends it, over HTTP or Kafka. */
    public record Answer(PartnerCheckAnswered.Answer answer, String information, String reason) {
    }
}
