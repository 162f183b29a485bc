package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test fixtures: the police example, and edits to it addressed by the same paths violations use. */
final class Submissions {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Set<String> KNOWN_INDICATORS = Set.of("CHILD_PRESENT_AT_INCIDENT", "WEAPON_IN_HOME");

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");

    private Submissions() {
    }

    static SubmissionReader reader() {
        return reader(NOW);
    }

    static SubmissionReader reader(Instant now) {
        return new SubmissionReader(MAPPER, Clock.fixed(now, ZoneOffset.UTC), KNOWN_INDICATORS::contains);
    }

    static ObjectNode policeExample() {
        try (InputStream in = Submissions.class.getResourceAsStream("/submissions/police-example.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] policeExampleWith(Consumer<ObjectNode> edit) {
        ObjectNode submission = policeExample();
        edit.accept(submission);
        return bytes(submission);
    }

    /** Sets the field at a violation-style path ("child.address.postcode", "household[0].dateOfBirth"). */
    static Consumer<ObjectNode> set(String path, Object value) {
        return root -> {
            String[] steps = path.split("\\.");
            JsonNode parent = navigate(root, steps, steps.length - 1);
            Matcher last = step(steps[steps.length - 1]);
            JsonNode json = MAPPER.valueToTree(value);
            if (last.group(2) == null) {
                ((ObjectNode) parent).set(last.group(1), json);
            } else {
                ((ArrayNode) parent.get(last.group(1))).set(Integer.parseInt(last.group(2)), json);
            }
        };
    }

    static Consumer<ObjectNode> remove(String path) {
        return root -> {
            String[] steps = path.split("\\.");
            JsonNode parent = navigate(root, steps, steps.length - 1);
            ((ObjectNode) parent).remove(steps[steps.length - 1]);
        };
    }

    @SafeVarargs
    static Consumer<ObjectNode> all(Consumer<ObjectNode>... edits) {
        return root -> {
            for (Consumer<ObjectNode> edit : edits) {
                edit.accept(root);
            }
        };
    }

    /** Raw JSON for a value the edit helpers cannot express, such as an array of objects. */
    static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode navigate(JsonNode root, String[] steps, int count) {
        JsonNode node = root;
        for (int i = 0; i < count; i++) {
            Matcher m = step(steps[i]);
            node = node.get(m.group(1));
            if (m.group(2) != null) {
                node = node.get(Integer.parseInt(m.group(2)));
            }
        }
        return node;
    }

    private static Matcher step(String step) {
        Matcher m = STEP.matcher(step);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad path step " + step);
        }
        return m;
    }
}
