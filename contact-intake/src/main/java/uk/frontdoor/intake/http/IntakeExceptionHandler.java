package uk.frontdoor.intake.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.value.Channel;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;


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
        if (rejected.reason() == RejectionReason.SUBMISSION_ID_REUSED) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.SUBMISSION_ID_REUSED,
                    "Submission id already used",
                    "Your agency already sent a different submission with this submissionId; the first one stands "
                            + "and nothing was stored. A correction is a new submission with a new submissionId.");
            problem.setProperty("errors", rejected.violations());
            return problem;
        }
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
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            return handleExceptionInternal(ex, mismatch.getPath().isEmpty() ? notAnObject() : wrongType(mismatch),
                    headers, HttpStatus.BAD_REQUEST, request);
        }
        metrics.rejected(Channel.HTTP, RejectionReason.MALFORMED_JSON.name());
        boolean missing = ex.getCause() == null && ex.getMessage() != null
                && ex.getMessage().startsWith(IntakeExchange.MISSING);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON,
                "Body could not be read", "The request body could not be read; nothing was stored.");
        // The body is named as the field "", as a refused submission names it.
        problem.setProperty("errors", List.of(new Violation("", missing ? "is missing" : "is not well-formed JSON")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** A command's body that is JSON, but a list, a number or text where an object belongs. */
    private static ProblemDetail notAnObject() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The body must be a JSON object; nothing was changed.");
        problem.setProperty("errors", List.of(new Violation("", "must be a JSON object")));
        return problem;
    }

    /**
     * A query or path parameter that cannot be read as its type (a word where a number belongs, an unknown
     * choice, a date that is not one): the parameter and what it must be, never the value sent, which is the
     * caller's text and may be anything.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName() == null ? "" : ex.getPropertyName();
        Class<?> target = ex.getRequiredType();
        String expected = target != null && target.isEnum()
                ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "))
                : "has the wrong type" + (target == null ? "" : ": expected " + describe(target));
        return handleExceptionInternal(ex, invalidParameter(parameter, expected), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(ex, invalidParameter(ex.getParameterName(), "is required"), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidParameter(String parameter, String expected) {
        String name = parameter.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") ? parameter : "*";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The parameter " + name + " " + expected + "; nothing was changed.");
        problem.setProperty("errors", List.of(new Violation(name, expected)));
        return problem;
    }

    /**
     * Spring's own answer quotes the path, which can carry what a caller typed where an id belongs (a child's name
     * or NHS number): this one does not.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "There is nothing at this address."), headers, status, request);
    }

    /**
     * A staff command's body that is JSON but names a value its field cannot take (an unknown
     * priority, a number where text belongs): the field and, for a list of choices, the choices.
     * Never the value sent.
     */
    private static ProblemDetail wrongType(MismatchedInputException mismatch) {
        String field = fieldPath(mismatch.getPath());
        Class<?> target = mismatch.getTargetType();
        String expected = mismatch instanceof NulInBodies.NulInText ? NulInBodies.PROBLEM
                : target != null && target.isEnum()
                ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "))
                : "has the wrong type" + (target == null ? "" : ": expected " + describe(target));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
                "The field " + field + " " + expected + "; nothing was changed.");
        problem.setProperty("errors", List.of(new Violation(field, expected)));
        return problem;
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                // A map's keys are the caller's text: only a plain name is quoted back.
                String name = step.getFieldName().matches("[A-Za-z_][A-Za-z0-9_]{0,63}") ? step.getFieldName() : "*";
                field.append(field.isEmpty() ? "" : ".").append(name);
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> target) {
        if (target == String.class) {
            return "text";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "a date or time (ISO 8601)";
        }
        return "an object";
    }
}
