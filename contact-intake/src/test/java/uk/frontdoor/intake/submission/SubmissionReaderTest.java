package uk.frontdoor.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static uk.frontdoor.intake.submission.Submissions.all;
import static uk.frontdoor.intake.submission.Submissions.json;
import static uk.frontdoor.intake.submission.Submissions.policeExample;
import static uk.frontdoor.intake.submission.Submissions.policeExampleWith;
import static uk.frontdoor.intake.submission.Submissions.reader;
import static uk.frontdoor.intake.submission.Submissions.remove;
import static uk.frontdoor.intake.submission.Submissions.set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ContactSubmission.Address;
import uk.frontdoor.triage.api.value.ContactSubmission.Child;
import uk.frontdoor.triage.api.value.ContactSubmission.Concerns;
import uk.frontdoor.triage.api.value.ContactSubmission.Consent;
import uk.frontdoor.triage.api.value.ContactSubmission.ConsentStatus;
import uk.frontdoor.triage.api.value.ContactSubmission.HouseholdMember;
import uk.frontdoor.triage.api.value.ContactSubmission.Referrer;
import uk.frontdoor.triage.api.value.ContactSubmission.Sex;

class SubmissionReaderTest {

    private static ContactSubmission read(byte[] json) {
        return reader().read(json);
    }

    private static SubmissionRejectedException rejection(byte[] json) {
        return rejection(reader(), json);
    }

    private static SubmissionRejectedException rejection(SubmissionReader reader, byte[] json) {
        SubmissionRejectedException rejected = catchThrowableOfType(SubmissionRejectedException.class,
                () -> reader.read(json));
        assertThat(rejected).as("expected the submission to be rejected").isNotNull();
        return rejected;
    }

    private static List<String> fields(SubmissionRejectedException rejected) {
        return rejected.violations().stream().map(Violation::field).toList();
    }

    @Test
    void theIssuesPoliceExampleIsAcceptedAsWritten() {
        ContactSubmission submission = read(Submissions.bytes(policeExample()));

        assertThat(submission).isEqualTo(new ContactSubmission(
                "NICHE-2026-000123",
                "6",
                new Referrer("PC A. Example", "Officer", "Thames Valley Police", "01753 000000", "a.example@police.example"),
                new Child("Sam", "Example", LocalDate.of(2016, 5, 4), null, Sex.MALE, "9434765919",
                        new Address("1 High Street", null, "Slough", "SL1 1AA"), "WBRI", "English", false),
                List.of(new HouseholdMember("Alex", "Example", "MOTHER", LocalDate.of(1990, 1, 1))),
                new Concerns(List.of("3A"), List.of(), "Domestic incident at the home, child present ..."),
                Instant.parse("2026-11-20T21:40:00Z"),
                new Consent(ConsentStatus.NOT_SOUGHT, "Seeking consent would place the child at risk"),
                false,
                "Officers attended; perpetrator arrested"));
    }

