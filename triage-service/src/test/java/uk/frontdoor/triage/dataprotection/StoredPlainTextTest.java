package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import uk.frontdoor.triage.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-off rewrite of events stored in plain text (V43) seals exactly the fields the serializer seals today,
 * in their places, and nothing else: fed each pinned plain event, it gives what reads back as the same event.
 */
class StoredPlainTextTest {

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();

    static Stream<String> pinnedWithPersonalFields() throws IOException {
        return encryptedFields().stringPropertyNames().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinnedWithPersonalFields")
    void a_plain_stored_event_gets_its_personal_fields_sealed_as_the_serializer_seals_them(String file)
            throws Exception {
        String plain = pinned(file);
        String type = "uk.frontdoor.triage.api." + file.substring(0, file.indexOf('-'));
        List<JsonPointer> fields = StoredPlainText.personalFields().get(type);

        byte[] sealed = StoredPlainText.seal(plain.getBytes(StandardCharsets.UTF_8), "child", fields, keys, 1);

        ObjectNode opened = (ObjectNode) new ObjectMapper().readTree(sealed);
        List<String> pointers = SealedFields.openAll(opened, keys);
        assertThat(String.join(",", pointers)).isEqualTo(encryptedFields().getProperty(file));
        JSONAssert.assertEquals(plain, opened.toString(), JSONCompareMode.STRICT);
        Class<?> eventType = Class.forName(type);
        assertThat(EventJson.mapper(keys).readValue(sealed, eventType))
                .isEqualTo(EventJson.mapper(keys).readValue(plain, eventType));
        assertThat(StoredPlainText.seal(sealed, "child", fields, keys, 1)).as("sealed once only").isNull();
    }

    @org.junit.jupiter.api.Test
    void every_event_type_with_personal_fields_is_covered() throws IOException {
        Map<String, List<JsonPointer>> fields = StoredPlainText.personalFields();
        List<String> pinnedTypes = encryptedFields().stringPropertyNames().stream()
                .map(file -> "uk.frontdoor.triage.api." + file.substring(0, file.indexOf('-'))).distinct().toList();

        assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(pinnedTypes);
    }

    private static Properties encryptedFields() throws IOException {
        var fields = new Properties();
        try (InputStream in = StoredPlainTextTest.class.getResourceAsStream("/events/encrypted-fields.properties")) {
            fields.load(in);
        }
        return fields;
    }

    private static String pinned(String file) throws IOException {
        try (InputStream in = StoredPlainTextTest.class.getResourceAsStream("/events/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
