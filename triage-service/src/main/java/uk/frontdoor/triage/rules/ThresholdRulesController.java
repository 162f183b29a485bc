package uk.frontdoor.triage.rules;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetSummary;
import uk.frontdoor.rules.WorkingCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The rule sets the service can apply, which one is in force today, and which are past the date
 * the partnership promised to review them by (Ofsted found Slough's thresholds out of date).
 */
@RestController
@RequestMapping("/api/v1/threshold-rules")
class ThresholdRulesController {

    private static final Logger log = LoggerFactory.getLogger(ThresholdRulesController.class);

    private final RuleSetCatalogue catalogue;
    private final Clock clock;

    ThresholdRulesController(RuleSetCatalogue catalogue, Clock clock, MeterRegistry meters) {
        this.catalogue = catalogue;
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
