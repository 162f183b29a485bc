package uk.frontdoor.intake.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The violations found in one submission, at most one per field: the first check to fault a field names
 * the problem (text hygiene before the schema, the schema's type rules before its other rules, the schema
 * before the rules it cannot express), so a partner reads one reason per field, not a cascade.
 */
final class Violations {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Set<String> refusedWhole = new HashSet<>();

    /** Records the problem unless the field already has one. */
    void add(String field, String problem) {
        byField.putIfAbsent(field, problem);
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    /** An array refused as a whole (too many items): its items are not judged one by one. */
    void refuseWhole(String arrayField) {
        refusedWhole.add(arrayField + "[");
    }

    /**
     * In field order, capped: a body with more problems than the cap is garbage, and listing them all
     * would only feed a log flood.
     */
    List<Violation> list(Function<String, List<Integer>> fieldOrder, int cap) {
        record Keyed(List<Integer> key, Violation violation) {
        }
        // Keys computed once each: a hostile body can bring thousands of unknown fields.
        List<Violation> listed = byField.entrySet().stream()
                .filter(entry -> refusedWhole.stream().noneMatch(entry.getKey()::startsWith))
                .map(entry -> new Keyed(fieldOrder.apply(entry.getKey()), new Violation(entry.getKey(), entry.getValue())))
                .sorted(Comparator.comparing(Keyed::key, FieldPaths.KEY_ORDER))
                .map(Keyed::violation)
                .toList();
        if (listed.size() <= cap) {
            return listed;
        }
        List<Violation> capped = new ArrayList<>(listed.subList(0, cap));
        capped.add(new Violation("", "has more than " + cap + " problems; the rest are not listed"));
        return capped;
    }
}
