package uk.frontdoor.triage.staff.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.FindReferralScorecard;
import uk.frontdoor.triage.api.query.ReferralScorecard;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Every agency's referral figures side by side, for managers: the same figures each agency reads of itself on
 * {@code GET /api/v1/partner/referral-quality}, one row per sending agency.
 */
@RestController
@Tag(name = "Performance", description = "Managers' performance figures")
class ReferralScorecardController {

    static final URI INVALID_PERIOD = URI.create("/problems/invalid-period");

    private final QueryGateway queries;
    private final Clock clock;

    ReferralScorecardController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "Every agency's referrals side by side: contacts, completeness against the referral standard, "
            + "commonest gaps, follow-up, outcomes, referrals and re-referrals; from and to are months (yyyy-MM, both "
            + "included), by default the 12 months to this one")
    @GetMapping(path = "/api/v1/referral-quality",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> scorecard(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        MonthPeriod period = MonthPeriod.parse(from, to, clock);
        if (!period.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    period.problems().get(0).message() + ".");
            problem.setType(INVALID_PERIOD);
            problem.setTitle("Invalid period");
            problem.setProperty("errors", period.problems().stream()
                    .map(p -> Map.of("field", p.field(), "problem", p.message())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(queries.query(new FindReferralScorecard(period.from(), period.to()),
                ResponseTypes.instanceOf(ReferralScorecard.class)).join());
    }
}
