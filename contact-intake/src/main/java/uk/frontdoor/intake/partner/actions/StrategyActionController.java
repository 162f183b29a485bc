package uk.frontdoor.intake.partner.actions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.intake.http.Problems;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.query.FindPartnerActions;
import uk.frontdoor.triage.api.query.PartnerActions;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Channel;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Partner systems read the strategy discussion actions given to their agency, with their agency's API key: what to
 * do, by when, and the child it concerns; and record one done, naming the person at the agency who did it.
 */
@RestController
class StrategyActionController {

    static final URI INVALID_STATE = URI.create("/problems/invalid-state");

    private final PartnerAgencies agencies;
    private final QueryGateway queries;
    private final StrategyActionsDone done;

    private final ViewLog views;

    StrategyActionController(PartnerAgencies agencies, QueryGateway queries, StrategyActionsDone done, ViewLog views) {
        this.agencies = agencies;
        this.queries = queries;
        this.done = done;
        this.views = views;
    }

    /** What a partner is told of an action: never the child's record id, the contact or the discussion's record. */
    record Action(String actionId, String agency, String description, String owner, LocalDate dueDate, Instant dueAt,
                  Instant heldAt, Instant doneAt, String note, String doneBy, PartnerRequests.Subject child) {

        static Action of(PartnerActions.Action action) {
            return new Action(action.actionId(), action.agency(), action.description(), action.owner(),
                    action.dueDate(), action.dueAt(), action.heldAt(), action.doneAt(), action.note(), action.doneBy(),
                    action.child());
        }
    }

    record ActionList(List<Action> actions) {
    }

    @Operation(summary = "The strategy discussion actions given to your agency",
            description = "state=open (the default): those not yet done, soonest due first; state=done: those recorded "
                    + "done, most recent first, with when and the note. Each with what to do, the owner named at the "
                    + "discussion, the due date (dueAt: the office's close that day) and the child's details to find "
                    + "the child in your own systems.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @GetMapping(path = "/api/v1/partner/strategy-actions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> actions(@AuthenticationPrincipal PartnerPrincipal partner,
                              @RequestParam(required = false) String state) {
        boolean done;
        if (state == null || state.isBlank() || state.strip().equals("open")) {
            done = false;
        } else if (state.strip().equals("done")) {
            done = true;
        } else {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, INVALID_STATE, "Invalid state",
                    "state is open or done.");
            problem.setProperty("errors", List.of(new Violation("state", "is not open or done")));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        List<PartnerActions.Action> actions = agencies.answersFor(partner.agency())
                .map(agency -> queries.query(new FindPartnerActions(agency, done),
                        ResponseTypes.instanceOf(PartnerActions.class)).join().actions())
                .orElse(List.of());
        // The children's details go to the agency's system: a read of each, recorded like a member of staff's.
        views.recordForAgency(actions.stream().map(action -> new ViewLog.Viewed(action.childId(), action.contactId()))
                .toList(), partner.agency().value(), "strategy actions (API)");
        return ResponseEntity.ok(new ActionList(actions.stream().map(Action::of).toList()));
    }

    @Operation(summary = "Record a strategy discussion action given to your agency as done",
            description = "doneAt (not in the future, not before the discussion), note (what was done) and doneBy (the "
                    + "person at your agency who did it) are required. It stops the action's clock; the record says "
                    + "who did it, for your agency, by the partner API. 404 for an action not given to your agency; "
                    + "409 once it is recorded done.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @PostMapping(path = "/api/v1/partner/strategy-actions/{actionId}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> done(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String actionId,
                           @RequestBody StrategyActionsDone.Done body) {
        List<Violation> violations = StrategyActionsDone.violations(body);
        if (!violations.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                    violations.size() + " field(s) are invalid; nothing was recorded.");
            problem.setProperty("errors", violations);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        done.done(partner.agency(), actionId, body, Channel.HTTP);
        return ResponseEntity.noContent().build();
    }
}
