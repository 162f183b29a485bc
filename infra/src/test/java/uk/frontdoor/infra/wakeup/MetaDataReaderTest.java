package uk.frontdoor.infra.wakeup;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.frontdoor.triage.EventJson;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared decoding's meta data reader reads stored meta data exactly as Axon's Jackson serializer does. */
class MetaDataReaderTest {

    private final JacksonSerializer serializer = EventJson.serializer(null);
    private final SharedDecoding.MetaDataReader reader = SharedDecoding.MetaDataReader.of(serializer);

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "null",
            "{\"traceId\":\"0b6f0d8e-1c1a-4a55-9d3f-2f0b3c1e4a10\",\"correlationId\":\"c-1\"}",
            "{\"count\":3,\"big\":12345678901234,\"ratio\":0.25,\"yes\":true,\"none\":null}",
            "{\"nested\":{\"a\":[1,\"two\",{\"three\":3}]},\"list\":[]}",
    })
    void reads_as_the_serializer_does(String json) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, MetaData.class.getName(), null);

        MetaData read = reader.read(stored);

        MetaData expected = serializer.deserialize(stored);
        assertThat(read).isEqualTo(expected);
        if (expected == null) {
            return;
        }
        assertThat(read.keySet()).isEqualTo(expected.keySet());
        read.forEach((key, value) -> {
            assertThat(value).as(key).isEqualTo(expected.get(key));
            if (value != null) {
                assertThat(value.getClass()).as(key).isEqualTo(expected.get(key).getClass());
            }
        });
    }
}
