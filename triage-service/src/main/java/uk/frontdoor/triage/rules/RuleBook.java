package uk.frontdoor.triage.rules;

import org.springframework.stereotype.Component;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetDiff;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.rules.RuleSetSummary;
import uk.frontdoor.rules.RuleView;
import uk.frontdoor.rules.WorkingCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded rule sets as the rules page and API show them: each version with its dates and its rules in plain
 * words, and the differences between two versions. Read from the catalogue the service decides with, so what is shown
 * is what is applied.
 */
@Component
public class RuleBook {

    private final RuleSetCatalogue catalogue;
    private final Clock clock;

    RuleBook(RuleSetCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * A rule-set version and its rules.
     *
     * @param inForce        the version contacts received today are decided with
     * @param pastReviewDate its review-by date has passed (a manager should review or replace it)
     */
    public record RuleSetVersion(String id, String version, LocalDate effectiveFrom, String framework,
                                 LocalDate reviewBy, boolean inForce, boolean pastReviewDate,
                                 Map<String, Long> parameters, List<RuleView> rules) {

        /** How the page and the diff's parameters name it: "id:version". */
        public String key() {
            return id + ":" + version;
        }
    }

    /** Every loaded version, newest first. */
    public List<RuleSetVersion> versions() {
        List<RuleSetVersion> versions = new ArrayList<>();
        for (RuleSetSummary summary : catalogue.summaries()) {
            versions.add(version(summary));
        }
        Collections.reverse(versions);
        return versions;
    }

    public Optional<RuleSetVersion> version(RuleSetRef ref) {
        return catalogue.find(ref).map(this::version);
    }

    /** What changed from one loaded version to another. */
    public RuleSetDiff diff(RuleSetRef from, RuleSetRef to) {
        return catalogue.diff(from, to);
    }

    /** What changed from the loaded version a draft revises to the draft (see {@link RuleSetCatalogue#revisedBy}). */
    public Optional<RuleSetDiff> diffOfDraft(RuleSetCatalogue draft) {
        RuleSetSummary drafted = draft.summaries().get(0);
        return catalogue.revisedBy(drafted.ref(), drafted.effectiveFrom())
                .map(revised -> catalogue.diff(revised.ref(), draft, drafted.ref()));
    }

    /** A draft's one rule set, shown as a loaded one is (never in force: it is not loaded). */
    public RuleSetVersion draftVersion(RuleSetCatalogue draft) {
        RuleSetSummary summary = draft.summaries().get(0);
        return new RuleSetVersion(summary.id(), summary.version(), summary.effectiveFrom(), summary.framework(),
                summary.reviewBy(), false, summary.reviewBy().isBefore(today()), draft.parameters(summary.ref()),
                draft.ruleViews(summary.ref()));
    }

    /** "id:version" as a loaded rule set, or empty for anything else. */
    public Optional<RuleSetRef> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int colon = key.lastIndexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return Optional.empty();
        }
        RuleSetRef ref = new RuleSetRef(key.substring(0, colon).strip(), key.substring(colon + 1).strip());
        return catalogue.find(ref).map(RuleSetSummary::ref);
    }

    private RuleSetVersion version(RuleSetSummary summary) {
        LocalDate today = today();
        RuleSetSummary inForce = catalogue.inForceOn(today);
        return new RuleSetVersion(summary.id(), summary.version(), summary.effectiveFrom(), summary.framework(),
                summary.reviewBy(), summary.equals(inForce), summary.reviewBy().isBefore(today),
                catalogue.parameters(summary.ref()), catalogue.ruleViews(summary.ref()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.LONDON));
    }
}
