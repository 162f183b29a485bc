package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths as violations name them ({@code child.address.postcode}, {@code household[1].dateOfBirth},
 * {@code ""} for the whole body), and the order a partner reads them in: the schema's order of properties,
 * unknown fields of an object before its known ones, array items by index.
 */
final class FieldPaths {

    /** A field name that may be quoted back; any other is producer-controlled text and is withheld. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private FieldPaths() {
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
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

    /** Orders paths as the schema lists their properties (depth first, as a reader of the schema meets them). */
    static Comparator<String> schemaOrder(JsonNode schema) {
        Map<String, Integer> ranks = new HashMap<>();
        rank(schema, "", ranks);
        Comparator<List<Integer>> lexicographic = (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = Integer.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
        // No cache: the comparator is shared by concurrent reads, and a rejected body has few violations.
        return Comparator.comparing(path -> sortKey(path, ranks), lexicographic);
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
