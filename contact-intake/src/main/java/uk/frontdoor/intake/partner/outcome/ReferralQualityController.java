package uk.frontdoor.intake.partner.outcome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.intake.http.Problems;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.query.AgencyReferralQuality;
import uk.frontdoor.triage.api.query.FindAgencyReferralQuality;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each partner agency reads its own referral figures, month by month, with its API key: how many contacts it sent,
 * how many the front door had to come back to it about, how many became referrals, and re-referrals.
 */
@RestController
class ReferralQualityController {

    static final URI INVALID_PERIOD = URI.create("/problems/invalid-period");
    /** Two years of months at most: enough for a trend, and a bounded query. */
    static final int MOST_MONTHS = 24;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final QueryGateway queries;
    private final Clock clock;

    ReferralQualityController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "Your agency's referral figures, month by month",
            description = "from and to are months (yyyy-MM, both included; default the 12 months to this one): for each, "
                    + "contacts sent, neededFollowUp (the front door asked your kind of agency again), becameReferrals "
                    + "(of those decided) and reReferrals (of those referrals), each {count, of, percent}.",
            security = @SecurityRequirement(name = "partnerApiKey"))
    @GetMapping(path = "/api/v1/partner/referral-quality", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> figures(@AuthenticationPrincipal PartnerPrincipal partner,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth now = YearMonth.now(clock.withZone(ENGLAND));
        List<Violation> errors = new ArrayList<>();
        YearMonth last = month(to, "to", now, errors);
        YearMonth first = month(from, "from", last == null ? now.minusMonths(11) : last.minusMonths(11), errors);
        if (errors.isEmpty() && last.isBefore(first)) {
            errors.add(new Violation("to", "is before from"));
        } else if (errors.isEmpty() && first.plusMonths(MOST_MONTHS).isBefore(last.plusMonths(1))) {
            errors.add(new Violation("from", "is more than " + MOST_MONTHS + " months before to"));
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, INVALID_PERIOD, "Invalid period",
                    "from and to are months written yyyy-MM, from no later than to, at most " + MOST_MONTHS
                            + " months in all.");
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(queries.query(new FindAgencyReferralQuality(partner.agency().value(), first, last),
                ResponseTypes.instanceOf(AgencyReferralQuality.class)).join());
    }

    private static YearMonth month(String text, String field, YearMonth fallback, List<Violation> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Violation(field, "is not a month written yyyy-MM"));
            return null;
        }
    }
}
