package uk.frontdoor.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Optional;

/** One rule, compiled and type-checked at load time. */
final class CompiledRule {

    final String id;
    final String description;
    final String when;
    /** 0 when the rule sets no minimum level. */
    final int minimumLevel;
    final Priority priority;
    final List<String> flags;
    final int raiseLevelBy;
    final FiredRule fired;
    /** The condition in plain words, or null (see {@link ConditionWords}). */
    final String inWords;

    private final CelRuntime.Program program;
    /** Exact Java equivalent of {@code when}, or null. */
    private final FastPath.Condition exact;
    /** Necessary condition for {@code when}, or null. */
    private final FastPath.Condition guard;

    CompiledRule(String id, String description, String when, int minimumLevel, Priority priority, List<String> flags,
                 int raiseLevelBy, CelRuntime.Program program, FastPath.Condition exact, FastPath.Condition guard,
                 String inWords) {
        this.id = id;
        this.description = description;
        this.when = when;
        this.minimumLevel = minimumLevel;
        this.priority = priority;
        this.flags = List.copyOf(flags);
        this.raiseLevelBy = raiseLevelBy;
        this.program = program;
        this.exact = exact;
        this.guard = guard;
        this.fired = new FiredRule(id, description);
        this.inWords = inWords;
    }

    boolean hasFastPath() {
        return exact != null;
    }

    boolean matches(RuleInputs inputs, RuleSetParameters params, EvaluationMode mode) {
        if (mode == EvaluationMode.OPTIMISED) {
            if (exact != null) {
                return exact.test(inputs);
            }
            if (guard != null && !guard.test(inputs)) {
                return false;
            }
        }
        return interpret(inputs, params);
    }

    private boolean interpret(RuleInputs inputs, RuleSetParameters params) {
        try {
            Object result = program.eval(name -> switch (name) {
                case "contact" -> Optional.of(inputs.celContact());
                case "history" -> Optional.of(inputs.celHistory());
                case "params" -> Optional.of(params.celView());
                default -> Optional.empty();
            });
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException e) {
            // The condition was type-checked at load, so this is a defect. The CEL message may quote values from
            // the contact: it is deliberately not copied into ours.
            throw new IllegalStateException("threshold rule '" + id + "' failed to evaluate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Which way conditions are evaluated; {@link #CEL_ONLY} exists to prove the fast path changes nothing. */
    enum EvaluationMode { OPTIMISED, CEL_ONLY }
}
