package uk.frontdoor.intake.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Text holding the character U+0000 is refused wherever it is in a JSON request body (a staff command's reason,
 * an id, a partner's answer), as {@link uk.frontdoor.intake.http.IntakeExceptionHandler} then says: {@code 400}
 * naming the field. PostgreSQL's text cannot hold it, so such a value failed in the first query it reached
 * (an id in the linked-records query: a 500, found by the staff API fuzz test), or was stored in an event and then
 * stopped every read model that wrote it. Query and form parameters are refused the same way before they reach a
 * controller ({@code NulInParameters}); partners' submissions are read by their own reader, which refuses every
 * control character. A Jackson module, so Spring Boot adds it to the mapper that reads request bodies.
 */
@Component
class NulInBodies extends SimpleModule {

    static final String PROBLEM = "may not contain the character U+0000 (NUL)";

    NulInBodies() {
        super("nul-in-bodies");
        addDeserializer(String.class, new Refusing());
    }

    /** The text a body's field held U+0000; its value is never quoted. */
    static final class NulInText extends MismatchedInputException {
        NulInText(JsonParser parser) {
            super(parser, "text holding U+0000", String.class);
        }
    }

    private static final class Refusing extends StdScalarDeserializer<String> {

        Refusing() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new NulInText(parser);
            }
            return text;
        }
    }
}
