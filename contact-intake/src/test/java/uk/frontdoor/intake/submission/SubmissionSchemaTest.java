package uk.frontdoor.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.intake.submission.Submissions.policeExampleWith;
import static uk.frontdoor.intake.submission.Submissions.reader;
import static uk.frontdoor.intake.submission.Submissions.set;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.rules.ReferralSource;
import uk.frontdoor.triage.api.value.ContactSubmission;

/**
 * The published JSON Schema is the contract {@link SubmissionReader} validates with. These tests keep it in step
 * with the rest of the service: its code lists with the census codes and the threshold rules, its objects with
 * the records a submission becomes, its patterns with what the reader accepts, and its limits pinned.
 */
class SubmissionSchemaTest {

    private static final String SCHEMA = "/static/schemas/contact-submission-v1.schema.json";
    private static JsonNode schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SubmissionSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA).isNotNull();
            schema = Submissions.MAPPER.readTree(in);
        }
    }

    private static JsonNode at(String pointer) {
        JsonNode node = schema.at(pointer);
        assertThat(node.isMissingNode()).as("schema has " + pointer).isFalse();
        return node;
    }

    private static List<String> enumAt(String pointer) {
        List<String> values = new ArrayList<>();
        at(pointer + "/enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.textValue());
            }
        });
        return values;
    }

    @Test
    void itIsADraft202012Schema() {
        assertThat(at("/$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void referralSourceCodesAreTheCensusCodes() {
        assertThat(enumAt("/properties/referralSource"))
                .containsExactlyElementsOf(CensusCodes.REFERRAL_SOURCES.keySet());
    }

    @Test
    void assessmentFactorCodesAreTheCensusCodes() {
        assertThat(enumAt("/properties/concerns/properties/factors/items"))
                .containsExactlyElementsOf(CensusCodes.ASSESSMENT_FACTORS.keySet());
    }

    @Test
    void ethnicityCodesAreTheDfECodes() {
        assertThat(enumAt("/properties/child/properties/ethnicity"))
                .containsExactlyElementsOf(CensusCodes.ETHNICITIES.keySet());
    }

    @Test
    void relationshipSexAndConsentListsMatchTheReader() {
        assertThat(enumAt("/properties/household/items/properties/relationship"))
                .containsExactlyInAnyOrderElementsOf(HouseholdRelationships.CODES);
        assertThat(enumAt("/properties/child/properties/sex"))
                .containsExactlyElementsOf(names(ContactSubmission.Sex.values()));
        assertThat(enumAt("/properties/consent/properties/status"))
                .containsExactlyElementsOf(names(ContactSubmission.ConsentStatus.values()));
    }

    @Test
    void censusCodesAgreeWithTheThresholdRules() {
        // The rules engine validates its rule files against its own copy; a code one side knows and the other
        // does not would either be refused at the door or never match a rule.
        assertThat(CensusCodes.ASSESSMENT_FACTORS.keySet()).containsExactlyInAnyOrderElementsOf(CinFactor.CODES);
        assertThat(CensusCodes.REFERRAL_SOURCES.keySet()).containsExactlyInAnyOrderElementsOf(ReferralSource.CODES);
    }

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("", ContactSubmission.class),
                Arguments.of("/properties/referrer", ContactSubmission.Referrer.class),
                Arguments.of("/properties/child", ContactSubmission.Child.class),
                Arguments.of("/properties/child/properties/address", ContactSubmission.Address.class),
                Arguments.of("/properties/household/items", ContactSubmission.HouseholdMember.class),
                Arguments.of("/properties/concerns", ContactSubmission.Concerns.class),
                Arguments.of("/properties/consent", ContactSubmission.Consent.class));
    }

    /** The reader has no field lists of its own any more: the schema's are the only ones. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("objects")
    void everyObjectListsExactlyTheRecordsFieldsAndNoOthers(String pointer, Class<? extends Record> type) {
        JsonNode object = pointer.isEmpty() ? schema : at(pointer);
        Set<String> schemaFields = new TreeSet<>();
        object.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> recordFields.add(c.getName()));

        assertThat(schemaFields).isEqualTo(recordFields);
        assertThat(object.get("additionalProperties").isBoolean() && !object.get("additionalProperties").booleanValue())
                .as("additionalProperties false at " + pointer).isTrue();
    }

    /**
     * Pattern samples, each tried against both the schema's pattern (compiled by java.util.regex, which reads
     * these ECMA-262 patterns the same way) and the reader itself.
     */
    static Stream<Arguments> patternSamples() {
        String postcode = "/properties/child/properties/address/properties/postcode";
        String name = "/$defs/personName";
        String phone = "/properties/referrer/properties/phone";
        String email = "/properties/referrer/properties/email";
        String nhs = "/properties/child/properties/nhsNumber";
        String id = "/properties/submissionId";
        String aware = "/properties/awareSince";
        return Stream.of(
                sample(postcode, "child.address.postcode", "SL1 1AA"),
                sample(postcode, "child.address.postcode", "sl11aa"),
                sample(postcode, "child.address.postcode", "EC1A 1BB"),
                sample(postcode, "child.address.postcode", "W1A 0AX"),
                sample(postcode, "child.address.postcode", "M1 1AE"),
                sample(postcode, "child.address.postcode", "B33 8TH"),
                sample(postcode, "child.address.postcode", "CR2 6XH"),
                sample(postcode, "child.address.postcode", "DN55 1PT"),
                sample(postcode, "child.address.postcode", "GIR 0AA"),
                sample(postcode, "child.address.postcode", "QL1 1AA"),
                sample(postcode, "child.address.postcode", "SL1 1CA"),
                sample(postcode, "child.address.postcode", "SL1  1AA"),
                sample(postcode, "child.address.postcode", "SLL 1AA"),
                sample(postcode, "child.address.postcode", "S1L 1AA"),
                sample(postcode, "child.address.postcode", "BFPO 123"),
                sample(name, "child.givenName", "Sam"),
                sample(name, "child.givenName", "O\u2019Brien-Núñez"),
                sample(name, "child.givenName", "Mary Jane"),
                sample(name, "child.givenName", "J. R."),
                sample(name, "child.givenName", "Анна"),
                sample(name, "child.givenName", "Sam2"),
                sample(name, "child.givenName", "Sam_"),
                sample(name, "child.givenName", "--"),
                sample(name, "child.givenName", "Sam (Sammy)"),
                sample(phone, "referrer.phone", "01753 000000"),
                sample(phone, "referrer.phone", "+44 (0)1753 000000"),
                sample(phone, "referrer.phone", "07700900000"),
                sample(phone, "referrer.phone", "0175300000"),
                sample(phone, "referrer.phone", "017530000"),
                sample(phone, "referrer.phone", "01753-000000"),
                sample(phone, "referrer.phone", "0044 1753 000000 00"),
                sample(email, "referrer.email", "a.example@police.example"),
                sample(email, "referrer.email", "first+tag@mail.nhs.uk"),
                sample(email, "referrer.email", "a.example@police"),
                sample(email, "referrer.email", "@police.example"),
                sample(email, "referrer.email", "a@-police.example"),
                sample(nhs, "child.nhsNumber", "9434765919"),
                sample(nhs, "child.nhsNumber", "943 476 5919"),
                sample(nhs, "child.nhsNumber", "9434 765 919"),
                sample(nhs, "child.nhsNumber", "943476591"),
                sample(id, "submissionId", "NICHE-2026-000123"),
                sample(id, "submissionId", "urn:agency/2026.1_a"),
                sample(id, "submissionId", "NICHE 2026"),
                sample(id, "submissionId", "NICHE#2026"),
                sample(aware, "awareSince", "2026-11-20T21:40:00Z"),
                sample(aware, "awareSince", "2026-11-20T21:40Z"),
                sample(aware, "awareSince", "2026-11-20T21:40:00.123+01:00"),
                sample(aware, "awareSince", "2026-11-20T21:40:00"),
                sample(aware, "awareSince", "2026-11-20 21:40:00Z"),
                sample(aware, "awareSince", "2026-11-20T21:40:00+0100"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("patternSamples")
    void theSchemaPatternAndTheReaderAgree(String pointer, String field, String value) {
        Pattern pattern = Pattern.compile(at(pointer + "/pattern").textValue());
        boolean schemaAccepts = pattern.matcher(value).find();
        boolean readerAccepts;
        try {
            reader().read(policeExampleWith(set(field, value)));
            readerAccepts = true;
        } catch (SubmissionRejectedException rejected) {
            assertThat(rejected.violations()).extracting(Violation::field).containsExactly(field);
            readerAccepts = false;
        }
        assertThat(schemaAccepts).as("schema accepts, for %s", pointer).isEqualTo(readerAccepts);
    }

    /** Published limits, pinned: partners size their own fields by them, so a change must be deliberate. */
    @Test
    void theSizeLimitsAreThePublishedLimits() {
        assertThat(at("/properties/concerns/properties/narrative/maxLength").intValue()).isEqualTo(20_000);
        assertThat(at("/properties/concerns/properties/narrative/minLength").intValue()).isEqualTo(10);
        assertThat(at("/properties/household/maxItems").intValue()).isEqualTo(30);
        assertThat(at("/properties/concerns/properties/factors/maxItems").intValue()).isEqualTo(30);
        assertThat(at("/properties/concerns/properties/indicators/maxItems").intValue()).isEqualTo(30);
        assertThat(at("/properties/actionsTaken/maxLength").intValue()).isEqualTo(5_000);
        assertThat(at("/properties/consent/properties/reason/maxLength").intValue()).isEqualTo(2_000);
        assertThat(at("/$defs/personName/maxLength").intValue()).isEqualTo(100);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Arguments sample(String pointer, String field, String value) {
        return Arguments.of(pointer, field, value);
    }
}
