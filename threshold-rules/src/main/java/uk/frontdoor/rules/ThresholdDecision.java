package uk.frontdoor.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rules' recommendation for a contact. A social worker may change level or priority, with a rationale.
 *
 * @param level          continuum-of-need level, 1 (universal) to 4 (child protection)
 * @param priority       RAG priority
 * @param responseDueAt  when the response is due under the {@link ResponseScheme}; {@code null} for BLUE
 * @param decisionDueAt  1 working day from receipt (Working Together), or {@code responseDueAt} if that is sooner
 * @param flags          follow-up flags, see {@link Flag}
 * @param ruleSet        the rule set id and version used
 * @param rulesFired     the rules that fired, in rule-file order
 */
public record ThresholdDecision(
        int level,
        Priority priority,
        Instant responseDueAt,
        Instant decisionDueAt,
        SortedSet<String> flags,
        RuleSetRef ruleSet,
        List<FiredRule> rulesFired) {

    public ThresholdDecision {
        flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
        rulesFired = List.copyOf(rulesFired);
    }

    public boolean hasFlag(Flag flag) {
        return flags.contains(flag.name());
    }

    public List<String> ruleIds() {
        return rulesFired.stream().map(FiredRule::id).toList();
    }
}
