package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Opens the encrypted fields of a stored event's JSON in place, for tests that compare it with pinned JSON. */
public final class SealedFields {

    private SealedFields() {
    }

    /** @return the JSON pointers of the fields that were encrypted, in document order */
    public static List<String> openAll(ObjectNode event, PersonalDataKeys keys) {
        List<String> opened = new ArrayList<>();
        open(event, "", keys, opened);
        return opened;
    }

    private static void open(JsonNode node, String at, PersonalDataKeys keys, List<String> opened) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            fields.forEachRemaining(all::add);
            for (Map.Entry<String, JsonNode> field : all) {
                String path = at + "/" + field.getKey();
                if (sealed(field.getValue())) {
                    object.set(field.getKey(), plain(field.getValue(), keys));
                    opened.add(path);
                } else {
                    open(field.getValue(), path, keys, opened);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                open(array.get(i), at + "/" + i, keys, opened);
            }
        }
    }

    private static boolean sealed(JsonNode node) {
        return node.isObject() && node.size() == 2 && node.has(PersonalDataModule.CIPHERTEXT)
                && node.has(PersonalDataModule.KEY);
    }

    private static JsonNode plain(JsonNode sealed, PersonalDataKeys keys) {
        String childId = sealed.get(PersonalDataModule.KEY).asText();
        try {
            byte[] plain = Aes.open(keys.forReading(childId).orElseThrow().secret(),
                    Base64.getDecoder().decode(sealed.get(PersonalDataModule.CIPHERTEXT).asText()),
                    ("frontdoor-personal:" + childId).getBytes(StandardCharsets.UTF_8));
            return new ObjectMapper().readTree(plain);
        } catch (AEADBadTagException | IOException e) {
            throw new AssertionError("a sealed field does not open", e);
        }
    }
}
