package uk.frontdoor.infra.dataprotection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A stored event's JSON as the service reads it: its personal fields opened with the child's key (the raw
 * payload holds them encrypted). For tests that look at what was stored.
 */
public final class StoredEvents {

    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StoredEvents() {
    }

    /** @param eventSerializer the service's {@code eventSerializer} bean */
    public static JsonNode opened(Serializer eventSerializer, String payloadType, String revision, String payload) {
        Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(payload, String.class,
                new SimpleSerializedType(payloadType, revision)));
        return PLAIN.valueToTree(event);
    }
}
