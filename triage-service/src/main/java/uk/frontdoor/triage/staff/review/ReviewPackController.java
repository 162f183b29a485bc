package uk.frontdoor.triage.staff.review;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.ChildId;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** A child's practice review pack as a PDF, for managers (see {@link ReviewPacks}). */
@RestController
@RequestMapping("/api/v1/children")
class ReviewPackController {

    private final ReviewPacks packs;
    private final ActorResolver actors;

    ReviewPackController(ReviewPacks packs, ActorResolver actors) {
        this.packs = packs;
        this.actors = actors;
    }

    /**
     * @param from the first day of the period (ISO date, England)
     * @param to   the last day, included
     */
    @Operation(summary = "A practice review pack for a child and a period, as a PDF (managers)")
    @GetMapping(path = "/{childId}/review-pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Authentication who, @PathVariable String childId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReviewPacks.Period period;
        try {
            period = packs.period(from, to);
        } catch (ReviewPacks.PeriodRefused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter " + refused.field() + " " + refused.getMessage() + ".");
            problem.setType(URI.create("/problems/invalid-period"));
            problem.setTitle("Invalid period");
            problem.setProperty("errors", List.of(Map.of("field", refused.field(), "problem", refused.getMessage())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        ReviewPack pack = packs.produce(actors.require(who), ChildId.of(childId), period, "API, PDF")
                .orElseThrow(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            "There is no child record with this id, or it had nothing in it by the end of the period.");
                    problem.setType(URI.create("/problems/not-found"));
                    problem.setTitle("No such child");
                    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
                });
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // A generic file name: nothing about the child in it.
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("review-pack.pdf").build().toString())
                .body(packs.pdf(pack));
    }
}
