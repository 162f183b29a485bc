package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.Personal;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts, in place, the personal fields of events stored before personal fields were encrypted: only a
 * rewrite removes the plain text from the event store (reading old events as they are would leave every name
 * readable in the table, and no erasure could reach it). Each plain personal value is sealed exactly as the
 * event store's serializer seals it today, in the same place; nothing else in the event changes, so its
 * revision, its upcasters and its position in the stream stay as they were. Run once, by the V43 migration;
 * running it again changes nothing.
 */
public final class StoredPlainText {

    private static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPlainText() {
    }

    /** @return how many stored events were rewritten */
    public static int encryptAll(JdbcTemplate jdbc, PersonalDataKeys keys) {
        int rewritten = 0;
        for (Map.Entry<String, List<JsonPointer>> type : personalFields().entrySet()) {
            long after = -1;
            while (true) {
                List<Row> page = jdbc.query("""
                                SELECT globalindex, aggregateidentifier, payload FROM domainevententry
                                WHERE payloadtype = ? AND globalindex > ? ORDER BY globalindex LIMIT ?""",
                        (rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3)),
                        type.getKey(), after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                List<Object[]> updates = new ArrayList<>();
                for (Row row : page) {
                    byte[] sealed = seal(row.payload(), row.aggregateIdentifier(), type.getValue(), keys,
                            row.globalIndex());
                    if (sealed != null) {
                        updates.add(new Object[]{sealed, row.globalIndex()});
                    }
                }
                jdbc.batchUpdate("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", updates);
                rewritten += updates.size();
                after = page.get(page.size() - 1).globalIndex();
            }
        }
        return rewritten;
    }

    /** The event with its plain personal values sealed; null if it has none. */
    static byte[] seal(byte[] payload, String aggregateIdentifier, List<JsonPointer> fields, PersonalDataKeys keys,
                       long position) {
        try {
            JsonNode event = JSON.readTree(payload);
            String childId = event.path("childId").asText(aggregateIdentifier);
            boolean changed = false;
            for (JsonPointer field : fields) {
                JsonNode value = event.at(field);
                if (value.isMissingNode() || value.isNull() || PersonalDataModule.isSealed(value)
                        || !(event.at(field.head()) instanceof ObjectNode parent)) {
                    continue;
                }
                parent.set(field.last().getMatchingProperty(),
                        PersonalDataModule.sealed(keys.forWriting(childId), JSON.writeValueAsBytes(value)));
                changed = true;
            }
            return changed ? JSON.writeValueAsBytes(event) : null;
        } catch (IOException e) {
            // The position only: the payload is a child's record.
            throw new IllegalStateException("Stored event " + position + " could not be read as JSON: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Every child event type with personal fields, and where they are in its JSON. */
    static Map<String, List<JsonPointer>> personalFields() {
        Map<String, List<JsonPointer>> fields = new LinkedHashMap<>();
        Arrays.stream(ChildEvent.class.getPermittedSubclasses()).forEach(type -> {
            List<JsonPointer> personal = new ArrayList<>();
            collect(type, "", personal);
            if (!personal.isEmpty()) {
                fields.put(type.getName(), personal);
            }
        });
        return fields;
    }

    private static void collect(Class<?> record, String at, List<JsonPointer> personal) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = at + "/" + component.getName();
            if (component.isAnnotationPresent(Personal.class)) {
                personal.add(JsonPointer.compile(path));
            } else if (component.getType().isRecord() && component.getType().getPackageName()
                    .startsWith("uk.frontdoor.triage.api")) {
                collect(component.getType(), path, personal);
            }
        }
    }

    private record Row(long globalIndex, String aggregateIdentifier, byte[] payload) {
    }
}
