package uk.frontdoor.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import java.time.Instant;
import java.util.Set;

/**
 * How events and messages are written to the event store. Deliberately independent of the web
 * layer's JSON settings: stored events are a public contract, and a tweak for an HTTP response
 * must never change what is written to a child's record.
 * <p>
 * A child's personal fields are encrypted with the child's own key ({@link PersonalDataModule}).
 */
public final class EventJson {

    private EventJson() {
    }

    /**
     * Reads events stored before personal fields were encrypted; refuses to write a personal field, or to read
     * an encrypted one, since it has no keys.
     */
    public static ObjectMapper mapper() {
        return mapper(null);
    }

    /** Writes and reads the event store's JSON, personal fields encrypted with these keys. */
    public static ObjectMapper mapper(PersonalDataKeys keys) {
        return plain().registerModule(new PersonalDataModule(keys, nested()));
    }

    public static JacksonSerializer serializer(PersonalDataKeys keys) {
        return JacksonSerializer.builder().objectMapper(mapper(keys)).build();
    }

    /**
     * Reads the event store's JSON as {@link #serializer} does, opening only these personal fields: the others
     * read as erased, never decrypted ({@link PersonalDataModule#opening}). For reading only.
     */
    public static JacksonSerializer opening(PersonalDataKeys keys, Set<PersonalDataModule.Field> fields) {
        return JacksonSerializer.builder()
                .objectMapper(plain().registerModule(PersonalDataModule.opening(keys, nested(), fields))).build();
    }

    /**
     * Reads the event store's JSON as {@link #serializer} does, opening every personal field but these: they read as
     * erased, never decrypted ({@link PersonalDataModule#skipping}). For reading only.
     */
    public static JacksonSerializer skipping(PersonalDataKeys keys, Set<PersonalDataModule.Field> fields) {
        return JacksonSerializer.builder()
                .objectMapper(plain().registerModule(PersonalDataModule.skipping(keys, nested(), fields))).build();
    }

    static ObjectMapper plain() {
        return plain(new ObjectMapper());
    }

    /**
     * The plain mapper a personal field's value is written and read with, inside the writing or reading of its event,
     * with a pool of buffers of its own. Sharing the thread's buffers with the event's generator, whose writing holds
     * them, a value's writing found them taken and allocated its own (about 12 KB a field: most of what encrypting a
     * contact's fields allocated, docs/benchmarks.md, issue 14, helper "writepath"). Buffers only: what is written and
     * read is the same.
     */
    private static ObjectMapper nested() {
        return plain(new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build()));
    }

    private static ObjectMapper plain(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                // Registered after jsr310's, so it reads every Instant (falling back to jsr310's for other forms).
                .registerModule(new SimpleModule("frontdoor-stored-instants")
                        .addDeserializer(Instant.class, new StoredInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A newer event read by older code, or a field removed by an upcaster, is not an error.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
