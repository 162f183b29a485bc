package uk.frontdoor.intake.partner.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.triage.api.query.PartnerRequestHistory;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Channel;

import java.util.List;

/** Partner systems read the partner checks sent to their agency and answer them, with their agency's API key. */
@RestController
@RequestMapping("/api/v1/partner/information-requests")
class InformationRequestController {

    private final InformationRequests requests;

    private final ViewLog views;

    InformationRequestController(InformationRequests requests, ViewLog views) {
        this.requests = requests;
        this.views = views;
    }

    @Operation(summary = "The partner checks sent to your agency and not yet answered, most urgent first",
            description = "Each with the question, its RAG rating, when it is due, and the child's details to search "
                    + "your own systems by: names, date of birth, sex, NHS number, address and household.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    InformationRequestMessages.RequestList open(@AuthenticationPrincipal PartnerPrincipal partner) {
        List<PartnerRequests.Request> open = requests.open(partner.agency());
        // The children's details go to the agency's system: a read of each, recorded like a member of staff's.
        views.recordForAgency(open.stream().map(request -> new ViewLog.Viewed(request.childId(), request.contactId()))
                .toList(), partner.agency().value(), "partner checks (API)");
        return new InformationRequestMessages.RequestList(open.stream()
                .map(InformationRequestMessages.Request::of).toList());
    }

    @Operation(summary = "The partner checks sent to your agency that are no longer open, most recent first",
            description = "How and when each was answered (and by whom, and whether late), or when it fell away "
                    + "unanswered because the contact was decided. Not the answer's text.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @GetMapping(path = "/answered", produces = MediaType.APPLICATION_JSON_VALUE)
    PartnerRequestHistory answered(@AuthenticationPrincipal PartnerPrincipal partner) {
        PartnerRequestHistory history = requests.history(partner.agency());
        views.recordForAgency(history.requests().stream()
                .map(past -> new ViewLog.Viewed(past.childId(), past.contactId())).toList(),
                partner.agency().value(), "answered partner checks (API)");
        return history;
    }

    @Operation(summary = "Answer a partner check sent to your agency",
            description = "answer: INFORMATION_FOUND (information required), NONE_HELD, or CANNOT_SHARE (reason "
                    + "required). 404 for a request not sent to your agency; 409 once it has been answered.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @PostMapping(path = "/{requestId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> answer(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String requestId,
                                @RequestBody InformationRequests.Answer answer) {
        requests.answer(partner.agency(), requestId, answer, Channel.HTTP);
        return ResponseEntity.noContent().build();
    }
}
