package uk.frontdoor.infra.notify;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.Actor;

import java.net.URI;
import java.util.List;

/**
 * The notifications' outbox for system managers ({@code /api/v1/admin/**}): the backlog, the emails given up, and
 * retrying one. What an email was to say is not shown: its template, where it was to go and why it did not.
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
            description = "Due at once on every instance, its attempts counted afresh; who retried it and when are "
                    + "kept on it. 404 if there is no such email, 409 if it is not given up. System managers only.")
    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable long id, Authentication who) {
        Actor by = actors.require(who);
        return switch (outbox.retry(id, by.userId())) {
            case QUEUED -> ResponseEntity.accepted().location(URI.create("/api/v1/admin/notifications")).build();
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "unknown-notification", "No such email",
                    "There is no email " + id + " in the outbox.");
            case NOT_GIVEN_UP -> problem(HttpStatus.CONFLICT, "notification-not-given-up", "Not given up",
                    "Email " + id + " is sent, or still being tried: only a given-up email is retried.");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(title);
        problem.setProperty("field", "id");
        return ResponseEntity.status(status).body(problem);
    }
}
