package uk.frontdoor.infra.notify;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.Actor;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The notifications' outbox for system managers ({@code /api/v1/admin/**}): the backlog, the emails given up, and
 * sending one again or dismissing it. What an email was to say is not shown: its template, where it was to go and why it did not.
 */
@RestController
@RequestMapping("/api/v1/admin/notifications")
class NotificationsAdminController {

    private static final int LISTED = 500;

    private final NotificationOutbox outbox;
    private final ActorResolver actors;

    NotificationsAdminController(NotificationOutbox outbox, ActorResolver actors) {
        this.outbox = outbox;
        this.actors = actors;
    }

    /**
     * @param givenUp the emails given up, the most recently given up first (at most 500; {@code backlog.givenUp}
     *                counts them all)
     */
    record Outbox(Backlog backlog, List<NotificationOutbox.GivenUp> givenUp) {
    }

    /** The gauges' figures, read now; {@code oldestUnsentAge} in ISO-8601. */
    record Backlog(long unsent, long failing, String oldestUnsentAge, long givenUp) {
    }

    @Operation(summary = "The emails waiting in the outbox, and those given up",
            description = "Given up: rejected permanently by the mail server, or failing for too long. Each names its "
                    + "template, recipients, attempts, the last failure's exception classes and why it was given up. "
                    + "System managers only.")
    @GetMapping
    Outbox outbox() {
        NotificationOutbox.Backlog backlog = outbox.backlog();
        return new Outbox(new Backlog(backlog.unsent(), backlog.failing(), backlog.oldestUnsentAge().toString(),
                backlog.givenUp()), outbox.givenUp(LISTED));
    }

    @Operation(summary = "Send a given-up email again",
            description = "Due at once on every instance, to the addresses the settings give its addressee now (an "
                    + "address corrected since it was queued is used), its attempts counted afresh; who retried it and "
                    + "when are kept on it. 404 if there is no such email, 409 if it is not given up or the settings "
                    + "give its addressee no address now. System managers only.")
    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable long id, Authentication who) {
        Actor by = actors.require(who);
        return answer(id, outbox.retry(id, by.userId()));
    }

    /** Why a given-up email will not be sent again, in the system manager's words (never a child's details). */
    record Dismissal(String reason) {
    }

    @Operation(summary = "Dismiss a given-up email: it will not be sent",
            description = "It leaves the list and the given-up gauge; who dismissed it, when and why are kept on it "
                    + "until it is pruned like a sent email. 400 naming reason if it is missing or over 500 "
                    + "characters, 404 if there is no such email, 409 if it is not given up. System managers only.")
    @PostMapping("/{id}/dismiss")
    ResponseEntity<?> dismiss(@PathVariable long id, @RequestBody(required = false) Dismissal dismissal,
                              Authentication who) {
        Actor by = actors.require(who);
        String reason = dismissal == null ? null : dismissal.reason();
        String wrong = NotificationOutbox.whatIsWrongWith(reason);
        if (wrong != null) {
            ResponseEntity<ProblemDetail> invalid = problem(HttpStatus.BAD_REQUEST, "invalid-dismissal",
                    "Invalid dismissal", wrong + ".", "reason");
            // As every 400 of the API: what was refused, by field.
            invalid.getBody().setProperty("errors", List.of(Map.of("field", "reason", "problem", wrong)));
            return invalid;
        }
        return answer(id, outbox.dismiss(id, by.userId(), reason));
    }

    private static ResponseEntity<?> answer(long id, NotificationOutbox.Action action) {
        return switch (action) {
            case DONE -> ResponseEntity.accepted().location(URI.create("/api/v1/admin/notifications")).build();
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "unknown-notification", "No such email",
                    action.refusal(id), "id");
            case NOT_GIVEN_UP -> problem(HttpStatus.CONFLICT, "notification-not-given-up", "Not given up",
                    action.refusal(id), "id");
            case NO_ADDRESS -> problem(HttpStatus.CONFLICT, "notification-no-address", "No address",
                    action.refusal(id), "id");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail,
                                                         String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(title);
        problem.setProperty("field", field);
        return ResponseEntity.status(status).body(problem);
    }
}
