package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Checks a submission against the published JSON Schema itself ({@value #RESOURCE}, the file partners
 * read), with networknt's json-schema-validator, and words each failure as a {@link Violation}: the field
 * in the dotted form partners see, the rule in plain English, never the value.
 *
 * <p>The schema is read and compiled once, when the reader is built. Format keywords stay annotations (the
 * draft 2020-12 default): whether a date is a real calendar date is checked by {@link SemanticChecks}.
 */
final class SchemaCheck {

    static final String RESOURCE = "/static/schemas/contact-submission-v1.schema.json";

    /** Wording for one field's rule ({@code "<field with [] for indexes> <keyword>"}), or a shared definition's. */
    private static final Map<String, String> WORDING = Map.ofEntries(
            Map.entry("submissionId pattern", "may contain only letters, digits and . _ : / -"),
            Map.entry("corrects pattern", "must be a submissionId: only letters, digits and . _ : / -"),
            Map.entry("referralSource enum", "must be a DfE Children in Need census referral-source code"),
            Map.entry("referrer.phone pattern",
                    "must be a telephone number of 10 to 15 digits (spaces, brackets and a leading + allowed)"),
            Map.entry("referrer.email pattern", "must be an email address such as name@agency.example"),
            Map.entry("child.dateOfBirth required", "is required (or expectedDateOfBirth for an unborn child)"),
            Map.entry("child.dateOfBirth pattern", SemanticChecks.REAL_DATE),
            Map.entry("child.expectedDateOfBirth pattern", SemanticChecks.REAL_DATE),
            Map.entry("child.expectedDateOfBirth absent", "must not be given with dateOfBirth: give dateOfBirth"
                    + " for a born child, expectedDateOfBirth for an unborn one"),
            Map.entry("child.nhsNumber pattern", "must be 10 digits, optionally spaced 3 3 4"),
            Map.entry("child.nhsNumber absent", "must not be given for an unborn child"),
            Map.entry("child.address.postcode pattern", "must be a UK postcode such as SL1 1AA"),
            Map.entry("child.ethnicity enum", "must be a DfE ethnicity code"),
            Map.entry("household maxItems", "must have at most {0} members"),
            Map.entry("household[].dateOfBirth pattern", SemanticChecks.REAL_DATE + ", not before 1900"),
            Map.entry("concerns.factors minItems", "must have at least one factor (use 21 when no factors are identified)"),
            Map.entry("concerns.factors maxItems", "must have at most {0} factors"),
            Map.entry("concerns.factors[] enum", "must be a DfE Children in Need census assessment-factor code"),
            Map.entry("concerns.factors[] not", "21 (no factors identified) cannot be combined with other factors"),
            Map.entry("concerns.factors[] uniqueItems", "repeats an earlier factor"),
            Map.entry("concerns.indicators maxItems", "must have at most {0} indicators"),
            Map.entry("concerns.indicators[] uniqueItems", "repeats an earlier indicator"),
            Map.entry("awareSince pattern", SemanticChecks.DATE_TIME),
            Map.entry("$defs/personName pattern",
                    "may contain only letters, spaces, hyphens, apostrophes and full stops, with at least one letter"),
            Map.entry("$defs/singleLineText pattern", "contains control characters or line breaks"),
            Map.entry("$defs/multiLineText pattern", "contains control characters (only line breaks and tabs are allowed)"),
            Map.entry("$defs/multiLineText not", "contains Unicode line or paragraph separators (use line breaks)"));

    /** Checked first, so a value of the wrong type is reported as such rather than by a rule it never reached. */
    private static final Set<String> STRUCTURAL = Set.of("type", "required", "additionalProperties");

    private final Schema schema;
    private final Function<String, List<Integer>> fieldOrder;

    SchemaCheck() {
        JsonNode document;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the submission schema " + RESOURCE + " is not on the classpath");
            }
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the submission schema " + RESOURCE, e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                registry -> registry.schemaRegistryConfig(config)).getSchema(document);
        schema.initializeValidators();
        fieldOrder = FieldPaths.schemaOrder(document);
    }

    /** The keys of the field-specific wording, so a test can check each still names a rule of the schema. */
    static Set<String> wordedRules() {
        return WORDING.keySet();
    }

    /** Sort keys for the order in which a partner reads the violations: the schema's order of fields. */
    Function<String, List<Integer>> fieldOrder() {
        return fieldOrder;
    }

    void check(JsonNode submission, Violations violations) {
        List<Error> errors = new ArrayList<>(schema.validate(submission));
        errors.sort(Comparator.comparing(e -> STRUCTURAL.contains(e.getKeyword()) ? 0 : 1));
        for (Error error : errors) {
            report(error, path(error.getInstanceLocation()), violations);
        }
    }

    private static void report(Error error, String at, Violations violations) {
        switch (error.getKeyword()) {
            case "required" -> {
                String field = FieldPaths.child(at, error.getProperty());
                violations.add(field, worded(field, "required", error).orElse("is required"));
            }
            case "additionalProperties" -> {
                String name = error.getProperty();
                if (FieldPaths.isIdentifier(name)) {
                    violations.add(FieldPaths.child(at, name), "unknown field");
                } else {
                    violations.add(at, "has a field whose name is not allowed (name withheld)");
                }
            }
            case "uniqueItems" -> {
                String item = FieldPaths.item(at, firstRepeat(error.getInstanceNode()));
                violations.add(item, worded(item, "uniqueItems", error).orElse("repeats an earlier item"));
            }
            case "maxItems" -> {
                violations.refuseWhole(at);
                violations.add(at, worded(at, "maxItems", error).orElse("must have at most {0} items")
                        .replace("{0}", error.getSchemaNode().asText()));
            }
            case "type" -> violations.add(at, typeProblem(error, at));
            default -> violations.add(at, worded(at, error.getKeyword(), error)
                    .orElseGet(() -> plainProblem(error)).replace("{0}", error.getSchemaNode().asText()));
        }
    }

    private static Optional<String> worded(String field, String rule, Error error) {
        String own = WORDING.get(FieldPaths.generic(field) + " " + rule);
        if (own != null) {
            return Optional.of(own);
        }
        // A rule written once under $defs and used by several fields: #/$defs/personName/pattern
        String location = String.valueOf(error.getSchemaLocation().getFragment());
        int definition = location.indexOf("$defs/");
        if (definition < 0) {
            return Optional.empty();
        }
        String name = location.substring(definition, location.lastIndexOf('/'));
        return Optional.ofNullable(WORDING.get(name + " " + rule));
    }

    private static String typeProblem(Error error, String at) {
        JsonNode expected = error.getSchemaNode();
        if ("null".equals(expected.asText())) {
            // A conditional "must be absent" rule, such as an NHS number for an unborn child.
            return worded(at, "absent", error).orElse("must not be given here");
        }
        JsonNode value = error.getInstanceNode();
        if (!at.isEmpty() && (value == null || value.isNull())) {
            return "is required"; // null means "not given", and this field must be given
        }
        String type = expected.isArray()
                ? StreamSupport.stream(expected.spliterator(), false).map(JsonNode::asText)
                        .filter(t -> !t.equals("null")).findFirst().orElse("null")
                : expected.asText();
        return switch (type) {
            case "object" -> "must be a JSON object";
            case "array" -> "must be an array";
            case "boolean" -> "must be true or false";
            case "string" -> "must be a string";
            default -> "must be of JSON type " + type;
        };
    }

    /** The wording of a rule no field-specific sentence covers; {0} is the rule's limit. */
    private static String plainProblem(Error error) {
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "enum" -> "must be one of " + String.join(", ", StreamSupport.stream(rule.spliterator(), false)
                    .filter(JsonNode::isTextual).map(JsonNode::textValue).toList());
            case "minLength" -> rule.asInt() == 1 ? "must not be blank" : "must be at least {0} characters";
            case "maxLength" -> "must be at most {0} characters";
            case "minItems" -> "must have at least {0} items";
            case "pattern" -> "\\S".equals(rule.asText()) ? "must not be blank" : "is not in the form the schema gives";
            default -> "breaks the schema's " + error.getKeyword() + " rule";
        };
    }

    private static int firstRepeat(JsonNode array) {
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!seen.add(array.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static String path(NodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object step = location.getElement(i);
            path = step instanceof Integer index ? FieldPaths.item(path, index) : FieldPaths.child(path, step.toString());
        }
        return path;
    }
}
