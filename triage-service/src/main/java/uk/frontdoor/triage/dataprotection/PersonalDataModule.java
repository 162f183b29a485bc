package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;

import javax.crypto.AEADBadTagException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Encrypts every {@link Personal} value of a stored event with its child's data key, and opens it on reading.
 * An encrypted value is stored in its field's place as {@code {"enc":"<base64 nonce and ciphertext>","k":"<child
 * id>"}}; the rest of the event stays plain JSON, so upcasters and operators still read ids, times and codes.
 * <ul>
 * <li>A value is encrypted whole (a child, a household list) in one AES-GCM operation: the JSON the field would
 * have had, sealed with the child's key, the child's id bound to it as associated data.</li>
 * <li>Reading takes a value stored before encryption (plain JSON) as it is.</li>
 * <li>A value whose key was destroyed, or that will not open, reads as erased ({@link PersonalData#ERASED} for
 * text), never as a failure: replays and projections of an erased child still run.</li>
 * <li>A personal value outside a child's event cannot be given a key and is refused, never written plain; so is
 * any personal value when the mapper has no keys.</li>
 * <li>A reader may open only some fields ({@link #opening}): every other personal value is skipped unopened and
 * reads as erased. For work that reads a few personal fields of many events (a rule-set simulation reads the
 * child's age, sex and whether unborn), where opening the others was a third of reading a stream.</li>
 * </ul>
 */
public final class PersonalDataModule extends SimpleModule {

    static final String CIPHERTEXT = "enc";
    static final String KEY = "k";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataModule.class);

    private final PersonalDataKeys keys;
    private final ObjectMapper plain;
    /** Whether a field is opened on reading. */
    private final Predicate<Field> opened;
    private final Map<JavaType, Object> placeholders = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    /** A personal field: the record (or class) that declares it, and its name. */
    public record Field(Class<?> declaredBy, String name) {
    }

    /**
     * @param keys  the children's keys; null for a mapper that only reads events stored before encryption
     * @param plain writes and reads the values themselves: the event store's mapper without this module
     */
    public PersonalDataModule(PersonalDataKeys keys, ObjectMapper plain) {
        this(keys, plain, field -> true);
    }

    private PersonalDataModule(PersonalDataKeys keys, ObjectMapper plain, Predicate<Field> opened) {
        super("frontdoor-personal-data", Version.unknownVersion());
        this.keys = keys;
        this.plain = plain;
        this.opened = opened;
    }

    /**
     * A module for a mapper that only reads, and opens only these personal fields: every other one is skipped
     * without being decrypted and reads as erased ({@link PersonalData#ERASED} for text, an empty list, a record
     * with its text erased). Never for writing: an event read by it and written back would lose those fields.
     */
    public static PersonalDataModule opening(PersonalDataKeys keys, ObjectMapper plain, Set<Field> opened) {
        return new PersonalDataModule(keys, plain, Set.copyOf(opened)::contains);
    }

    /**
     * A module for a mapper that only reads, and opens every personal field but these: each of them is skipped
     * without being decrypted and reads as erased, as for {@link #opening}. For a reader that knows what it does not
     * read (a projection's rebuild): a field added later is opened. Never for writing.
     */
    public static PersonalDataModule skipping(PersonalDataKeys keys, ObjectMapper plain, Set<Field> skipped) {
        Set<Field> skip = Set.copyOf(skipped);
        return new PersonalDataModule(keys, plain, field -> !skip.contains(field));
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated annotated) {
                return annotated.hasAnnotation(Personal.class) ? new Encrypting() : null;
            }

            @Override
            public Object findDeserializer(Annotated annotated) {
                return annotated.hasAnnotation(Personal.class) ? new Decrypting(null, true) : null;
            }
        });
    }

    private final class Encrypting extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String childId = childOf(gen.getOutputContext());
            if (childId == null) {
                throw JsonMappingException.from(gen,
                        "A personal field can only be stored in a child's event, encrypted with the child's key");
            }
            if (keys == null) {
                throw JsonMappingException.from(gen,
                        "Personal data is never stored unencrypted: this mapper has no data protection keys");
            }
            DataKey key = keys.forWriting(childId);
            // The same bytes as writing the tree that sealed(...) makes ({"enc":...,"k":...}), written directly: the
            // tree, its writing through the mapper and the value's writing through the mapper's top-level call (a
            // serializer looked up for every value) were about a third of encrypting a field (docs/benchmarks.md).
            byte[] json = writerFor(value.getClass()).writeValueAsBytes(value);
            gen.writeStartObject();
            gen.writeStringField(CIPHERTEXT, Base64.getEncoder().encodeToString(
                    Aes.seal(key.secret(), json, associated(key.childId()))));
            gen.writeStringField(KEY, key.childId());
            gen.writeEndObject();
        }
    }

    /** The plain mapper's writer for a personal value's class, made once: the root serializer fetched with it. */
    private ObjectWriter writerFor(Class<?> type) {
        return writers.computeIfAbsent(type, plain::writerFor);
    }

    private final class Decrypting extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JavaType type;
        /** Made once per field: making a reader for each value read was a visible share of reading a stream. */
        private final ObjectReader reader;
        /** Whether this reader opens the field; one it does not is skipped and reads as erased. */
        private final boolean open;

        Decrypting(JavaType type, boolean open) {
            this.type = type;
            this.reader = type == null ? null : plain.readerFor(type);
            this.open = open;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Decrypting(property.getType(),
                    opened.test(new Field(property.getMember().getDeclaringClass(), property.getName())));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!open) {
                p.skipChildren();
                return erased(type);
            }
            JsonNode node = ctxt.readTree(p);
            if (!isSealed(node)) {
                // Stored before personal fields were encrypted.
                return reader.readValue(node);
            }
            if (keys == null) {
                throw JsonMappingException.from(p,
                        "An encrypted personal field needs the data protection keys to be read");
            }
            ObjectNode sealed = (ObjectNode) node;
            String childId = sealed.get(KEY).asText();
            Optional<DataKey> key = keys.forReading(childId);
            if (key.isEmpty()) {
                return erased(type);
            }
            byte[] opened;
            try {
                opened = Aes.open(key.get().secret(), Base64.getDecoder().decode(sealed.get(CIPHERTEXT).asText()),
                        associated(childId));
            } catch (AEADBadTagException | IllegalArgumentException e) {
                // Altered, or written for the child after its key was destroyed: unreadable either way.
                log.warn("A personal field of a stored event does not open with its child's key: read as erased");
                return erased(type);
            }
            return reader.readValue(opened);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** The event being written: every context up from the field, to the event's own object. */
    private static String childOf(JsonStreamContext context) {
        for (JsonStreamContext at = context; at != null; at = at.getParent()) {
            if (at.getCurrentValue() instanceof ChildEvent event) {
                return event.childId().value();
            }
        }
        return null;
    }

    /** A value's JSON sealed with its child's key, as it is stored in the value's place. */
    static ObjectNode sealed(DataKey key, byte[] json) {
        ObjectNode sealed = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        sealed.put(CIPHERTEXT, Base64.getEncoder().encodeToString(Aes.seal(key.secret(), json,
                associated(key.childId()))));
        sealed.put(KEY, key.childId());
        return sealed;
    }

    static boolean isSealed(JsonNode node) {
        return node instanceof ObjectNode sealed && sealed.size() == 2 && sealed.hasNonNull(CIPHERTEXT)
                && sealed.hasNonNull(KEY);
    }

    private static byte[] associated(String childId) {
        return ("frontdoor-personal:" + childId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Text erased, lists empty, a record with its text erased and nothing else. */
    Object erased(JavaType type) {
        if (type.hasRawClass(String.class)) {
            return PersonalData.ERASED;
        }
        return placeholders.computeIfAbsent(type, this::placeholder);
    }

    private Object placeholder(JavaType type) {
        try {
            if (type.isCollectionLikeType() || type.isArrayType()) {
                return plain.readerFor(type).readValue("[]");
            }
            if (type.getRawClass().isRecord()) {
                ObjectNode erased = plain.createObjectNode();
                for (RecordComponent component : type.getRawClass().getRecordComponents()) {
                    if (component.getType() == String.class) {
                        erased.put(component.getName(), PersonalData.ERASED);
                    }
                }
                return plain.readerFor(type).readValue(erased);
            }
        } catch (IOException e) {
            throw new IllegalStateException("No erased form for " + type.getRawClass().getSimpleName(), e);
        }
        return null;
    }
}
