package uk.frontdoor.intake.partner.requests;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.util.List;

/**
 * A partner agency's system and its partner checks, whether it calls over HTTP or answers on Kafka: it sees only
 * the checks sent to the agency it answers for, and answers only those.
 */
@Component
public class InformationRequests {

    private final PartnerAgencies agencies;
    private final QueryGateway queries;
    private final CommandGateway commands;

    InformationRequests(PartnerAgencies agencies, QueryGateway queries, CommandGateway commands) {
        this.agencies = agencies;
        this.queries = queries;
        this.commands = commands;
    }

    /** The agency's open requests, most urgent first; none for an agency no check is sent to. */
    public List<PartnerRequests.Request> open(AgencyCode agency) {
        return agencies.answersFor(agency)
                .map(answersFor -> queries.query(new FindPartnerRequests(answersFor),
                        ResponseTypes.instanceOf(PartnerRequests.class)).join().requests())
                .orElse(List.of());
    }

    /**
     * Records the agency's answer in the child's stream. A request sent to another agency, or none at all, is
     * refused as unknown ({@link Refusal#UNKNOWN_CHECK}); a second answer as already answered.
     */
    public void answer(AgencyCode agency, String requestId, Answer answer, Channel channel) {
        String answersFor = agencies.answersFor(agency)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_CHECK));
        PartnerRequests.Request request = requestId == null ? null : queries.query(
                        new FindPartnerRequest(requestId, answersFor),
                        ResponseTypes.optionalInstanceOf(PartnerRequests.Request.class)).join()
                .orElse(null);
        if (request == null) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CHECK);
        }
        commands.sendAndWait(new AnswerPartnerCheck(request.childId(), request.contactId(), request.requestId(),
                answersFor, answer.answer(), answer.information(), answer.reason(),
                new PartnerCheckAnswered.Answerer(null, agency.value(), channel)));
    }

    /** An answer as a partner sends it, over HTTP or Kafka. */
    public record Answer(PartnerCheckAnswered.Answer answer, String information, String reason) {
    }
}
