package uk.frontdoor.rules;

import java.util.List;

/**
 * One rule of a loaded rule set as a reader needs it: what it looks at, what it sets and why.
 *
 * @param when          the condition as written in the file (CEL)
 * @param inWords       the condition in plain words, or {@code null} when it uses something not put into words (show
 *                      {@code when} with the description then)
 * @param level         the minimum level the rule asks for, or {@code null}
 * @param priority      RED, AMBER, GREEN or BLUE, or {@code null}
 * @param raiseLevelBy  how many levels the rule raises (accumulating concerns), or {@code null}
 * @param description   the explanation shown with a decision
 */
public record RuleView(String id, String description, String when, String inWords, Integer level, String priority,
                       List<String> flags, Integer raiseLevelBy) {

    public RuleView {
        flags = List.copyOf(flags);
    }

    static RuleView of(CompiledRule rule) {
        return new RuleView(rule.id, rule.description, rule.when, rule.inWords,
                rule.minimumLevel == 0 ? null : rule.minimumLevel, rule.priority == null ? null : rule.priority.name(),
                rule.flags, rule.raiseLevelBy == 0 ? null : rule.raiseLevelBy);
    }
}
