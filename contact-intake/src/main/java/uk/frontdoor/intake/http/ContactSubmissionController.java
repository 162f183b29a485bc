package uk.frontdoor.intake.http;

import uk.frontdoor.triage.api.query.AsAtInstant;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.FindChildAsAt;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import uk.frontdoor.intake.partner.outcome.ReferrerFeedbackProperties;
import uk.frontdoor.intake.partner.outcome.ReferrerOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.ChildId;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The front door for contacts: partner agencies' systems submit them and follow where they stand;
 * staff log the contacts phoned in to them (recorded under the member of staff's own agency, on
 * the {@link Channel#STAFF} channel).
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactSubmissionController {

    private final ContactIntake intake;
    private final QueryGateway queries;
    private final ActorResolver actors;
    private final ViewLog views;
    private final RestrictedRecords restricted;
    private final ReferrerFeedbackProperties referrerWords;

    private final Clock clock;

    ContactSubmissionController(ContactIntake intake, QueryGateway queries, ActorResolver actors, ViewLog views,
                                RestrictedRecords restricted, Clock clock, ReferrerFeedbackProperties referrerWords) {
        this.clock = clock;
        this.referrerWords = referrerWords;
        this.intake = intake;
        this.queries = queries;
        this.actors = actors;
        this.views = views;
        this.restricted = restricted;
    }

    @Operation(summary = "Submit a contact about a child",
            description = "Idempotent per agency and submissionId: a repeat returns the first contact's id and stores nothing; "
                    + "the same submissionId with different content is refused (409): a correction is a new submission. "
                    + "Partner systems send their agency's API key; staff (any role) log contacts phoned in, "
                    + "which are recorded under their own agency on the STAFF channel.",
            security = @SecurityRequirement(name = "partnerApiKey"),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(ref = "/schemas/contact-submission-v1.schema.json"))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Stored in the child's record",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = SubmissionReceipt.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid submission: every invalid field is named",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "401", description = "No valid API key or staff credentials"),
                    @ApiResponse(responseCode = "409", description = "This agency already used the submissionId for a "
                            + "different submission; nothing was stored",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "413", description = "Body too large"),
                    @ApiResponse(responseCode = "415", description = "Not application/json")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    void submit(Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // Read and answered by the intake itself, not by message converters (IntakeExchange): the same answers.
        byte[] body = IntakeExchange.body(request);
        ContactAccepted accepted;
        if (authentication.getPrincipal() instanceof PartnerPrincipal partner) {
            accepted = intake.accept(partner.agency(), Channel.HTTP, body);
        } else {
            Actor staff = actors.resolve(authentication)
                    .orElseThrow(() -> new AccessDeniedException("neither a partner nor a member of staff"));
            accepted = intake.accept(staff, body);
        }
        URI location = ServletUriComponentsBuilder.fromRequestUri(request)
                .path("/{id}").buildAndExpand(accepted.contactId().value()).toUri();
        IntakeExchange.accepted(response, location.toASCIIString(), accepted.contactId().value(),
                accepted.alreadyReceived());
    }

    @Operation(summary = "Where a contact stands",
            description = "Partners see only contacts their own agency sent: its status and, once decided, the outcome "
                    + "(in plain words, what happens next, whom to contact) and the feedback sent; staff also see the "
                    + "threshold assessment and the triage work: claim, consent, partner checks, proposal, decision, "
                    + "feedback, strategy discussion, identity.")
    @GetMapping(path = "/{contactId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactStatusResponse> status(Authentication authentication, @PathVariable String contactId,
                                                 @RequestParam(required = false) String asAt) {
        ContactId id = ContactId.of(contactId);
        if (asAt != null) {
            return asAt(authentication, id, asAt);
        }
        Optional<ContactStatusView> view = queries.query(new FindContactStatus(id),
                ResponseTypes.optionalInstanceOf(ContactStatusView.class)).join();
        // The projection may not have caught up with a contact stored a moment ago: the write
        // side's registry knows it exists, who sent it and that it was received.
        ContactStatusView current = view.orElseGet(() -> queries.query(new FindContactRegistration(id),
                        ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join()
                .map(ContactSubmissionController::justReceived)
                .orElse(null));
        if (current == null || !mayRead(authentication, current)) {
            // The same answer whether it does not exist or belongs to another agency: existence is not disclosed.
            throw new ContactNotFoundException();
        }
        boolean partner = authentication.getPrincipal() instanceof PartnerPrincipal;
        boolean withheld = false;
        if (!partner) {
            // Staff see the assessment and the work on it: a read of the child's record, recorded first.
            Actor viewer = actors.resolve(authentication)
                    .orElseThrow(() -> new AccessDeniedException("neither a partner nor a member of staff"));
            Optional<ChildId> child = queries.query(new FindContactRegistration(id),
                            ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join()
                    .map(ContactRegistration::childId);
            // A restricted record the viewer may not read: that it exists and where it stands, nothing it says.
            withheld = child.isPresent()
                    && restricted.withheldFrom(viewer, List.of(child.get())).contact(child.get(), id);
            // An attempt on a record withheld is recorded as such: managers see who tried to open it.
            if (child.isPresent()) {
                views.record(child.get(), id, viewer, withheld ? "contact (API, restricted: withheld)" : "contact (API)");
            }
        }
        boolean details = !partner && !withheld;
        return ResponseEntity.ok(new ContactStatusResponse(current.contactId().value(), current.submissionId(),
                current.status(), current.receivedAt(), details ? current.threshold() : null,
                details ? current.work() : null, withheld ? Boolean.TRUE : null,
                partner ? outcome(current) : null, partner ? feedback(current) : null, null, null));
    }

    /**
     * The contact as it stood at a past moment, with its clocks and the time left on each then: staff only (a
     * partner follows only where its contact stands now). Built from the child's events up to that moment
     * ({@code FindChildAsAt}); recorded as a view before it is shown.
     */
    private ResponseEntity<ContactStatusResponse> asAt(Authentication authentication, ContactId id, String asAt) {
        if (authentication.getPrincipal() instanceof PartnerPrincipal) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Only staff read a contact as it stood at a past moment.");
            problem.setTitle("Not for partners");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Instant at;
        try {
            at = AsAtInstant.parse(asAt, clock.instant());
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter asAt " + e.getMessage() + ".");
            problem.setType(URI.create("/problems/invalid-as-at"));
            problem.setTitle("Invalid moment");
            problem.setProperty("errors", List.of(Map.of("field", AsAtInstant.FIELD, "problem", e.getMessage())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        Actor viewer = actors.resolve(authentication)
                .orElseThrow(() -> new AccessDeniedException("neither a partner nor a member of staff"));
        ChildId child = queries.query(new FindContactRegistration(id),
                        ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join()
                .map(ContactRegistration::childId)
                .orElseThrow(ContactNotFoundException::new);
        ChildAsAt record = queries.query(new FindChildAsAt(child, at),
                ResponseTypes.optionalInstanceOf(ChildAsAt.class)).join().orElse(null);
        // Not yet received then: there was no such contact at that moment.
        ContactStatusView then = record == null ? null : record.contact(id).orElse(null);
        if (then == null) {
            throw new ContactNotFoundException();
        }
        boolean withheld = restricted.withheldFrom(viewer, List.of(child)).contact(child, id);
        views.record(child, id, viewer, "contact (API) as at " + at + (withheld ? " (restricted: withheld)" : ""));
        return ResponseEntity.ok(new ContactStatusResponse(then.contactId().value(), then.submissionId(),
                then.status(), then.receivedAt(), withheld ? null : then.threshold(), withheld ? null : then.work(),
                withheld ? Boolean.TRUE : null, null, null, at, record.clocks(id)));
    }

    /** The decision, for the referrer: in plain words, what happens next and whom to contact; nothing else. */
    private ReferrerOutcome.Outcome outcome(ContactStatusView contact) {
        if (contact.status() != ContactStatus.DECIDED || contact.work() == null || contact.work().decision() == null) {
            return null;
        }
        var decision = contact.work().decision();
        return ReferrerOutcome.Outcome.of(decision.outcome(), decision.at(), referrerWords);
    }

    /** The feedback sent to the referrer, as sent: never who in the front door sent it. */
    private List<ReferrerOutcome.Feedback> feedback(ContactStatusView contact) {
        if (contact.work() == null || contact.work().feedback() == null || contact.work().feedback().isEmpty()) {
            return null;
        }
        return contact.work().feedback().stream()
                .map(sent -> new ReferrerOutcome.Feedback(sent.method(), sent.sentAt(), sent.summary()))
                .toList();
    }

    private static boolean mayRead(Authentication authentication, ContactStatusView contact) {
        if (authentication.getPrincipal() instanceof PartnerPrincipal partner) {
            return partner.agency().equals(contact.agency());
        }
        return true;
    }

    private static ContactStatusView justReceived(ContactRegistration registration) {
        return new ContactStatusView(registration.contactId(), registration.agency(), registration.submissionId(),
                ContactStatus.RECEIVED, registration.receivedAt(), null, null);
    }

    /** The 202's body, as {@link IntakeExchange#receipt} writes it (and the OpenAPI description shows it). */
    record SubmissionReceipt(String contactId, boolean alreadyReceived) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContactStatusResponse(String contactId, String submissionId, ContactStatus status, Instant receivedAt,
                                 ThresholdAssessed.Threshold threshold, ContactWorkView work, Boolean restricted,
                                 ReferrerOutcome.Outcome outcome, List<ReferrerOutcome.Feedback> feedback,
                                 Instant asAt, List<ChildAsAt.Clock> clocks) {
    }

    static class ContactNotFoundException extends RuntimeException {
        ContactNotFoundException() {
            super("no such contact for this caller");
        }
    }
}
