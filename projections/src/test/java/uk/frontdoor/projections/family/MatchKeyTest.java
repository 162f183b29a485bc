package uk.frontdoor.projections.family;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.frontdoor.projections.family.MatchKey.Kind;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ContactSubmission.Address;
import uk.frontdoor.triage.api.value.ContactSubmission.HouseholdMember;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchKeyTest {

    private static final LocalDate BORN = LocalDate.of(2016, 5, 4);

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "Sam, Example, sam|example|2016-05-04",
            "SAM, example, sam|example|2016-05-04",
            "' Anne-Marie ', O'Brien, annemarie|obrien|2016-05-04",
            "Anne Marie, O Brien, annemarie|obrien|2016-05-04",
            "Zoë, Łukasiewicz-Nuñez, zoe|łukasiewicznunez|2016-05-04",
            "Renée, Doe, renee|doe|2016-05-04",
    })
    void names_are_compared_without_case_accents_hyphens_apostrophes_or_spaces(String given, String family,
                                                                              String key) {
        assertThat(MatchKey.person(given, family, BORN)).hasValue(key);
    }

    @Test
    void a_person_without_both_names_and_a_date_of_birth_gives_no_key() {
        assertThat(MatchKey.person("Sam", null, BORN)).isEmpty();
        assertThat(MatchKey.person(" - ", "Example", BORN)).isEmpty();
        assertThat(MatchKey.person("Sam", "Example", null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, {1} is {2}")
    @CsvSource({
            "1 High Street, SL1 1AA, SL11AA|1 high street",
            "'1,  High  Street.', sl1 1aa, SL11AA|1 high street",
            "Flat 2-3 Tower Court, SL1-1AA, SL11AA|flat 2 3 tower court",
    })
    void addresses_are_postcode_and_first_line_without_case_punctuation_or_extra_spaces(String line1, String postcode,
                                                                                         String key) {
        assertThat(MatchKey.address(new Address(line1, null, "Slough", postcode))).hasValue(key);
    }

    @Test
    void an_address_without_a_postcode_or_first_line_gives_no_key() {
        assertThat(MatchKey.address(new Address("1 High Street", null, "Slough", null))).isEmpty();
        assertThat(MatchKey.address(new Address(" ", null, "Slough", "SL1 1AA"))).isEmpty();
    }

    @Test
    void a_submission_gives_the_childs_own_key_its_address_named_siblings_and_parents_only() {
        var child = new ContactSubmission.Child("Sam", "Example", BORN, null, ContactSubmission.Sex.MALE, null,
                new Address("1 High Street", null, "Slough", "SL1 1AA"), null, null, null);
        List<HouseholdMember> household = List.of(
                new HouseholdMember("Alex", "Example", "MOTHER", LocalDate.of(1990, 1, 1)),
                new HouseholdMember("Chris", "Example", "FATHER", null),
                new HouseholdMember("Jo", "Example", "SIBLING", LocalDate.of(2014, 2, 3)),
                new HouseholdMember("Max", "Other", "HALF_SIBLING", LocalDate.of(2019, 7, 8)),
                new HouseholdMember("Pat", "Lodger", "LODGER", LocalDate.of(1980, 1, 1)),
                new HouseholdMember("Gran", "Example", "GRANDPARENT", LocalDate.of(1950, 1, 1)));
        var submission = new ContactSubmission("S-1", "6", null, child, household, null, null, null, false, null);

        assertThat(MatchKey.of(submission)).containsExactlyInAnyOrder(
                new MatchKey(Kind.CHILD, "sam|example|2016-05-04"),
                new MatchKey(Kind.ADDRESS, "SL11AA|1 high street"),
                new MatchKey(Kind.PARENT, "alex|example|1990-01-01"),
                new MatchKey(Kind.NAMED_SIBLING, "jo|example|2014-02-03"),
                new MatchKey(Kind.NAMED_SIBLING, "max|other|2019-07-08"));
    }

    @Test
    void an_unborn_child_gives_no_key_of_its_own() {
        var unborn = new ContactSubmission.Child("Baby", "Example", null, LocalDate.of(2027, 1, 1), null, null,
                null, null, null, null);
        var submission = new ContactSubmission("S-2", "1A", null, unborn,
                List.of(new HouseholdMember("Alex", "Example", "MOTHER", LocalDate.of(1990, 1, 1))),
                null, null, null, false, null);

        assertThat(MatchKey.of(submission)).containsExactly(new MatchKey(Kind.PARENT, "alex|example|1990-01-01"));
    }
}
