package uk.frontdoor.triage.child.reception;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped referral standard, scored as a table: a row per referral, the kind of agency whose list applied, the
 * score and the gaps it must name.
 */
class ReferralStandardTest {

    private static final ReferralStandard STANDARD = ReferralStandard.loadDefault();
    /** The police example, its narrative told as a notification tells it (the standard asks for 20 words or more). */
    private static final ContactSubmission POLICE = with(Examples.domesticAbuseNotification("NICHE-1"),
            s -> new ContactSubmission(s.submissionId(), s.referralSource(), s.referrer(), s.child(), s.household(),
                    new ContactSubmission.Concerns(s.concerns().factors(), s.concerns().indicators(),
                            "Officers were called at 21:40 to a verbal argument between the mother and her partner;"
                                    + " Sam, aged ten, was in the next room and heard it."),
                    s.awareSince(), s.consent(), false, s.actionsTaken()));

    static Stream<Arguments> referrals() {
        return Stream.of(
                // The police example gives every element the police list expects.
                Arguments.of("a complete police notification", POLICE, "POLICE", 9, 9, List.of()),
                Arguments.of("a police notification with no household, no actions and a bare narrative",
                        with(POLICE, s -> new ContactSubmission(s.submissionId(), s.referralSource(), s.referrer(),
                                s.child(), List.of(), new ContactSubmission.Concerns(s.concerns().factors(), List.of(),
                                "Neglect concerns."), s.awareSince(), s.consent(), false, null)),
                        "POLICE", 5, 9, List.of("PARENTS_OR_CARERS", "CONCERN_DESCRIBED", "RISK_INDICATORS",
                                "ACTIONS_TAKEN")),
                // A GP (3A) is held to the health list, which expects the NHS number and the child's language.
                Arguments.of("a GP's referral without the NHS number", with(POLICE, s -> source(child(s,
                        new ContactSubmission.Child("Sam", "Example", LocalDate.parse("2016-05-04"), null,
                                ContactSubmission.Sex.MALE, null, s.child().address(), "WBRI", null, null)), "3A")),
                        "HEALTH", 8, 10, List.of("NHS_NUMBER", "LANGUAGE")),
                // An unborn child has no NHS number yet: not expected, so not counted either way.
                Arguments.of("a midwife's referral of an unborn child", with(POLICE, s -> source(child(s,
                        new ContactSubmission.Child(null, null, null, LocalDate.parse("2027-03-01"),
                                ContactSubmission.Sex.UNKNOWN, null, s.child().address(), null, "English", false)),
                        "3F")), "HEALTH", 9, 9, List.of()),
                Arguments.of("a school's referral with no postcode and no ethnicity", with(POLICE, s -> source(child(s,
                        new ContactSubmission.Child("Sam", "Example", LocalDate.parse("2016-05-04"), null,
                                ContactSubmission.Sex.MALE, null,
                                new ContactSubmission.Address("1 High Street", null, "Slough", null), "NOBT",
                                "English", false)), "2A")),
                        "EDUCATION", 8, 10, List.of("ADDRESS", "ETHNICITY")),
                // An anonymous caller is not asked for a way back, nor a professional's detail.
                Arguments.of("an anonymous call", with(POLICE, s -> new ContactSubmission(s.submissionId(), "9", null,
                        s.child(), List.of(), new ContactSubmission.Concerns(List.of("16A"), List.of(),
                        "The children are often left alone."), s.awareSince(), s.consent(), false, null)),
                        "ANONYMOUS", 2, 3, List.of("CONCERN_DESCRIBED")),
                // Housing (4) has no list of its own: the DEFAULT list applies.
                Arguments.of("housing, held to the default list", with(POLICE, s -> source(s, "4")), "HOUSING", 10, 10,
                        List.of()),
                Arguments.of("consent refused with no reason given", with(POLICE, s -> new ContactSubmission(
                        s.submissionId(), s.referralSource(), s.referrer(), s.child(), s.household(), s.concerns(),
                        s.awareSince(), new ContactSubmission.Consent(ContactSubmission.ConsentStatus.REFUSED, null),
                        false, s.actionsTaken())), "POLICE", 8, 9, List.of("CONSENT")),
                Arguments.of("a referrer with neither phone nor email", with(POLICE, s -> new ContactSubmission(
                        s.submissionId(), s.referralSource(),
                        new ContactSubmission.Referrer("PC A. Example", "Officer", "Thames Valley Police", null, null),
                        s.child(), s.household(), s.concerns(), s.awareSince(), s.consent(), false, s.actionsTaken())),
                        "POLICE", 8, 9, List.of("REFERRER_CONTACT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referrals")
    void a_referral_is_scored_against_its_agency_types_list(String name, ContactSubmission referral, String agencyType,
                                                            int met, int of, List<String> gaps) {
        ThresholdAssessed.Completeness completeness = STANDARD.score(referral);

        assertThat(completeness.standard())
                .isEqualTo(new ThresholdAssessed.ReferralStandard("demo-council-referral-standard", "2026.1"));
        assertThat(completeness.agencyType()).isEqualTo(agencyType);
        assertThat(completeness.gaps()).extracting(ThresholdAssessed.Gap::element).containsExactlyElementsOf(gaps);
        assertThat(completeness.met()).isEqualTo(met);
        assertThat(completeness.of()).isEqualTo(of);
        assertThat(completeness.gaps()).allSatisfy(gap -> assertThat(gap.description()).isNotBlank());
    }

    @Test
    void a_gap_is_worded_as_the_standard_words_it() {
        var completeness = STANDARD.score(with(POLICE, s -> new ContactSubmission(s.submissionId(),
                s.referralSource(), s.referrer(), s.child(), s.household(), s.concerns(), s.awareSince(),
                s.consent(), false, null)));

        assertThat(completeness.gaps()).containsExactly(new ThresholdAssessed.Gap("ACTIONS_TAKEN",
                "What the referrer has already done about the concern"));
        assertThat(completeness.percent()).isEqualTo(88);
    }

    @Test
    void a_council_file_sets_its_own_lists_words_and_version() throws Exception {
        var standard = read("""
                id: slough-referral-standard
                version: "2027.2"
                concernMinimumWords: 3
                elements:
                  ACTIONS_TAKEN: Tell us what you have done
                  CONCERN_DESCRIBED: Tell us what happened
                agencyTypes:
                  DEFAULT: [CONCERN_DESCRIBED]
                  POLICE: [CONCERN_DESCRIBED, ACTIONS_TAKEN]
                """);

        var completeness = standard.score(with(POLICE, s -> new ContactSubmission(s.submissionId(),
                s.referralSource(), s.referrer(), s.child(), s.household(), s.concerns(), s.awareSince(),
                s.consent(), false, null)));

        assertThat(completeness.standard()).isEqualTo(new ThresholdAssessed.ReferralStandard(
                "slough-referral-standard", "2027.2"));
        assertThat(completeness.of()).isEqualTo(2);
        assertThat(completeness.gaps()).containsExactly(new ThresholdAssessed.Gap("ACTIONS_TAKEN",
                "Tell us what you have done"));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("""
                        version: "1"
                        concernMinimumWords: 3
                        elements: {ACTIONS_TAKEN: Say}
                        agencyTypes: {DEFAULT: [ACTIONS_TAKEN]}
                        """, "it needs an id and a version"),
                Arguments.of("""
                        id: x
                        version: "1"
                        concernMinimumWords: 3
                        elements: {ACTIONS_TAKEN: Say}
                        agencyTypes: {POLICE: [ACTIONS_TAKEN]}
                        """, "agencyTypes needs a DEFAULT list"),
                Arguments.of("""
                        id: x
                        version: "1"
                        concernMinimumWords: 3
                        elements: {ACTIONS_TAKEN: Say, SHOE_SIZE: Say}
                        agencyTypes: {DEFAULT: [ACTIONS_TAKEN]}
                        """, "elements names SHOE_SIZE, which is not an element the service can check"),
                Arguments.of("""
                        id: x
                        version: "1"
                        concernMinimumWords: 3
                        elements: {ACTIONS_TAKEN: Say}
                        agencyTypes: {DEFAULT: [ACTIONS_TAKEN, CONSENT]}
                        """, "agencyTypes.DEFAULT lists CONSENT, which has no words under elements"),
                Arguments.of("""
                        id: x
                        version: "1"
                        concernMinimumWords: 3
                        elements: {ACTIONS_TAKEN: Say}
                        agencyTypes: {DEFAULT: [ACTIONS_TAKEN], SCHOOLS: [ACTIONS_TAKEN]}
                        """, "agencyTypes names SCHOOLS, which is not DEFAULT or an agency type"),
                Arguments.of("""
                        id: x
                        version: "1"
                        elements: {ACTIONS_TAKEN: Say}
                        agencyTypes: {DEFAULT: [ACTIONS_TAKEN]}
                        """, "concernMinimumWords must be a number of words"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFiles")
    void a_broken_file_is_refused_naming_the_fault(String yaml, String fault) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Referral standard test.yaml is not valid")
                .hasMessageContaining(fault);
    }

    private static ReferralStandard read(String yaml) throws Exception {
        return ReferralStandard.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static ContactSubmission with(ContactSubmission base, UnaryOperator<ContactSubmission> change) {
        return change.apply(base);
    }

    private static ContactSubmission source(ContactSubmission s, String referralSource) {
        return new ContactSubmission(s.submissionId(), referralSource, s.referrer(), s.child(), s.household(),
                s.concerns(), s.awareSince(), s.consent(), s.immediateRisk(), s.actionsTaken());
    }

    private static ContactSubmission child(ContactSubmission s, ContactSubmission.Child child) {
        return new ContactSubmission(s.submissionId(), s.referralSource(), s.referrer(), child, s.household(),
                s.concerns(), s.awareSince(), s.consent(), s.immediateRisk(), s.actionsTaken());
    }
}
