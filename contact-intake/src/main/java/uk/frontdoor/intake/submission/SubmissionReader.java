package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import uk.frontdoor.triage.api.value.ContactSubmission;

/**
 * Reads a partner's version-1 contact submission and checks it against the published JSON Schema,
 * {@code static/schemas/contact-submission-v1.schema.json}: the file partners read is the file the front
 * door validates with, so the two cannot drift.
 *
 * <p>One read, every problem at once, so a partner fixes all of its mistakes in one round trip:
 * <ol>
 *   <li>parse strictly: a repeated field name or content after the object is malformed JSON (a second
 *       {@code nhsNumber} silently winning is how wrong children get matched);</li>
 *   <li>trim and NFC-normalise every string ({@link TextNormaliser}), as the schema says it does;</li>
 *   <li>validate against the schema ({@link SchemaCheck});</li>
 *   <li>check what a schema cannot say: real dates, ages and dates against today and each other, the NHS
 *       number's check digit, the indicator vocabulary ({@link SemanticChecks});</li>
 *   <li>only a clean tree becomes a {@link ContactSubmission} ({@link SubmissionMapper}).</li>
 * </ol>
 *
 * <p>Violations name the field and the rule, never the value. An unknown field is named only when its name
 * looks like an identifier; other names are withheld, since a field name is also producer-controlled text.
 */
public final class SubmissionReader {

    /** Narrative at the limit, fully \\u-escaped, with every other field at its limit, fits well inside this. */
    public static final int MAX_BODY_BYTES = 512 * 1024;
    /** A body with more problems than this is garbage; listing them all would only feed a log flood. */
    public static final int MAX_VIOLATIONS = 100;

    /** One compiled schema for every reader: compiling it costs far more than checking a submission. */
    private static final SchemaCheck SCHEMA = new SchemaCheck();

    private final ObjectReader reader;
    private final Clock clock;
    private final long maxBodyBytes;
    private final SemanticChecks semantics;

    public SubmissionReader(ObjectMapper mapper, Clock clock, Predicate<String> knownIndicator) {
        this(mapper, clock, knownIndicator, MAX_BODY_BYTES);
    }

    /** @param maxBodyBytes the largest body accepted, whichever channel it came by (at most {@link #MAX_BODY_BYTES}) */
    public SubmissionReader(ObjectMapper mapper, Clock clock, Predicate<String> knownIndicator, long maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + MAX_BODY_BYTES);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.reader = Objects.requireNonNull(mapper, "mapper").reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.semantics = new SemanticChecks(Objects.requireNonNull(knownIndicator, "knownIndicator"));
    }

    /** Parses and validates a version-1 submission; reports EVERY invalid field at once. */
    public ContactSubmission read(byte[] json) throws SubmissionRejectedException {
        return read(json, Set.of());
    }

    /**
     * Parses and validates a version-1 submission from a sender who may give only these referral sources
     * (a school is not the police); reports EVERY invalid field at once.
     *
     * @param allowedReferralSources the census codes the sender may use; empty for any
     */
    public ContactSubmission read(byte[] json, Set<String> allowedReferralSources) throws SubmissionRejectedException {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(allowedReferralSources, "allowedReferralSources");
        if (json.length > maxBodyBytes) {
            throw new SubmissionRejectedException(RejectionReason.TOO_LARGE,
                    List.of(new Violation("", "is larger than " + maxBodyBytes + " bytes")));
        }
        JsonNode root = parse(json);
        Violations violations = new Violations();
        TextNormaliser.normalise(root, "", violations);
        SCHEMA.check(root, violations);
        if (root.isObject()) {
            semantics.check(root, clock.instant(), violations);
            checkReferralSource(root, allowedReferralSources, violations);
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRejectedException(RejectionReason.INVALID_SUBMISSION,
                    violations.list(SCHEMA.fieldOrder(), MAX_VIOLATIONS));
        }
        return SubmissionMapper.submission(root);
    }

    private static void checkReferralSource(JsonNode root, Set<String> allowed, Violations violations) {
        JsonNode source = root.get("referralSource");
        if (!allowed.isEmpty() && source != null && source.isTextual() && !violations.has("referralSource")
                && !allowed.contains(source.textValue())) {
            violations.add("referralSource", "is not a referral source your agency may use; it may use "
                    + String.join(", ", allowed));
        }
    }

    private JsonNode parse(byte[] json) {
        // JSON on the wire is UTF-8 (RFC 8259). Jackson's own decoder lets some bytes that are not UTF-8 through:
        // an overlong 0xC0 0xAF is read as '/', so "Sam" + those bytes passes a submission id's pattern, and an
        // encoded surrogate becomes half a character. Found by the fuzz test; checked strictly first.
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw malformed("is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = reader.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input: only the location and our own wording leave this method.
            throw malformed(wording(e) + at(e.getLocation()));
        } catch (IOException e) {
            throw malformed("could not be read as JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("is empty");
        }
        return root;
    }

    private static String wording(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            return "has a duplicate field name";
        }
        if (original != null && original.startsWith("Trailing token")) {
            return "has content after the JSON value";
        }
        return "is not well-formed JSON";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static SubmissionRejectedException malformed(String problem) {
        return new SubmissionRejectedException(RejectionReason.MALFORMED_JSON, List.of(new Violation("", problem)));
    }
}