    static Stream<Arguments> rejectedValues() {
        String tooLongName = "A".repeat(101);
        return Stream.of(
                // submissionId
                row("submission id missing", remove("submissionId"), "submissionId"),
                row("submission id blank", set("submissionId", "  "), "submissionId"),
                row("submission id with a space", set("submissionId", "NICHE 2026"), "submissionId"),
                row("submission id over 100 characters", set("submissionId", "N".repeat(101)), "submissionId"),
                row("submission id a number", set("submissionId", 123), "submissionId"),
                // referralSource
                row("referral source missing", remove("referralSource"), "referralSource"),
                row("referral source not a census code", set("referralSource", "11"), "referralSource"),
                row("referral source in lower case", set("referralSource", "3a"), "referralSource"),
                row("referral source as a JSON number", set("referralSource", 6), "referralSource"),
                // referrer
                row("referrer missing when not anonymous", remove("referrer"), "referrer"),
                row("referrer not an object", set("referrer", "PC Example"), "referrer"),
                row("referrer name missing when not anonymous", remove("referrer.name"), "referrer.name"),
                row("referrer phone too few digits", set("referrer.phone", "01753 0000"), "referrer.phone"),
                row("referrer phone too many digits", set("referrer.phone", "+44 1753 000000 0000"), "referrer.phone"),
                row("referrer phone with letters", set("referrer.phone", "01753 OOOOOO"), "referrer.phone"),
                row("referrer phone with a plus in the middle", set("referrer.phone", "01753+000000"), "referrer.phone"),
                row("referrer email without a domain", set("referrer.email", "a.example@"), "referrer.email"),
                row("referrer email without a dot in the domain", set("referrer.email", "a.example@police"), "referrer.email"),
                row("referrer email with a space", set("referrer.email", "a example@police.example"), "referrer.email"),
                row("referrer unknown field", set("referrer.mobile", "07700 900000"), "referrer.mobile"),
                // child
                row("child missing", remove("child"), "child"),
                row("child given name missing", remove("child.givenName"), "child.givenName"),
                row("child given name with a digit", set("child.givenName", "Sam2"), "child.givenName"),
                row("child given name without a letter", set("child.givenName", "-'."), "child.givenName"),
                row("child given name over 100 characters", set("child.givenName", tooLongName), "child.givenName"),
                row("child given name with a control character", set("child.givenName", "Sa\u0000m"), "child.givenName"),
                row("child given name with a line break", set("child.givenName", "Sa\nm"), "child.givenName"),
                row("child family name missing", remove("child.familyName"), "child.familyName"),
                row("child family name with a symbol", set("child.familyName", "Ex@mple"), "child.familyName"),
                row("child has both birth dates", set("child.expectedDateOfBirth", "2027-01-01"), "child.expectedDateOfBirth"),
                row("child has neither birth date", remove("child.dateOfBirth"), "child.dateOfBirth"),
                row("child date of birth not a real date", set("child.dateOfBirth", "2016-02-30"), "child.dateOfBirth"),
                row("child date of birth not ISO", set("child.dateOfBirth", "04/05/2016"), "child.dateOfBirth"),
                row("child date of birth with a time", set("child.dateOfBirth", "2016-05-04T00:00:00Z"), "child.dateOfBirth"),
                row("child date of birth tomorrow", set("child.dateOfBirth", "2026-11-24"), "child.dateOfBirth"),
                row("child eighteen today", set("child.dateOfBirth", "2008-11-23"), "child.dateOfBirth"),
                row("child in their twenties", set("child.dateOfBirth", "2003-01-01"), "child.dateOfBirth"),
                row("unborn child due more than 14 days ago", unborn("2026-11-08"), "child.expectedDateOfBirth"),
                row("unborn child due more than 10 months ahead", unborn("2027-09-24"), "child.expectedDateOfBirth"),
                row("unborn child with an NHS number", all(unborn("2027-03-01"), set("child.nhsNumber", "9434765919")),
                        "child.nhsNumber"),
                row("child sex missing", remove("child.sex"), "child.sex"),
                row("child sex in lower case", set("child.sex", "male"), "child.sex"),
                row("child sex not in the list", set("child.sex", "M"), "child.sex"),
                row("child NHS number with a wrong check digit", set("child.nhsNumber", "9434765918"), "child.nhsNumber"),
                row("child NHS number whose check digit would be 10", set("child.nhsNumber", "4700202050"), "child.nhsNumber"),
                row("child NHS number all zeros", set("child.nhsNumber", "0000000000"), "child.nhsNumber"),
                row("child NHS number of nine digits", set("child.nhsNumber", "943476591"), "child.nhsNumber"),
                row("child NHS number with hyphens", set("child.nhsNumber", "943-476-5919"), "child.nhsNumber"),
                row("child NHS number spaced wrongly", set("child.nhsNumber", "9434 765 919"), "child.nhsNumber"),
                row("child NHS number as a JSON number", set("child.nhsNumber", 9434765919L), "child.nhsNumber"),
                row("child address line1 missing", remove("child.address.line1"), "child.address.line1"),
                row("child address town missing", remove("child.address.town"), "child.address.town"),
                row("child address line2 over 100 characters", set("child.address.line2", "x".repeat(101)), "child.address.line2"),
                row("child postcode with too long an inward code", set("child.address.postcode", "SL1 1AAA"), "child.address.postcode"),
                row("child postcode starting with Q", set("child.address.postcode", "QL1 1AA"), "child.address.postcode"),
                row("child postcode inward code with C", set("child.address.postcode", "SL1 1CA"), "child.address.postcode"),
                row("child postcode of digits", set("child.address.postcode", "12345"), "child.address.postcode"),
                row("child address unknown field", set("child.address.county", "Berkshire"), "child.address.county"),
                row("child ethnicity not a DfE code", set("child.ethnicity", "WHITE"), "child.ethnicity"),
                row("child first language over 50 characters", set("child.firstLanguage", "E".repeat(51)), "child.firstLanguage"),
                row("child interpreter needed as a string", set("child.interpreterNeeded", "no"), "child.interpreterNeeded"),
                row("child unknown field nhsNo", set("child.nhsNo", "9434765919"), "child.nhsNo"),
                // household
                row("household not an array", set("household", "mother"), "household"),
                row("household over 30 members", set("household", household(31)), "household"),
                row("household member not an object", set("household[0]", "mother"), "household[0]"),
                row("household member relationship missing", remove("household[0].relationship"), "household[0].relationship"),
                row("household member relationship not in the list", set("household[0].relationship", "AUNT"),
                        "household[0].relationship"),
                row("household member born in the future", set("household[0].dateOfBirth", "2026-11-24"), "household[0].dateOfBirth"),
                row("household member born before 1900", set("household[0].dateOfBirth", "1899-12-31"), "household[0].dateOfBirth"),
                row("household member family name with digits", set("household[0].familyName", "Ex4mple"), "household[0].familyName"),
                row("household member unknown field", set("household[0].age", 36), "household[0].age"),
                // concerns
                row("concerns missing", remove("concerns"), "concerns"),
                row("factors missing", remove("concerns.factors"), "concerns.factors"),
                row("factors empty", set("concerns.factors", List.of()), "concerns.factors"),
                row("factors not an array", set("concerns.factors", "3A"), "concerns.factors"),
                row("factor not a census code", set("concerns.factors", List.of("3D")), "concerns.factors[0]"),
                row("factor as a number", set("concerns.factors", List.of(20)), "concerns.factors[0]"),
                row("factor repeated", set("concerns.factors", List.of("3A", "16A", "3A")), "concerns.factors[2]"),
                row("no-factors code before another", set("concerns.factors", List.of("21", "3A")), "concerns.factors[0]"),
                row("no-factors code after another", set("concerns.factors", List.of("3A", "21")), "concerns.factors[1]"),
                row("over 30 factors", set("concerns.factors", List.copyOf(CensusCodes.ASSESSMENT_FACTORS.keySet()).subList(0, 31)),
                        "concerns.factors"),
                row("indicator not known", set("concerns.indicators", List.of("WEAPON_IN_HOME", "NOT_AN_INDICATOR")),
                        "concerns.indicators[1]"),
                row("indicator repeated", set("concerns.indicators", List.of("WEAPON_IN_HOME", "WEAPON_IN_HOME")),
                        "concerns.indicators[1]"),
                row("indicators not an array", set("concerns.indicators", "WEAPON_IN_HOME"), "concerns.indicators"),
                row("over 30 indicators", set("concerns.indicators", java.util.Collections.nCopies(31, "WEAPON_IN_HOME")),
                        "concerns.indicators"),
                row("narrative missing", remove("concerns.narrative"), "concerns.narrative"),
                row("narrative under 10 characters", set("concerns.narrative", "  Too short  "), "concerns.narrative"),
                row("narrative over 20,000 characters", set("concerns.narrative", "x".repeat(20_001)), "concerns.narrative"),
                row("narrative with a bell character", set("concerns.narrative", "Child present\u0007 at the home"),
                        "concerns.narrative"),
                row("narrative with a Unicode line separator", set("concerns.narrative", "Child present\u2028at the home"),
                        "concerns.narrative"),
                row("first language with a Unicode paragraph separator", set("child.firstLanguage", "Eng\u2029lish"),
                        "child.firstLanguage"),
                row("concerns unknown field", set("concerns.severity", "high"), "concerns.severity"),
                // awareSince
                row("aware since missing", remove("awareSince"), "awareSince"),
                row("aware since without an offset", set("awareSince", "2026-11-20T21:40:00"), "awareSince"),
                row("aware since a date only", set("awareSince", "2026-11-20"), "awareSince"),
                row("aware since in lower case", set("awareSince", "2026-11-20t21:40:00z"), "awareSince"),
                row("aware since not a real time", set("awareSince", "2026-11-20T25:40:00Z"), "awareSince"),
                row("aware since beyond the clock skew", set("awareSince", "2026-11-23T09:05:01Z"), "awareSince"),
                row("aware since long before conception", set("awareSince", "2015-07-03T22:59:59Z"), "awareSince"),
                row("aware since before an unborn child's conception",
                        all(unborn("2027-09-23"), set("awareSince", "2026-11-22T23:59:59Z")), "awareSince"),
                row("aware since as epoch seconds", set("awareSince", 1795729200), "awareSince"),
                // consent
                row("consent missing", remove("consent"), "consent"),
                row("consent status missing", remove("consent.status"), "consent.status"),
                row("consent status not in the list", set("consent.status", "IMPLIED"), "consent.status"),
                row("consent not sought without a reason", remove("consent.reason"), "consent.reason"),
                row("consent refused with a blank reason", all(set("consent.status", "REFUSED"), set("consent.reason", " ")),
                        "consent.reason"),
                row("consent reason over 2,000 characters", set("consent.reason", "r".repeat(2_001)), "consent.reason"),
                // immediateRisk, actionsTaken
                row("immediate risk missing", remove("immediateRisk"), "immediateRisk"),
                row("immediate risk as a string", set("immediateRisk", "false"), "immediateRisk"),
                row("immediate risk as a number", set("immediateRisk", 0), "immediateRisk"),
                row("actions taken over 5,000 characters", set("actionsTaken", "a".repeat(5_001)), "actionsTaken"),
                row("actions taken empty", set("actionsTaken", ""), "actionsTaken"),
                row("actions taken with an escape character", set("actionsTaken", "Officers\u001b attended"), "actionsTaken"),
                // unknown fields at the top
                row("unknown top-level field", set("nhsNo", "9434765919"), "nhsNo"),
                row("top-level field whose name is not an identifier", set("Sam Example", "x"), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedValues")
    void aBadValueIsRejectedAtItsField(String scenario, Consumer<ObjectNode> edit, String field) {
        SubmissionRejectedException rejected = rejection(policeExampleWith(edit));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_SUBMISSION);
        assertThat(fields(rejected)).containsExactly(field);
        assertThat(rejected.violations().get(0).problem()).isNotBlank();
    }

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(
                accepted("lower-case postcode without a space is normalised", set("child.address.postcode", "sl11aa"),
                        s -> assertThat(s.child().address().postcode()).isEqualTo("SL1 1AA")),
                accepted("central London postcode", set("child.address.postcode", " ec1a 1bb "),
                        s -> assertThat(s.child().address().postcode()).isEqualTo("EC1A 1BB")),
                accepted("address without a postcode", remove("child.address.postcode"),
                        s -> assertThat(s.child().address().postcode()).isNull()),
                accepted("NHS number spaced 3 3 4 is stored as ten digits", set("child.nhsNumber", "943 476 5919"),
                        s -> assertThat(s.child().nhsNumber()).isEqualTo("9434765919")),
                accepted("NHS number whose check digit is 0", set("child.nhsNumber", "6545055550"),
                        s -> assertThat(s.child().nhsNumber()).isEqualTo("6545055550")),
                accepted("anonymous contact without a referrer", all(set("referralSource", "9"), remove("referrer")),
                        s -> assertThat(s.referrer()).isNull()),
                accepted("anonymous contact with a nameless referrer",
                        all(set("referralSource", "9"), remove("referrer.name"), remove("referrer.agency")),
                        s -> assertThat(s.referrer().name()).isNull()),
                accepted("unborn child without names", all(unborn("2027-03-01"), remove("child.givenName"),
                                remove("child.familyName"), set("child.sex", "UNKNOWN")),
                        s -> {
                            assertThat(s.child().unborn()).isTrue();
                            assertThat(s.child().expectedDateOfBirth()).isEqualTo(LocalDate.of(2027, 3, 1));
                            assertThat(s.child().givenName()).isNull();
                        }),
                accepted("unborn child 14 days overdue", unborn("2026-11-09"),
                        s -> assertThat(s.child().unborn()).isTrue()),
                accepted("unborn child due in exactly 10 months",
                        all(unborn("2027-09-23"), set("awareSince", "2026-11-23T08:00:00Z")),
                        s -> assertThat(s.child().unborn()).isTrue()),
                accepted("child born today", set("child.dateOfBirth", "2026-11-23"),
                        s -> assertThat(s.child().dateOfBirth()).isEqualTo(LocalDate.of(2026, 11, 23))),
                accepted("child one day short of 18", set("child.dateOfBirth", "2008-11-24"),
                        s -> assertThat(s.child().dateOfBirth()).isEqualTo(LocalDate.of(2008, 11, 24))),
                accepted("consent given without a reason", all(set("consent.status", "GIVEN"), remove("consent.reason")),
                        s -> assertThat(s.consent()).isEqualTo(new Consent(ConsentStatus.GIVEN, null))),
                accepted("JSON null means not given for optional fields",
                        all(set("child.address.line2", null), set("child.ethnicity", null), set("household", null),
                                set("concerns.indicators", null), set("actionsTaken", null), set("referrer.email", null),
                                set("child.interpreterNeeded", null)),
                        s -> {
                            assertThat(s.household()).isEmpty();
                            assertThat(s.actionsTaken()).isNull();
                            assertThat(s.child().interpreterNeeded()).isNull();
                        }),
                accepted("accented and curly-apostrophe names", all(set("child.givenName", "Zoë-Ånne"),
                                set("child.familyName", "O\u2019Brien Núñez"), set("household[0].givenName", "Dr. Siân")),
                        s -> assertThat(s.child().familyName()).isEqualTo("O\u2019Brien Núñez")),
                accepted("names in other alphabets", all(set("child.givenName", "Анна"), set("child.familyName", "محمد")),
                        s -> assertThat(s.child().givenName()).isEqualTo("Анна")),
                accepted("a combining accent is stored composed", set("child.givenName", "Zoe\u0308"),
                        s -> assertThat(s.child().givenName()).isEqualTo("Zo\u00eb")),
                accepted("surrounding whitespace is trimmed", all(set("child.givenName", "  Sam "),
                                set("concerns.narrative", "\n  Child present at the home.  \n")),
                        s -> {
                            assertThat(s.child().givenName()).isEqualTo("Sam");
                            assertThat(s.concerns().narrative()).isEqualTo("Child present at the home.");
                        }),
                accepted("narrative with Windows line breaks and tabs",
                        set("concerns.narrative", "Line one\r\n\tLine two"),
                        s -> assertThat(s.concerns().narrative()).isEqualTo("Line one\r\n\tLine two")),
                accepted("aware since with a summer-time offset", set("awareSince", "2026-07-01T10:15:30.5+01:00"),
                        s -> assertThat(s.awareSince()).isEqualTo(Instant.parse("2026-07-01T09:15:30.500Z"))),
                accepted("aware since within the clock skew", set("awareSince", "2026-11-23T09:05:00Z"),
                        s -> assertThat(s.awareSince()).isEqualTo(Instant.parse("2026-11-23T09:05:00Z"))),
                accepted("aware since in the pregnancy", set("awareSince", "2015-07-04T00:00:00+01:00"),
                        s -> assertThat(s.awareSince()).isEqualTo(Instant.parse("2015-07-03T23:00:00Z"))),
                accepted("household member known only by relationship", set("household", json("[{\"relationship\":\"LODGER\"}]")),
                        s -> assertThat(s.household()).containsExactly(new HouseholdMember(null, null, "LODGER", null))),
                accepted("known indicators and several factors kept in order",
                        all(set("concerns.indicators", List.of("WEAPON_IN_HOME", "CHILD_PRESENT_AT_INCIDENT")),
                                set("concerns.factors", List.of("3A", "3B", "16A"))),
                        s -> {
                            assertThat(s.concerns().indicators()).containsExactly("WEAPON_IN_HOME", "CHILD_PRESENT_AT_INCIDENT");
                            assertThat(s.concerns().factors()).containsExactly("3A", "3B", "16A");
                        }),
                accepted("no factors identified on its own", set("concerns.factors", List.of("21")),
                        s -> assertThat(s.concerns().factors()).containsExactly("21")),
                accepted("international phone number", set("referrer.phone", "+44 (0)1753 000000"),
                        s -> assertThat(s.referrer().phone()).isEqualTo("+44 (0)1753 000000")),
                accepted("narrative of exactly 20,000 characters", set("concerns.narrative", "\uD83D\uDE00".repeat(20_000)),
                        s -> assertThat(s.concerns().narrative()).hasSize(40_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariants")
    void anAcceptableVariantIsReadAndNormalised(String scenario, Consumer<ObjectNode> edit,
                                                Consumer<ContactSubmission> expectation) {
        expectation.accept(read(policeExampleWith(edit)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        byte[] json = policeExampleWith(all(
                set("submissionId", "has spaces"),
                set("referralSource", "99"),
                set("referrer.email", "nope"),
                set("child.nhsNumber", "9434765918"),
                set("child.address.postcode", "XX"),
                set("household", json("[{\"relationship\":\"MOTHER\"},{\"relationship\":\"MOTHER\",\"dateOfBirth\":\"2030-01-01\"}]")),
                set("concerns.factors", List.of("21", "3A")),
                set("awareSince", "yesterday"),
                remove("consent.reason"),
                set("immediateRisk", "no"),
                set("extra", 1)));

        SubmissionRejectedException rejected = rejection(json);

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_SUBMISSION);
        assertThat(fields(rejected)).containsExactly(
                "extra",
                "submissionId",
                "referralSource",
                "referrer.email",
                "child.nhsNumber",
                "child.address.postcode",
                "household[1].dateOfBirth",
                "concerns.factors[0]",
                "awareSince",
                "consent.reason",
                "immediateRisk");
    }

    @Test
    void noViolationOrMessageRepeatsWhatWasSubmitted() {
        String marker = "Zqxv7731";
        ArrayNode household = (ArrayNode) json("[{\"relationship\":\"" + marker + "\",\"givenName\":\"" + marker
                + "\",\"dateOfBirth\":\"" + marker + "\"}]");
        byte[] json = policeExampleWith(all(
                set("submissionId", marker + " !"),
                set("referralSource", marker),
                set("referrer.phone", marker),
                set("referrer.email", marker),
                set("child.givenName", marker),
                set("child.familyName", marker + "\u0000"),
                set("child.dateOfBirth", marker),
                set("child.sex", marker),
                set("child.nhsNumber", marker),
                set("child.address.postcode", marker),
                set("child.address.line1", marker + "\u0007"),
                set("child.ethnicity", marker),
                set("household", household),
                set("concerns.factors", List.of(marker)),
                set("concerns.indicators", List.of(marker)),
                set("concerns.narrative", marker + "\u0001"),
                set("awareSince", marker),
                set("consent.status", marker),
                set("immediateRisk", marker),
                set("actionsTaken", marker + "\u0002")));

        SubmissionRejectedException rejected = rejection(json);

        assertThat(rejected.violations()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rejected.getMessage()).doesNotContain("7731");
        assertThat(rejected.violations()).allSatisfy(v -> {
            assertThat(v.field()).doesNotContain("7731");
            assertThat(v.problem()).doesNotContain("7731");
        });
    }

    @Test
    void anUnpairedSurrogateEscapeIsRejected() {
        // Written by hand: Jackson will not generate a lone surrogate, but a partner's encoder might.
        String body = new String(Submissions.bytes(policeExample()), StandardCharsets.UTF_8)
                .replace("\"givenName\":\"Sam\"", "\"givenName\":\"Sam\\uD800\"");

        SubmissionRejectedException rejected = rejection(body.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.violations()).containsExactly(
                new Violation("child.givenName", "contains an invalid character (unpaired surrogate)"));
    }

    @Test
    void aFieldNameThatIsNotAnIdentifierIsWithheld() {
        SubmissionRejectedException rejected = rejection(policeExampleWith(set("child.Sam Zqxv7731 Example", "x")));

        assertThat(rejected.violations()).containsExactly(
                new Violation("child", "has a field whose name is not allowed (name withheld)"));
        assertThat(rejected.getMessage()).doesNotContain("7731");
    }

    @Test
    void theMessageNamesTheReasonAndFieldsOnly() {
        SubmissionRejectedException rejected = rejection(policeExampleWith(all(
                set("child.nhsNumber", "9434765918"), set("household[0].dateOfBirth", "2099-01-01"))));

        assertThat(rejected).hasMessage("INVALID_SUBMISSION: child.nhsNumber, household[0].dateOfBirth");
    }

    @Test
    void aFloodOfProblemsIsCappedWithANote() {
        ObjectNode submission = policeExample();
        for (int i = 0; i < 150; i++) {
            submission.put("unknown" + i, i);
        }

        SubmissionRejectedException rejected = rejection(Submissions.bytes(submission));

        assertThat(rejected.violations()).hasSize(SubmissionReader.MAX_VIOLATIONS + 1);
        assertThat(rejected.violations().get(SubmissionReader.MAX_VIOLATIONS))
                .isEqualTo(new Violation("", "has more than 100 problems; the rest are not listed"));
        assertThat(rejected.getMessage()).contains(" and ").contains(" more");
    }

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                // Each pattern runs whatever the length: a backtracking or recursive pattern would take minutes
                // (a name with no letter at the end) or overflow the stack (an email of many domain labels).
                row("a name of 400,000 letters ending in a digit", set("child.givenName", "A".repeat(400_000) + "1"),
                        "child.givenName"),
                row("an email of 100,000 domain labels", set("referrer.email", "a@b" + ".c".repeat(100_000)),
                        "referrer.email"),
                row("a narrative of 150,000 line breaks", set("concerns.narrative", "a\n".repeat(150_000)),
                        "concerns.narrative"),
                row("a phone number of 200,000 brackets", set("referrer.phone", "(".repeat(200_000) + "x"),
                        "referrer.phone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void aHostileValueIsRefusedAtItsFieldWithoutStallingTheReader(String scenario, Consumer<ObjectNode> edit,
                                                                  String field) {
        byte[] json = policeExampleWith(edit);

        SubmissionRejectedException rejected = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejection(json));

        assertThat(fields(rejected)).containsExactly(field);
    }

    @Nested
    class TodayIsAnEnglishDate {

        @Test
        void aBirthJustAfterMidnightInSummerTimeIsNotInTheFuture() {
            // 23:30 UTC on 30 June is 00:30 on 1 July in London.
            SubmissionReader reader = reader(Instant.parse("2026-06-30T23:30:00Z"));

            ContactSubmission submission = reader.read(policeExampleWith(all(
                    set("child.dateOfBirth", "2026-07-01"), set("awareSince", "2026-06-30T23:00:00Z"))));

            assertThat(submission.child().dateOfBirth()).isEqualTo(LocalDate.of(2026, 7, 1));
        }

        @Test
        void aLeapDayChildTurns18OnTheFirstOfMarch() {
            byte[] json = policeExampleWith(all(set("child.dateOfBirth", "2008-02-29"),
                    set("awareSince", "2026-02-01T00:00:00Z")));

            assertThat(reader(Instant.parse("2026-02-28T12:00:00Z")).read(json).child().dateOfBirth())
                    .isEqualTo(LocalDate.of(2008, 2, 29));
            assertThat(fields(rejection(reader(Instant.parse("2026-03-01T12:00:00Z")), json)))
                    .containsExactly("child.dateOfBirth");
        }
    }

    @Nested
    class MalformedBodies {

        @Test
        void aSyntaxErrorGivesOnlyItsPosition() {
            byte[] json = "{\"child\": {\"givenName\": \"Zqxv7731\" ,, }}".getBytes(StandardCharsets.UTF_8);

            SubmissionRejectedException rejected = rejection(json);

            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(rejected.violations()).containsExactly(
                    new Violation("", "is not well-formed JSON (line 1, column 37)"));
            assertThat(rejected.getMessage()).isEqualTo("MALFORMED_JSON: (body)");
        }

        @Test
        void aTruncatedBodyIsMalformed() {
            byte[] whole = Submissions.bytes(policeExample());
            byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 20);

            assertThat(rejection(truncated).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        }

        @Test
        void aRepeatedFieldNameIsMalformedRatherThanSilentlyOverwritten() {
            String body = new String(Submissions.bytes(policeExample()), StandardCharsets.UTF_8)
                    .replace("\"nhsNumber\":\"9434765919\"", "\"nhsNumber\":\"9434765919\",\"nhsNumber\":\"6545055550\"");

            SubmissionRejectedException rejected = rejection(body.getBytes(StandardCharsets.UTF_8));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(rejected.violations()).singleElement()
                    .satisfies(v -> assertThat(v.problem()).startsWith("has a duplicate field name (line 1, column"));
        }

        @Test
        void contentAfterTheObjectIsMalformed() {
            byte[] json = (new String(Submissions.bytes(policeExample()), StandardCharsets.UTF_8) + " {}")
                    .getBytes(StandardCharsets.UTF_8);

            SubmissionRejectedException rejected = rejection(json);

            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(rejected.violations()).singleElement()
                    .satisfies(v -> assertThat(v.problem()).startsWith("has content after the JSON value"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n "})
        void anEmptyBodyIsMalformed(String body) {
            SubmissionRejectedException rejected = rejection(body.getBytes(StandardCharsets.UTF_8));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(rejected.violations()).containsExactly(new Violation("", "is empty"));
        }

        @Test
        void invalidUtf8IsMalformed() {
            byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

            assertThat(rejection(json).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"submission\"", "42", "null", "true"})
        void aBodyThatIsNotAnObjectIsInvalid(String body) {
            SubmissionRejectedException rejected = rejection(body.getBytes(StandardCharsets.UTF_8));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_SUBMISSION);
            assertThat(rejected.violations()).containsExactly(new Violation("", "must be a JSON object"));
        }

        @Test
        void anOversizeBodyIsRefusedUnread() {
            byte[] json = new byte[SubmissionReader.MAX_BODY_BYTES + 1];

            SubmissionRejectedException rejected = rejection(json);

            assertThat(rejected.reason()).isEqualTo(RejectionReason.TOO_LARGE);
            assertThat(fields(rejected)).containsExactly("");
        }
    }

    /** Found by the fuzz test (SubmissionFuzzTest): Jackson alone read these bytes as text. */
    @Nested
    class BytesThatAreNotUtf8 {

        /** C0AF and E080AF are overlong encodings of '/': "Sam" + C0AF was read as "Sam/", a valid submission id. */
        @ParameterizedTest
        @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "FF", "C328", "E282"})
        void are_refused_as_malformed_even_where_they_would_decode_to_an_allowed_character(String hex) {
            byte[] bad = java.util.HexFormat.of().parseHex(hex);
            byte[] body = policeExampleWith(set("submissionId", "Sam-MARK"));
            String text = new String(body, StandardCharsets.UTF_8);
            int at = text.indexOf("-MARK");
            byte[] spliced = new byte[body.length - 5 + bad.length];
            System.arraycopy(body, 0, spliced, 0, at);
            System.arraycopy(bad, 0, spliced, at, bad.length);
            System.arraycopy(body, at + 5, spliced, at + bad.length, body.length - at - 5);

            SubmissionRejectedException rejected = rejection(spliced);

            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(rejected.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEmpty();
                assertThat(violation.problem()).isEqualTo("is not valid UTF-8");
            });
        }
    }

    @Nested
    class ReferralSourceOfTheSendingAgency {

        private static final java.util.Set<String> SCHOOL = java.util.Set.of("2A", "2B");

        @Test
        void a_source_the_agency_may_use_is_accepted() {
            ContactSubmission read = reader().read(policeExampleWith(set("referralSource", "2B")), SCHOOL);

            assertThat(read.referralSource()).isEqualTo("2B");
        }

        @Test
        void a_school_may_not_say_it_is_the_police_and_is_told_which_sources_it_may_use() {
            SubmissionRejectedException rejected = catchThrowableOfType(SubmissionRejectedException.class,
                    () -> reader().read(policeExample().toString().getBytes(StandardCharsets.UTF_8),
                            new java.util.LinkedHashSet<>(List.of("2A", "2B"))));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_SUBMISSION);
            assertThat(rejected.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("referralSource");
                assertThat(violation.problem()).endsWith("may use 2A, 2B");
            });
        }

        @Test
        void the_agency_rule_is_reported_with_the_submissions_other_problems_in_one_answer() {
            SubmissionRejectedException rejected = catchThrowableOfType(SubmissionRejectedException.class,
                    () -> reader().read(policeExampleWith(remove("consent")), SCHOOL));

            assertThat(fields(rejected)).containsExactlyInAnyOrder("referralSource", "consent");
        }

        @Test
        void a_source_that_is_no_census_code_is_named_by_the_schema_not_by_the_agency_rule() {
            SubmissionRejectedException rejected = catchThrowableOfType(SubmissionRejectedException.class,
                    () -> reader().read(policeExampleWith(set("referralSource", "2Z")), SCHOOL));

            assertThat(rejected.violations()).singleElement().satisfies(violation ->
                    assertThat(violation.problem()).contains("census"));
        }

        @Test
        void with_no_sources_configured_any_census_code_is_accepted() {
            assertThat(reader().read(policeExampleWith(set("referralSource", "6")), java.util.Set.of()).referralSource())
                    .isEqualTo("6");
        }
    }

    private static Consumer<ObjectNode> unborn(String expectedDateOfBirth) {
        return all(remove("child.dateOfBirth"), remove("child.nhsNumber"),
                set("child.expectedDateOfBirth", expectedDateOfBirth));
    }

    private static ArrayNode household(int members) {
        ArrayNode household = Submissions.MAPPER.createArrayNode();
        for (int i = 0; i < members; i++) {
            household.addObject().put("relationship", "SIBLING");
        }
        return household;
    }

    private static Arguments row(String scenario, Consumer<ObjectNode> edit, String field) {
        return Arguments.of(scenario, edit, field);
    }

    private static Arguments accepted(String scenario, Consumer<ObjectNode> edit, Consumer<ContactSubmission> expectation) {
        return Arguments.of(scenario, edit, expectation);
    }
}
