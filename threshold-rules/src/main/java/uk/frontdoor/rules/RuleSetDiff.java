package uk.frontdoor.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two rule-set versions, rule by rule (rules are matched by id, which a new version keeps for
 * a rule that means the same thing), and in the parameters.
 *
 * @param added     rules only in {@code to}, in its file order
 * @param removed   rules only in {@code from}, in its file order
 * @param changed   rules in both that differ, in {@code to}'s file order, field by field
 * @param unchanged how many rules are in both, the same
 */
public record RuleSetDiff(RuleSetSummary from, RuleSetSummary to, List<RuleView> added, List<RuleView> removed,
                          List<ChangedRule> changed, int unchanged, List<FieldChange> parameters) {

    public RuleSetDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        parameters = List.copyOf(parameters);
    }

    /** A rule in both versions that differs: each field that changed, and the rule as it was and as it is. */
    public record ChangedRule(String id, List<FieldChange> changes, RuleView before, RuleView after) {
        public ChangedRule {
            changes = List.copyOf(changes);
        }
    }

    /** One field's value before and after, as text ({@code null} when the rule does not set it). */
    public record FieldChange(String field, String before, String after) {
    }

    /** No rule and no parameter changed. */
    public boolean same() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && parameters.isEmpty();
    }

    static RuleSetDiff between(CompiledRuleSet from, CompiledRuleSet to) {
        Map<String, RuleView> before = new LinkedHashMap<>();
        from.rules().forEach(rule -> before.put(rule.id, RuleView.of(rule)));
        Map<String, RuleView> after = new LinkedHashMap<>();
        to.rules().forEach(rule -> after.put(rule.id, RuleView.of(rule)));
        List<RuleView> added = new ArrayList<>();
        List<ChangedRule> changed = new ArrayList<>();
        int unchanged = 0;
        for (RuleView rule : after.values()) {
            RuleView old = before.get(rule.id());
            if (old == null) {
                added.add(rule);
                continue;
            }
            List<FieldChange> changes = changes(old, rule);
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new ChangedRule(rule.id(), changes, old, rule));
            }
        }
        List<RuleView> removed = before.values().stream().filter(rule -> !after.containsKey(rule.id())).toList();
        List<FieldChange> parameters = new ArrayList<>();
        Map<String, Long> oldParams = from.parameters().values();
        Map<String, Long> newParams = to.parameters().values();
        TreeSet<String> names = new TreeSet<>(oldParams.keySet());
        names.addAll(newParams.keySet());
        for (String name : names) {
            if (!Objects.equals(oldParams.get(name), newParams.get(name))) {
                parameters.add(new FieldChange(name, text(oldParams.get(name)), text(newParams.get(name))));
            }
        }
        return new RuleSetDiff(from.summary(), to.summary(), added, removed, changed, unchanged, parameters);
    }

    private static List<FieldChange> changes(RuleView before, RuleView after) {
        List<FieldChange> changes = new ArrayList<>();
        // Layout is not meaning: a condition re-wrapped over lines is the same condition.
        compare(changes, "condition", normalise(before.when()), normalise(after.when()));
        compare(changes, "level", text(before.level()), text(after.level()));
        compare(changes, "raiseLevelBy", text(before.raiseLevelBy()), text(after.raiseLevelBy()));
        compare(changes, "priority", before.priority(), after.priority());
        // A rule's flags are a set: the order they are listed in changes nothing.
        compare(changes, "flags", String.join(", ", new TreeSet<>(before.flags())),
                String.join(", ", new TreeSet<>(after.flags())));
        compare(changes, "explanation", before.description(), after.description());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static String normalise(String condition) {
        return condition.strip().replaceAll("\\s+", " ");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
