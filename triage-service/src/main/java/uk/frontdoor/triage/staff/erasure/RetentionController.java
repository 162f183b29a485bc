package uk.frontdoor.triage.staff.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.retention.RetentionReview;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** What the retention schedule's runs did, for managers and the data protection officer. */
@RestController
@Tag(name = "Data protection")
class RetentionController {

    private final RetentionReview review;

    RetentionController(RetentionReview review) {
        this.review = review;
    }

    @Operation(summary = "The retention schedule's latest runs, newest first: as of when, in which mode, and for each "
            + "record found due its class and what was done (QUEUED, ERASED, HELD, ALREADY_QUEUED, ALREADY_ERASED)")
    @GetMapping("/api/v1/data-protection/retention/runs")
    Map<String, Object> runs(@RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter limit must be from 1 to 100.");
            problem.setType(URI.create("/problems/invalid-parameter"));
            problem.setTitle("Invalid parameter");
            problem.setProperty("errors", List.of(Map.of("field", "limit", "problem", "must be from 1 to 100")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return Map.of("schedule", review.schedule(), "runs", review.runs(limit));
    }

    @Operation(summary = "One run of the retention schedule")
    @GetMapping("/api/v1/data-protection/retention/runs/{runId}")
    RetentionReview.Run run(@PathVariable String runId) {
        return review.run(runId).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such retention run.");
            problem.setType(URI.create("/problems/not-found"));
            problem.setTitle("Not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }
}
