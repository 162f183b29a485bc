package uk.frontdoor.intake.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import uk.frontdoor.intake.submission.Violation;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details for the front door's API. Each kind of problem has a stable type URI
 * that clients can switch on; detail texts never quote what was submitted.
 */
public final class Problems {

    public static final URI INVALID_SUBMISSION = URI.create("/problems/invalid-submission");
    public static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    public static final URI MALFORMED_JSON = URI.create("/problems/malformed-json");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
    public static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI SUBMISSION_ID_REUSED = URI.create("/problems/submission-id-reused");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Names the body (field {@code ""}) in {@code errors}, as every refused submission names what it refused. */
    public static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = of(HttpStatus.PAYLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE, "Submission too large",
                "A submission may be at most " + maxBytes + " bytes.");
        problem.setProperty("errors", List.of(new Violation("", "is larger than " + maxBytes + " bytes")));
        return problem;
    }

    /** For filters and security handlers, which answer before Spring MVC is involved. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
