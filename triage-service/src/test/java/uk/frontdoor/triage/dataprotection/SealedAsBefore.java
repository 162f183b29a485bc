package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.Personal;

import javax.crypto.AEADBadTagException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a personal field was written before 7 December 2026 (issue 14): the value through the plain mapper's top-level
 * call, sealed into a tree, the tree written through the mapper. Registered on the event store's mapper, it takes
 * precedence over {@link PersonalDataModule}'s writing, so that a test can hold the new writing to the old, byte for
 * byte ({@link #withCiphertextOpened}: the nonce is random, so each ciphertext is compared by what it opens to).
 */
public final class SealedAsBefore {

    private static final Pattern SEALED = Pattern.compile("\\{\"enc\":\"([A-Za-z0-9+/=]+)\",\"k\":\"([^\"]+)\"}");

    private SealedAsBefore() {
    }

    /** @param written counts the fields it writes, so that a test can tell it was used */
    public static SimpleModule module(PersonalDataKeys keys, ObjectMapper plain, AtomicInteger written) {
        return new SimpleModule("frontdoor-personal-data-as-before", Version.unknownVersion()) {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
                    @Override
                    public Object findSerializer(Annotated annotated) {
                        return annotated.hasAnnotation(Personal.class) ? new JsonSerializer<>() {
                            @Override
                            public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
                                    throws IOException {
                                written.incrementAndGet();
                                gen.writeTree(PersonalDataModule.sealed(
                                        keys.forWriting(childOf(gen.getOutputContext())),
                                        plain.writeValueAsBytes(value)));
                            }
                        } : null;
                    }
                });
            }
        };
    }

    /**
     * The JSON as written, each {@code {"enc":"<nonce and ciphertext>","k":"<child>"}} with its ciphertext replaced
     * by what it opens to (base64), everything else untouched.
     */
    public static String withCiphertextOpened(byte[] json, PersonalDataKeys keys) {
        Matcher sealed = SEALED.matcher(new String(json, StandardCharsets.UTF_8));
        StringBuilder opened = new StringBuilder();
        while (sealed.find()) {
            String childId = sealed.group(2);
            byte[] plain;
            try {
                plain = Aes.open(keys.forReading(childId).orElseThrow().secret(),
                        Base64.getDecoder().decode(sealed.group(1)),
                        ("frontdoor-personal:" + childId).getBytes(StandardCharsets.UTF_8));
            } catch (AEADBadTagException e) {
                throw new AssertionError("a sealed field does not open", e);
            }
            sealed.appendReplacement(opened, Matcher.quoteReplacement("{\"enc\":\"opens to "
                    + Base64.getEncoder().encodeToString(plain) + "\",\"k\":\"" + childId + "\"}"));
        }
        sealed.appendTail(opened);
        return opened.toString();
    }

    private static String childOf(JsonStreamContext context) {
        for (JsonStreamContext at = context; at != null; at = at.getParent()) {
            if (at.getCurrentValue() instanceof ChildEvent event) {
                return event.childId().value();
            }
        }
        throw new IllegalStateException("not in a child's event");
    }
}
