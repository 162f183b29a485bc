package uk.frontdoor.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule's condition in plain words, from its type-checked CEL syntax tree, for managers and social workers who do
 * not read CEL. It covers what rule files use (codes in lists, true/false fields, whole-number comparisons with
 * parameters, and/or/not); anything else gives {@code null}, and the page shows the expression as written instead of
 * a guess.
 */
final class ConditionWords {

    /** DfE census factor codes in words; the letter after 1-6 says whose: A the child, B a parent or carer, C another. */
    private static final Map<String, String> FACTOR_TOPICS = Map.ofEntries(
            Map.entry("1", "alcohol misuse"), Map.entry("2", "drug misuse"), Map.entry("3", "domestic abuse"),
            Map.entry("4", "mental health"), Map.entry("5", "learning disability"),
            Map.entry("6", "physical disability or illness"));
    private static final Map<String, String> WHOSE = Map.of("A", "the child", "B", "a parent or carer",
            "C", "another member of the household");
    private static final Map<String, String> OTHER_FACTORS = Map.ofEntries(
            Map.entry("7A", "young carer"), Map.entry("8B", "private fostering"), Map.entry("8C", "private fostering"),
            Map.entry("8D", "private fostering"), Map.entry("8E", "private fostering"), Map.entry("8F", "private fostering"),
            Map.entry("9A", "unaccompanied asylum-seeking child"), Map.entry("10A", "going missing"),
            Map.entry("11A", "child sexual exploitation"), Map.entry("12A", "trafficking"), Map.entry("13A", "gangs"),
            Map.entry("14A", "socially unacceptable behaviour"), Map.entry("15A", "self-harm"),
            Map.entry("16A", "neglect"), Map.entry("17A", "emotional abuse"),
            Map.entry("18B", "physical abuse by another child"), Map.entry("18C", "physical abuse by an adult"),
            Map.entry("19B", "sexual abuse by another child"), Map.entry("19C", "sexual abuse by an adult"),
            Map.entry("20", "other"), Map.entry("21", "no factors"), Map.entry("22A", "female genital mutilation"),
            Map.entry("23A", "abuse linked to faith or belief"), Map.entry("24A", "child criminal exploitation"));
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("1A", "family, relative or carer"), Map.entry("1B", "acquaintance"), Map.entry("1C", "self"),
            Map.entry("1D", "other individual"), Map.entry("2A", "school"), Map.entry("2B", "education services"),
            Map.entry("3A", "GP"), Map.entry("3B", "health visitor"), Map.entry("3C", "school nurse"),
            Map.entry("3D", "other primary health"), Map.entry("3E", "A&E"), Map.entry("3F", "other health"),
            Map.entry("4", "housing"), Map.entry("5A", "local authority social care"),
            Map.entry("5B", "local authority, other internal"), Map.entry("5C", "another local authority"),
            Map.entry("5D", "early help"), Map.entry("6", "police"), Map.entry("7", "other legal agency"),
            Map.entry("8", "other"), Map.entry("9", "anonymous"), Map.entry("10", "unknown"));

    private final Map<String, Long> params;

    private ConditionWords(Map<String, Long> params) {
        this.params = params;
    }

    /** The condition in words, or {@code null} if it uses anything this class does not put into words. */
    static String of(CelExpr expr, Map<String, Long> params) {
        try {
            return new ConditionWords(params).condition(expr, null);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** A census factor code in words, e.g. 3B: "domestic abuse, a parent or carer". */
    static String factor(String code) {
        String other = OTHER_FACTORS.get(code);
        if (other != null) {
            return other;
        }
        String topic = FACTOR_TOPICS.get(code.substring(0, code.length() - 1));
        String whose = WHOSE.get(code.substring(code.length() - 1));
        return topic == null || whose == null ? code : topic + ", " + whose;
    }

    private String condition(CelExpr expr, String parent) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                if (expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                    return expr.constant().booleanValue() ? "always" : "never";
                }
                throw new Unsupported();
            }
            case SELECT -> {
                RuleField field = field(expr);
                if (field == null || field.kind != RuleField.Kind.BOOL) {
                    throw new Unsupported();
                }
                return flag(field, true);
            }
            case CALL -> {
                return call(expr.call(), parent);
            }
            default -> throw new Unsupported();
        }
    }

    private String call(CelExpr.CelCall call, String parent) {
        if (call.target().isPresent()) {
            throw new Unsupported();
        }
        List<CelExpr> args = call.args();
        return switch (call.function()) {
            case "_&&_", "_||_" -> {
                String function = call.function();
                List<String> parts = new ArrayList<>();
                flatten(function, call, parts);
                String joined = String.join(function.equals("_&&_") ? " and " : " or ", parts);
                // Brackets only where the reader could group it the other way.
                yield parent != null && !parent.equals(function) ? "(" + joined + ")" : joined;
            }
            case "!_" -> {
                CelExpr inner = args.get(0);
                RuleField field = field(inner);
                if (field != null && field.kind == RuleField.Kind.BOOL) {
                    yield flag(field, false);
                }
                yield "not (" + condition(inner, null) + ")";
            }
            case "@in" -> in(args.get(0), args.get(1));
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" -> comparison(call.function(), args.get(0), args.get(1));
            default -> throw new Unsupported();
        };
    }

    /** a || b || c as one list of parts; codes in the same list run together ("factor 3A, 3B or 3C"). */
    private void flatten(String function, CelExpr.CelCall call, List<String> parts) {
        List<CelExpr> operands = new ArrayList<>();
        collect(function, call, operands);
        int i = 0;
        while (i < operands.size()) {
            RuleField list = membershipList(operands.get(i));
            int j = i + 1;
            while (list != null && j < operands.size() && list == membershipList(operands.get(j))) {
                j++;
            }
            if (j - i > 1) {
                List<String> codes = new ArrayList<>();
                for (int k = i; k < j; k++) {
                    codes.add(code(list, operands.get(k).call().args().get(0).constant().stringValue()));
                }
                parts.add(membership(list, join(codes, function.equals("_&&_") ? " and " : " or ")));
            } else {
                parts.add(condition(operands.get(i), function));
            }
            i = j;
        }
    }

    private static void collect(String function, CelExpr.CelCall call, List<CelExpr> into) {
        for (CelExpr arg : call.args()) {
            if (arg.getKind() == CelExpr.ExprKind.Kind.CALL && arg.call().function().equals(function)
                    && arg.call().target().isEmpty()) {
                collect(function, arg.call(), into);
            } else {
                into.add(arg);
            }
        }
    }

    /** The list field of "'code' in list field", or null. */
    private static RuleField membershipList(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || !expr.call().function().equals("@in")) {
            return null;
        }
        CelExpr element = expr.call().args().get(0);
        RuleField list = field(expr.call().args().get(1));
        boolean literal = element.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && element.constant().getKind() == CelConstant.Kind.STRING_VALUE;
        return literal && list != null && list.kind == RuleField.Kind.STRING_LIST ? list : null;
    }

    private String in(CelExpr element, CelExpr collection) {
        RuleField list = field(collection);
        if (list != null && list.kind == RuleField.Kind.STRING_LIST && isString(element)) {
            return membership(list, code(list, element.constant().stringValue()));
        }
        RuleField single = field(element);
        if (single != null && collection.getKind() == CelExpr.ExprKind.Kind.LIST) {
            List<String> values = new ArrayList<>();
            for (CelExpr value : collection.list().elements()) {
                values.add(value(single, value));
            }
            return phrase(single) + " is " + join(values, " or ");
        }
        throw new Unsupported();
    }

    private String membership(RuleField list, String codes) {
        return switch (list) {
            case FACTORS -> "the contact has census factor " + codes;
            case INDICATORS -> "the contact has indicator " + codes;
            case RECENT_FACTORS -> "an earlier contact in the window had census factor " + codes;
            case RECENT_INDICATORS -> "an earlier contact in the window had indicator " + codes;
            default -> throw new Unsupported();
        };
    }

    private String comparison(String function, CelExpr left, CelExpr right) {
        RuleField field = field(left);
        String verb = switch (function) {
            case "_==_" -> "is";
            case "_!=_" -> "is not";
            case "_<_" -> "is less than";
            case "_<=_" -> "is at most";
            case "_>_" -> "is more than";
            default -> "is at least";
        };
        return operand(left) + " " + verb + " " + (field == null ? operand(right) : value(field, right));
    }

    private String operand(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT -> {
                return literal(expr);
            }
            case SELECT -> {
                if (expr.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                        && expr.select().operand().ident().name().equals("params")) {
                    String name = expr.select().field();
                    Long value = params.get(name);
                    return value + " (the parameter " + name + ")";
                }
                RuleField field = field(expr);
                if (field == null || field.kind == RuleField.Kind.STRING_LIST) {
                    throw new Unsupported();
                }
                return phrase(field);
            }
            case CALL -> {
                CelExpr.CelCall call = expr.call();
                if (call.target().isEmpty() && call.args().size() == 2
                        && (call.function().equals("_+_") || call.function().equals("_-_"))) {
                    return operand(call.args().get(0)) + (call.function().equals("_+_") ? " plus " : " minus ")
                            + operand(call.args().get(1));
                }
                throw new Unsupported();
            }
            default -> throw new Unsupported();
        }
    }

    /** A value compared with a field: a code in words for the coded fields. */
    private String value(RuleField field, CelExpr value) {
        if (!isString(value)) {
            return operand(value);
        }
        return code(field, value.constant().stringValue());
    }

    private static String code(RuleField field, String code) {
        return switch (field) {
            case FACTORS, RECENT_FACTORS -> code + " (" + factor(code) + ")";
            case SOURCE -> code + " (" + SOURCES.getOrDefault(code, "unknown code") + ")";
            case INDICATORS, RECENT_INDICATORS -> code.toLowerCase(Locale.UK).replace('_', ' ');
            case SEX -> code.toLowerCase(Locale.UK);
            default -> "'" + code + "'";
        };
    }

    private static String literal(CelExpr expr) {
        CelConstant constant = expr.constant();
        return switch (constant.getKind()) {
            case INT64_VALUE -> Long.toString(constant.int64Value());
            case UINT64_VALUE -> constant.uint64Value().toString();
            case STRING_VALUE -> "'" + constant.stringValue() + "'";
            case BOOLEAN_VALUE -> constant.booleanValue() ? "true" : "false";
            default -> throw new Unsupported();
        };
    }

    private static String phrase(RuleField field) {
        return switch (field) {
            case SOURCE -> "the referral source";
            case AGE_YEARS -> "the child's age in years (-1 when unborn)";
            case SEX -> "the child's sex";
            case EXPLOITATION_LOW -> "the number of low exploitation indicators";
            case EXPLOITATION_MEDIUM -> "the number of medium exploitation indicators";
            case EXPLOITATION_HIGH -> "the number of high exploitation indicators";
            case CONTACTS_IN_WINDOW -> "the number of contacts in the accumulating-concern window (counting this one)";
            case PRIOR_CONTACTS -> "the number of earlier contacts";
            case REFERRALS_IN_WINDOW -> "the number of earlier contacts that became referrals in the re-referral window";
            case MISSING_EPISODES_IN_WINDOW -> "the number of earlier missing episodes in the repeat-missing window";
            case CHILD_PROTECTION_PLANS -> "the number of previous child protection plans";
            default -> throw new Unsupported();
        };
    }

    private static String flag(RuleField field, boolean holds) {
        return switch (field) {
            case UNBORN -> holds ? "the child is unborn" : "the child is born";
            case IMMEDIATE_RISK -> holds ? "the child is reported at immediate risk" : "the child is not reported at immediate risk";
            case OPEN_TO_EARLY_HELP -> holds ? "the child is open to early help" : "the child is not open to early help";
            case OPEN_TO_SOCIAL_CARE -> holds ? "the child is open to social care" : "the child is not open to social care";
            default -> throw new Unsupported();
        };
    }

    private static String join(List<String> values, String last) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + last + values.get(values.size() - 1);
    }

    private static boolean isString(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }

    private static RuleField field(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT
                || expr.select().operand().getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return null;
        }
        return RuleField.find(expr.select().operand().ident().name(), expr.select().field());
    }

    /** Something this class does not put into words: the caller shows the expression as written. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
