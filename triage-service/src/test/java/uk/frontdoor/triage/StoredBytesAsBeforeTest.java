package uk.frontdoor.triage;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.InMemoryPersonalDataKeys;
import uk.frontdoor.triage.dataprotection.SealedAsBefore;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's JSON, byte for byte, as it was written before personal fields were written straight to the
 * generator (issue 14, helper "writepath"): every pinned event ({@link StoredEventContractTest#events()}) written by
 * today's serializer and by one that seals personal fields as before, the two compared whole, each ciphertext by what
 * it opens to (the nonce is random). The pinned files compare JSON by its meaning; this compares its bytes.
 */
class StoredBytesAsBeforeTest {

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
    private final AtomicInteger sealedAsBefore = new AtomicInteger();
    private final JacksonSerializer now = EventJson.serializer(keys);
    private final JacksonSerializer before = JacksonSerializer.builder().objectMapper(EventJson.mapper(keys)
            .registerModule(SealedAsBefore.module(keys, EventJson.plain(), sealedAsBefore))).build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.frontdoor.triage.StoredEventContractTest#events")
    void an_event_is_written_byte_for_byte_as_before(String file, String revision, ChildEvent event) {
        SerializedObject<byte[]> written = now.serialize(event, byte[].class);
        SerializedObject<byte[]> asBefore = before.serialize(event, byte[].class);

        // The old writing was the one used, for each personal field there is.
        String json = new String(written.getData(), StandardCharsets.UTF_8);
        assertThat(sealedAsBefore.get()).as("personal fields written as before")
                .isEqualTo(json.split("\\{\"enc\":", -1).length - 1);
        assertThat(SealedAsBefore.withCiphertextOpened(written.getData(), keys))
                .isEqualTo(SealedAsBefore.withCiphertextOpened(asBefore.getData(), keys));
        assertThat(written.getType()).isEqualTo(asBefore.getType());
    }
}
