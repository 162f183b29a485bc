package uk.frontdoor.triage.staff.asat;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.ChildId;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * A child's whole record as it stood at a moment: chronology, every contact's work and threshold, clocks with
 * the time left then, links and family as known then (see {@code FindChildAsAt}).
 */
@RestController
@RequestMapping("/api/v1/children")
class ChildAsAtController {

    static final URI NOT_FOUND = URI.create("/problems/not-found");

    private final AsAtRecords records;
    private final ActorResolver actors;
    private final Clock clock;

    ChildAsAtController(AsAtRecords records, ActorResolver actors, Clock clock) {
        this.records = records;
        this.actors = actors;
        this.clock = clock;
    }

    /** @param asAt an ISO-8601 date and time with offset, not in the future; absent is now */
    @Operation(summary = "A child's record as it stood at a moment (asAt), built from the events up to then")
    @GetMapping(path = "/{childId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ChildAsAt record(Authentication viewer, @PathVariable String childId,
                     @RequestParam(required = false) String asAt) {
        Instant at = asAt == null ? clock.instant() : AsAtParameter.parse(asAt, clock);
        ChildId id = ChildId.of(childId);
        return records.show(actors.require(viewer), id, null, at, "record (API)", true)
                .map(AsAtRecords.Shown::record)
                .orElseThrow(ChildAsAtController::notFound);
    }

    static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no child record with this id, or it had nothing in it at that moment.");
        problem.setType(NOT_FOUND);
        problem.setTitle("No such child");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
