package uk.frontdoor.triage.rules;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.frontdoor.rules.RuleSetDiff;
import uk.frontdoor.rules.RuleSetRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetSummary;
import uk.frontdoor.rules.WorkingCalendar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rule sets the service can apply, which one is in force today, and which are past the date
 * the partnership promised to review them by (Ofsted found Slough's thresholds out of date).
 */
@RestController
@RequestMapping("/api/v1/threshold-rules")
class ThresholdRulesController {

    private static final Logger log = LoggerFactory.getLogger(ThresholdRulesController.class);

    private final RuleSetCatalogue catalogue;
    private final RuleBook book;
    private final Clock clock;

    ThresholdRulesController(RuleSetCatalogue catalogue, RuleBook book, Clock clock, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.book = book;
        this.clock = clock;
        Gauge.builder("frontdoor.rules.sets.past.review", () -> catalogue.pastReviewDate(today()).size())
                .description("Rule sets past their review-by date")
                .register(meters);
        catalogue.pastReviewDate(today()).forEach(ruleSet -> log.warn(
                "Threshold rule set {} version {} was due for review by {}", ruleSet.id(), ruleSet.version(),
                ruleSet.reviewBy()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSets ruleSets() {
        LocalDate today = today();
        RuleSetSummary inForce = catalogue.inForceOn(today);
        List<RuleSetView> views = catalogue.summaries().stream()
                .map(summary -> new RuleSetView(summary.id(), summary.version(), summary.effectiveFrom(),
                        summary.framework(), summary.reviewBy(), summary.ruleCount(), summary.equals(inForce),
                        summary.reviewBy().isBefore(today)))
                .toList();
        List<Alert> alerts = catalogue.pastReviewDate(today).stream()
                .map(summary -> new Alert("RULE_SET_PAST_REVIEW_DATE", summary.id(), summary.version(),
                        "Rule set " + summary.id() + " " + summary.version() + " was due for review by "
                                + summary.reviewBy() + "."))
                .toList();
        return new RuleSets(views, alerts);
    }

    @Operation(summary = "A loaded rule-set version and each of its rules: the condition as written and in plain "
            + "words, the level, RAG and flags it sets, and its explanation")
    @GetMapping(path = "/{ruleSet}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleBook.RuleSetVersion version(@PathVariable String ruleSet, @PathVariable String version) {
        return book.version(new RuleSetRef(ruleSet, version)).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "The service has not loaded that rule-set version (see GET /api/v1/threshold-rules).");
            problem.setType(URI.create("/problems/not-found"));
            problem.setTitle("No such rule-set version");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    /**
     * @param from the older version, as {@code <ruleSet>:<version>}, e.g. {@code berkshire-threshold:2023.1}
     * @param to   the newer one
     */
    @Operation(summary = "What changed between two loaded rule-set versions: rules added, removed and changed (field "
            + "by field: condition, level, raiseLevelBy, priority, flags, explanation), unchanged counted, and parameters")
    @GetMapping(path = "/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetDiff diff(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        RuleSetRef older = loaded("from", from);
        RuleSetRef newer = loaded("to", to);
        return book.diff(older, newer);
    }

    private RuleSetRef loaded(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is needed: a rule set and version as <ruleSet>:<version>, e.g. berkshire-threshold:2026.1");
        }
        if (value.indexOf(':') <= 0) {
            throw invalid(field, "must be a rule set and version as <ruleSet>:<version>, e.g. berkshire-threshold:2026.1");
        }
        return book.parse(value).orElseThrow(() ->
                invalid(field, "is not a rule-set version the service has loaded (see GET /api/v1/threshold-rules)"));
    }

    static ErrorResponseException invalid(String field, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The parameter " + field + " " + problem + ".");
        detail.setType(URI.create("/problems/invalid-request"));
        detail.setTitle("Invalid request");
        detail.setProperty("errors", List.of(Map.of("field", field, "problem", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.LONDON));
    }

    record RuleSets(List<RuleSetView> ruleSets, List<Alert> alerts) {
    }

    record RuleSetView(String id, String version, LocalDate effectiveFrom, String framework, LocalDate reviewBy,
                       int ruleCount, boolean inForce, boolean pastReviewDate) {
    }

    record Alert(String type, String ruleSetId, String version, String message) {
    }
}
