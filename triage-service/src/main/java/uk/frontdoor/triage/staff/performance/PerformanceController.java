package uk.frontdoor.triage.staff.performance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.PerformanceReport;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** The managers' performance figures as JSON, for a period of whole days in England. */
@RestController
@RequestMapping("/api/v1/performance")
@Tag(name = "Performance", description = "Managers' performance figures by week")
class PerformanceController {

    static final URI INVALID_PERIOD = URI.create("/problems/invalid-period");

    private final QueryGateway queries;
    private final Clock clock;

    PerformanceController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "Contacts by source, conversion to referral, decisions within one working day, re-referrals, "
            + "strategy discussions, referral quality and threshold outcomes; from and to are ISO dates (both "
            + "included), by default the last 12 complete weeks")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> performance(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        PerformancePeriod.Parsed period = PerformancePeriod.parse(from, to, clock);
        if (!period.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    period.problems().get(0).message() + ".");
            problem.setType(INVALID_PERIOD);
            problem.setTitle("The period asked for is not valid");
            problem.setProperty("errors", period.problems().stream()
                    .map(p -> Map.of("field", p.field(), "problem", p.message())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(queries.query(period.query(), ResponseTypes.instanceOf(PerformanceReport.class)).join());
    }
}
