package uk.frontdoor.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Applies the threshold rules to a contact. Stateless apart from its immutable inputs: thread-safe, and the same
 * contact, history and catalogue always give the same decision. Reads no clock: every time comes from the contact.
 *
 * <p>Combining: level = highest minimum level of the fired rules (1 if none), then raised by the largest
 * {@code raiseLevelBy} of the fired rules, at most 4. Priority = most urgent priority a fired rule sets, or the
 * level's default (4 RED, 3 AMBER, 2 GREEN, 1 BLUE) if none sets one. {@code immediateRisk} always means level 4
 * and RED. Flags = union. Response due = working time for the priority ({@link ResponseScheme}); decision due =
 * 1 working day from receipt (Working Together), or the response due time if sooner.
 */
public final class ThresholdEngine {

    private final RuleSetCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final ResponseScheme scheme;
    private final CompiledRule.EvaluationMode mode;

    public ThresholdEngine(RuleSetCatalogue catalogue, WorkingCalendar calendar, ResponseScheme scheme) {
        this(catalogue, calendar, scheme, CompiledRule.EvaluationMode.OPTIMISED);
    }

    ThresholdEngine(RuleSetCatalogue catalogue, WorkingCalendar calendar, ResponseScheme scheme, CompiledRule.EvaluationMode mode) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.mode = mode;
    }

    /** The same calendar and response times over other rule sets: a draft checked or simulated on its own. */
    public ThresholdEngine withCatalogue(RuleSetCatalogue other) {
        return new ThresholdEngine(other, calendar, scheme, mode);
    }

    /** Decides with the rule set in force on the contact's received date (Europe/London). */
    public ThresholdDecision decide(ContactFacts contact, ChildHistory history) {
        LocalDate received = LocalDate.ofInstant(contact.receivedAt(), calendar.zone());
        return decide(catalogue.compiledInForceOn(received), contact, history);
    }

    /** Decides with a named rule set, whatever its dates: for checking a draft, or re-running an earlier decision. */
    public ThresholdDecision decide(ContactFacts contact, ChildHistory history, RuleSetRef ruleSet) {
        return decide(catalogue.compiled(ruleSet), contact, history);
    }

    private ThresholdDecision decide(CompiledRuleSet ruleSet, ContactFacts contact, ChildHistory history) {
        Objects.requireNonNull(contact, "contact");
        ChildHistory knownHistory = history == null ? ChildHistory.none() : history;
        RuleInputs inputs = new RuleInputs(contact, knownHistory, ruleSet.parameters(), calendar.zone());

        int level = 1;
        int raise = 0;
        Priority priority = null;
        TreeSet<String> flags = new TreeSet<>();
        List<FiredRule> fired = new ArrayList<>();
        for (CompiledRule rule : ruleSet.rules()) {
            if (!rule.matches(inputs, ruleSet.parameters(), mode)) {
                continue;
            }
            fired.add(rule.fired);
            level = Math.max(level, rule.minimumLevel);
            raise = Math.max(raise, rule.raiseLevelBy);
            if (rule.priority != null && rule.priority.isMoreUrgentThan(priority)) {
                priority = rule.priority;
            }
            flags.addAll(rule.flags);
        }
        level = Math.min(4, level + raise);
        if (priority == null) {
            priority = Priority.defaultForLevel(level);
        }
        if (contact.immediateRisk()) {
            level = 4;
            priority = Priority.RED;
        }

        Instant receivedAt = contact.receivedAt();
        Instant responseDueAt = scheme.forPriority(priority).map(d -> calendar.plusWorkingTime(receivedAt, d)).orElse(null);
        Instant decisionDueAt = calendar.plusWorkingDays(receivedAt, 1);
        if (responseDueAt != null && responseDueAt.isBefore(decisionDueAt)) {
            decisionDueAt = responseDueAt;
        }
        return new ThresholdDecision(level, priority, responseDueAt, decisionDueAt, flags, ruleSet.ref(), fired);
    }

    /** How long a priority allows, for display. */
    public java.util.Optional<Duration> responseTime(Priority priority) {
        return scheme.forPriority(priority);
    }
}
