package uk.frontdoor.infra.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * An API call that fails because PostgreSQL cannot be reached (down, restarting, or no connection free in
 * time) is answered {@code 503} with {@code Retry-After}, as an RFC 9457 problem, instead of a 500: nothing
 * was stored, and the same request sent again later is safe (submissions are idempotent by their id).
 * Matched anywhere in the cause chain, as Axon and the group commit wrap what the driver threw. Logged as
 * one line naming the exception's class only: the driver's message can quote the statement's values.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DependencyUnavailable {

    static final URI TYPE = URI.create("/problems/temporarily-unavailable");
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DependencyUnavailable.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception failure) {
        log.warn("An API request failed because the database is unavailable ({}); answered 503",
                failure.getClass().getName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database just now. Nothing was stored or changed; send the same "
                        + "request again after the time in Retry-After.");
        problem.setType(TYPE);
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }
}
