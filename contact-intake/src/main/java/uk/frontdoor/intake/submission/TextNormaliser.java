package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.text.Normalizer;
import java.util.Map;

/**
 * Puts every string of a parsed submission in the form the schema is checked against and the service
 * stores: surrounding whitespace trimmed, Unicode normalisation form C (so a name typed with a combining
 * accent matches the same name typed precomposed). A string holding an unpaired surrogate escape is not
 * text at all; no JSON Schema pattern can say so portably (ECMA-262 without the u flag reads UTF-16 code
 * units), so it is refused here and left as sent.
 */
final class TextNormaliser {

    /** U+0300, the first combining mark: no string made only of characters below it can change under NFC. */
    private static final char COMBINING_MARKS_START = '\u0300';

    private TextNormaliser() {
    }

    /** Rewrites the tree's strings in place; reports unpaired surrogates. */
    static void normalise(JsonNode node, String path, Violations violations) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!FieldPaths.isIdentifier(field.getKey())) {
                    continue; // refused as an unknown field, and its name must not reach a violation
                }
                String fieldPath = FieldPaths.child(path, field.getKey());
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    field.setValue(normalised((TextNode) value, fieldPath, violations));
                } else {
                    normalise(value, fieldPath, violations);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String itemPath = FieldPaths.item(path, i);
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, normalised((TextNode) item, itemPath, violations));
                } else {
                    normalise(item, itemPath, violations);
                }
            }
        }
    }

    private static TextNode normalised(TextNode node, String path, Violations violations) {
        String text = node.textValue();
        boolean composed = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                composed = false;
            } else if (Character.isSurrogate(c)) {
                violations.add(path, "contains an invalid character (unpaired surrogate)");
                return node;
            } else if (c >= COMBINING_MARKS_START) {
                composed = false;
            }
        }
        String stripped = text.strip();
        // Below U+0300 every string is already in NFC; most submissions need no normaliser at all.
        String clean = composed ? stripped : Normalizer.normalize(stripped, Normalizer.Form.NFC);
        return clean.equals(text) ? node : TextNode.valueOf(clean);
    }
}
