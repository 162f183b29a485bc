package uk.frontdoor.intake.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.triage.api.value.Channel;


/** The one translator from refusals to RFC 9457 problem details for the whole API. */
@RestControllerAdvice
class IntakeExceptionHandler extends ResponseEntityExceptionHandler {

    private final IntakeMetrics metrics;
    private final long maxBytes;

    IntakeExceptionHandler(IntakeMetrics metrics, uk.frontdoor.intake.IntakeProperties properties) {
        this.metrics = metrics;
        this.maxBytes = properties.maxSubmissionSize().toBytes();
    }

    @ExceptionHandler(SubmissionRejectedException.class)
    ProblemDetail rejected(SubmissionRejectedException rejected) {
        boolean malformed = rejected.reason() == RejectionReason.MALFORMED_JSON;
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST,
                malformed ? Problems.MALFORMED_JSON : Problems.INVALID_SUBMISSION,
                malformed ? "Body is not valid JSON" : "Invalid submission",
                malformed ? "The body could not be read as JSON; nothing was stored."
                        : rejected.violations().size() + " field(s) are invalid; nothing was stored.");
        problem.setProperty("errors", rejected.violations());
        return problem;
    }

    @ExceptionHandler(ContactSubmissionController.ContactNotFoundException.class)
    ProblemDetail notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No such contact",
                "There is no contact with this id that you may read.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        metrics.rejected(Channel.HTTP, "UNSUPPORTED_MEDIA_TYPE");
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "Submissions must be sent as application/json.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex.getCause() instanceof SubmissionSizeLimitFilter.PayloadTooLargeException) {
            metrics.rejected(Channel.HTTP, RejectionReason.TOO_LARGE.name());
            return handleExceptionInternal(ex, Problems.tooLarge(maxBytes), headers, HttpStatus.PAYLOAD_TOO_LARGE,
                    request);
        }
        metrics.rejected(Channel.HTTP, RejectionReason.MALFORMED_JSON.name());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON,
                "Body could not be read", "The request body could not be read; nothing was stored.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
