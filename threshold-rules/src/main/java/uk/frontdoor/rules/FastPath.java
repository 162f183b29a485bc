package uk.frontdoor.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * A speed-up, not a second rule language. CEL's interpreter costs a few hundred nanoseconds per operator; most rule
 * conditions are plain combinations of "code in list", boolean fields and whole-number comparisons. For those this
 * class builds an equivalent Java predicate from the type-checked CEL syntax tree. For any other condition it
 * builds a guard (a necessary condition, e.g. one conjunct of an {@code &&}) so the interpreter runs only when the
 * rule can fire. A test checks fast path and interpreter agree on every rule of the shipped rule sets.
 */
final class FastPath {

    interface Condition {
        boolean test(RuleInputs inputs);
    }

    private final Map<String, Long> params;

    private FastPath(Map<String, Long> params) {
        this.params = params;
    }

    /** An exact Java equivalent of the condition, or null if it uses anything this class does not translate. */
    static Condition exact(CelExpr expr, Map<String, Long> params) {
        return new FastPath(params).condition(expr);
    }

    /** A condition that must hold whenever {@code expr} holds, or null if none can be derived. */
    static Condition guard(CelExpr expr, Map<String, Long> params) {
        return new FastPath(params).guardOf(expr);
    }

    private Condition guardOf(CelExpr expr) {
        Condition exact = condition(expr);
        if (exact != null) {
            return exact;
        }
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return null;
        }
        CelExpr.CelCall call = expr.call();
        List<Condition> parts = new ArrayList<>();
        switch (call.function()) {
            case "_&&_" -> {
                for (CelExpr arg : call.args()) {
                    Condition g = guardOf(arg);
                    if (g != null) {
                        parts.add(g);
                    }
                }
                return parts.isEmpty() ? null : and(parts);
            }
            case "_||_" -> {
                for (CelExpr arg : call.args()) {
                    Condition g = guardOf(arg);
                    if (g == null) {
                        return null;
                    }
                    parts.add(g);
                }
                return or(parts);
            }
            default -> {
                return null;
            }
        }
    }

    private Condition condition(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                if (expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                    boolean value = expr.constant().booleanValue();
                    return inputs -> value;
                }
                return null;
            }
            case SELECT -> {
                RuleField field = field(expr);
                if (field != null && field.kind == RuleField.Kind.BOOL) {
                    return inputs -> (Boolean) field.value.apply(inputs);
                }
                return null;
            }
            case CALL -> {
                return call(expr.call());
            }
            default -> {
                return null;
            }
        }
    }

    private Condition call(CelExpr.CelCall call) {
        if (call.target().isPresent()) {
            return null;
        }
        List<CelExpr> args = call.args();
        switch (call.function()) {
            case "_&&_", "_||_" -> {
                List<Condition> parts = new ArrayList<>();
                for (CelExpr arg : args) {
                    Condition c = condition(arg);
                    if (c == null) {
                        return null;
                    }
                    parts.add(c);
                }
                return call.function().equals("_&&_") ? and(parts) : or(parts);
            }
            case "!_" -> {
                Condition inner = condition(args.get(0));
                return inner == null ? null : inputs -> !inner.test(inputs);
            }
            case "@in" -> {
                return in(args.get(0), args.get(1));
            }
            case "_==_", "_!=_" -> {
                Condition eq = equality(args.get(0), args.get(1));
                if (eq == null) {
                    return null;
                }
                return call.function().equals("_==_") ? eq : inputs -> !eq.test(inputs);
            }
            case "_<_", "_<=_", "_>_", "_>=_" -> {
                ToLongFunction<RuleInputs> left = number(args.get(0));
                ToLongFunction<RuleInputs> right = number(args.get(1));
                if (left == null || right == null) {
                    return null;
                }
                return switch (call.function()) {
                    case "_<_" -> inputs -> left.applyAsLong(inputs) < right.applyAsLong(inputs);
                    case "_<=_" -> inputs -> left.applyAsLong(inputs) <= right.applyAsLong(inputs);
                    case "_>_" -> inputs -> left.applyAsLong(inputs) > right.applyAsLong(inputs);
                    default -> inputs -> left.applyAsLong(inputs) >= right.applyAsLong(inputs);
                };
            }
            default -> {
                return null;
            }
        }
    }

    private Condition in(CelExpr element, CelExpr collection) {
        RuleField listField = field(collection);
        if (listField != null && listField.kind == RuleField.Kind.STRING_LIST && isString(element)) {
            String code = element.constant().stringValue();
            return inputs -> ((Set<?>) listField.value.apply(inputs)).contains(code);
        }
        RuleField stringField = field(element);
        if (stringField != null && stringField.kind == RuleField.Kind.STRING
                && collection.getKind() == CelExpr.ExprKind.Kind.LIST) {
            Set<String> values = new HashSet<>();
            for (CelExpr e : collection.list().elements()) {
                if (!isString(e)) {
                    return null;
                }
                values.add(e.constant().stringValue());
            }
            Set<String> frozen = Set.copyOf(values);
            return inputs -> frozen.contains((String) stringField.value.apply(inputs));
        }
        return null;
    }

    private Condition equality(CelExpr a, CelExpr b) {
        RuleField field = field(a) != null ? field(a) : field(b);
        CelExpr other = field(a) != null ? b : a;
        if (field != null && field.kind == RuleField.Kind.STRING && isString(other)) {
            String value = other.constant().stringValue();
            return inputs -> value.equals(field.value.apply(inputs));
        }
        if (field != null && field.kind == RuleField.Kind.BOOL && other.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && other.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
            boolean value = other.constant().booleanValue();
            return inputs -> value == (Boolean) field.value.apply(inputs);
        }
        ToLongFunction<RuleInputs> left = number(a);
        ToLongFunction<RuleInputs> right = number(b);
        if (left != null && right != null) {
            return inputs -> left.applyAsLong(inputs) == right.applyAsLong(inputs);
        }
        return null;
    }

    /** Whole-number operands: literals, int fields, params, sizes of lists, and + / - of those. */
    private ToLongFunction<RuleInputs> number(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                if (expr.constant().getKind() == CelConstant.Kind.INT64_VALUE) {
                    long value = expr.constant().int64Value();
                    return inputs -> value;
                }
                return null;
            }
            case SELECT -> {
                CelExpr operand = expr.select().operand();
                if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("params")) {
                    Long value = params.get(expr.select().field());
                    if (value == null) {
                        return null;
                    }
                    long v = value;
                    return inputs -> v;
                }
                RuleField field = field(expr);
                if (field != null && field.kind == RuleField.Kind.INT) {
                    return inputs -> (Long) field.value.apply(inputs);
                }
                return null;
            }
            case CALL -> {
                CelExpr.CelCall call = expr.call();
                if (call.function().equals("size")) {
                    CelExpr target = call.target().orElse(call.args().isEmpty() ? null : call.args().get(0));
                    RuleField field = target == null ? null : field(target);
                    if (field != null && field.kind == RuleField.Kind.STRING_LIST) {
                        return inputs -> ((Set<?>) field.value.apply(inputs)).size();
                    }
                    return null;
                }
                if (call.target().isPresent() || call.args().size() != 2) {
                    return null;
                }
                ToLongFunction<RuleInputs> left = number(call.args().get(0));
                ToLongFunction<RuleInputs> right = number(call.args().get(1));
                if (left == null || right == null) {
                    return null;
                }
                // Math.*Exact: CEL reports int overflow as an error; so do we.
                return switch (call.function()) {
                    case "_+_" -> inputs -> Math.addExact(left.applyAsLong(inputs), right.applyAsLong(inputs));
                    case "_-_" -> inputs -> Math.subtractExact(left.applyAsLong(inputs), right.applyAsLong(inputs));
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    private static RuleField field(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT || expr.select().testOnly()) {
            return null;
        }
        CelExpr operand = expr.select().operand();
        if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return null;
        }
        return RuleField.find(operand.ident().name(), expr.select().field());
    }

    private static boolean isString(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }

    private static Condition and(List<Condition> parts) {
        Condition[] array = parts.toArray(Condition[]::new);
        if (array.length == 1) {
            return array[0];
        }
        return inputs -> {
            for (Condition c : array) {
                if (!c.test(inputs)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Condition or(List<Condition> parts) {
        Condition[] array = parts.toArray(Condition[]::new);
        if (array.length == 1) {
            return array[0];
        }
        return inputs -> {
            for (Condition c : array) {
                if (c.test(inputs)) {
                    return true;
                }
            }
            return false;
        };
    }
}
