package uk.frontdoor.triage.work;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;

import java.net.URI;

/**
 * The one translator from a refused staff command to an RFC 9457 problem: the type names the rule
 * ({@code /problems/claimed-by-another}), and so does the {@code rule} member.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TriageProblems {

    @ExceptionHandler(TriageRefusedException.class)
    ProblemDetail refused(TriageRefusedException refused) {
        var refusal = refused.refusal();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(refusal.kind()),
                refused.getMessage());
        problem.setType(URI.create("/problems/" + refusal.code()));
        problem.setTitle(refusal.title());
        problem.setProperty("rule", refusal.code());
        if (refused.field() != null) {
            // As the other 400s name the field at fault (errors: field and problem).
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", refused.field(),
                    "problem", refusal.title())));
        }
        return problem;
    }

    /** How each kind of refusal is told over HTTP. */
    static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownChild() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such child record.");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }
}
