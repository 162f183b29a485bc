package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths as violations name them ({@code child.address.postcode}, {@code household[1].dateOfBirth},
 * {@code ""} for the whole body), and the order a partner reads them in: the schema's order of properties,
 * unknown fields of an object before its known ones, array items by index.
 */
final class FieldPaths {

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private FieldPaths() {
    }

    /**
     * Whether a field name may be quoted back ({@code [A-Za-z_][A-Za-z0-9_]{0,63}}); any other is
     * producer-controlled text and is withheld. A loop, not a regex: it runs for every field of every submission.
     */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || name.length() > 64 || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String array, int index) {
        return array + "[" + index + "]";
    }

    /** The path with every index replaced by {@code []}: {@code household[].dateOfBirth}. */
    static String generic(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    /** Compares the keys {@link #schemaOrder} gives: step by step, a path before the paths inside it. */
    static final Comparator<List<Integer>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /**
     * Sort keys that put paths in the schema's order of properties (depth first, as a reader of the schema
     * meets them): one number per step, the property's rank (-1 for an unknown field) or the item's index.
     */
    static Function<String, List<Integer>> schemaOrder(JsonNode schema) {
        Map<String, Integer> ranks = new HashMap<>();
        rank(schema, "", ranks);
        return path -> sortKey(path, ranks);
    }

    private static void rank(JsonNode schema, String path, Map<String, Integer> ranks) {
        schema.path("properties").properties().forEach(property -> {
            String propertyPath = child(path, property.getKey());
            ranks.put(propertyPath, ranks.size());
            rank(property.getValue(), propertyPath, ranks);
        });
        if (schema.path("items").isObject()) {
            rank(schema.get("items"), path + "[]", ranks);
        }
    }

    private static List<Integer> sortKey(String path, Map<String, Integer> ranks) {
        List<Integer> key = new ArrayList<>();
        StringBuilder generic = new StringBuilder();
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            if (step.group(1) != null) {
                generic.append(generic.length() == 0 ? "" : ".").append(step.group(1));
                key.add(ranks.getOrDefault(generic.toString(), -1));
            } else {
                generic.append("[]");
                key.add(Integer.parseInt(step.group(2)));
            }
        }
        return key;
    }
}
