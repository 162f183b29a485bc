package uk.frontdoor.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wording of schema failures stays attached to rules the schema still has. */
class SchemaCheckTest {

    static Stream<String> wordedRules() {
        return SchemaCheck.wordedRules().stream().sorted();
    }

    /**
     * A field renamed or a keyword dropped in the schema would otherwise leave its sentence unused, and
     * partners would read the generic wording without anyone noticing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wordedRules")
    void everyWordedRuleNamesAFieldAndKeywordOfTheSchema(String rule) throws IOException {
        JsonNode schema;
        try (InputStream in = SchemaCheckTest.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            schema = Submissions.MAPPER.readTree(in);
        }
        String field = rule.substring(0, rule.indexOf(' '));
        String keyword = rule.substring(rule.indexOf(' ') + 1);
        if (field.startsWith("$defs/")) {
            assertThat(schema.at("/" + field).has(keyword)).as("the schema's %s has %s", field, keyword).isTrue();
            return;
        }
        String name = field.substring(field.lastIndexOf('.') + 1).replace("[]", "");
        JsonNode parent = at(schema, field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "");
        JsonNode own = parent.path("properties").path(name);
        assertThat(own.isMissingNode()).as("the schema has %s", field).isFalse();
        switch (keyword) {
            case "required" -> assertThat(parent.findValues("required")).as("%s is required somewhere", field)
                    .anySatisfy(required -> assertThat(required.toString()).contains('"' + name + '"'));
            case "absent" -> assertThat(parent.findValues(name)).as("%s must be absent somewhere", field)
                    .anySatisfy(value -> assertThat(value.toString()).isEqualTo("{\"type\":\"null\"}"));
            // A rule about an array's items is written on the array (items, uniqueItems, if/then).
            default -> assertThat(field.endsWith("[]") ? own.findValue(keyword) != null : own.has(keyword))
                    .as("%s has %s", field, keyword).isTrue();
        }
    }

    @Test
    void theFieldOrderIsTheSchemasWithUnknownFieldsFirst() {
        List<String> fields = new ArrayList<>(List.of("awareSince", "household[10].dateOfBirth",
                "household[2].relationship", "child.nhsNumber", "extra", "", "child", "child.address.postcode",
                "household[2].dateOfBirth", "submissionId"));

        fields.sort(Comparator.comparing(new SchemaCheck().fieldOrder(), FieldPaths.KEY_ORDER));

        assertThat(fields).containsExactly("", "extra", "submissionId", "child", "child.nhsNumber",
                "child.address.postcode", "household[2].relationship", "household[2].dateOfBirth",
                "household[10].dateOfBirth", "awareSince");
    }

    /** The schema of an object at a path with [] for items ("household[]"), or the root for "". */
    private static JsonNode at(JsonNode schema, String field) {
        JsonNode node = schema;
        for (String step : field.isEmpty() ? new String[0] : field.split("\\.")) {
            boolean items = step.endsWith("[]");
            node = node.path("properties").path(items ? step.substring(0, step.length() - 2) : step);
            if (items) {
                node = node.path("items");
            }
        }
        return node;
    }
}
