package uk.frontdoor.triage.staff.asat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import uk.frontdoor.triage.api.query.AsAtInstant;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The staff API's {@code asAt} parameter: a 400 problem naming the field when it is not a past instant. */
public final class AsAtParameter {

    public static final URI INVALID_AS_AT = URI.create("/problems/invalid-as-at");

    private AsAtParameter() {
    }

    public static Instant parse(String value, Clock clock) {
        try {
            return AsAtInstant.parse(value, clock.instant());
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter asAt " + e.getMessage() + ".");
            problem.setType(INVALID_AS_AT);
            problem.setTitle("Invalid moment");
            problem.setProperty("errors", List.of(Map.of("field", AsAtInstant.FIELD, "problem", e.getMessage())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }
}
