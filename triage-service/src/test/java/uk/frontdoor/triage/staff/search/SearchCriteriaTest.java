package uk.frontdoor.triage.staff.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.frontdoor.triage.api.query.FindChildren;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCriteriaTest {

    /** Empty cells are parameters not given. */
    @ParameterizedTest(name = "[{index}] {0}|{1}|{2}|{3}|{4} refused for {5}")
    @CsvSource(delimiter = '|', textBlock = """
              |          |            |             |          | givenName
              | '  '     |            |             |          | givenName
            A |          |            |             |          | givenName
              | O'       |            |             |          | familyName
            J | Smith    |            |             |          | givenName
              | Smith    | 2017-13-01 |             |          | dateOfBirth
              | Smith    | 7/3/2017   |             |          | dateOfBirth
              |          |            | 1234567890  |          | nhsNumber
              |          |            | 94347659    |          | nhsNumber
              |          |            |             | Slough   | postcode
              |          |            |             | SL1      | postcode
            """)
    void refused(String given, String family, String dob, String nhs, String postcode, String field) {
        SearchCriteria.Parsed parsed = parse(given, family, dob, nhs, postcode);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(SearchCriteria.Problem::field).containsExactly(field);
    }

    @ParameterizedTest(name = "[{index}] {0}|{1}|{2}|{3}|{4}")
    @CsvSource(delimiter = '|', textBlock = """
            Jo |          |            |              |
               | O'Neil   |            |              |
               |          | 2017-03-07 |              |
               |          |            | 943 476 5919 |
               |          |            |              | sl1 2el
            Zoë | Ng      | 2017-03-07 | 9434765919   | SL1 2EL
            """)
    void accepted(String given, String family, String dob, String nhs, String postcode) {
        SearchCriteria.Parsed parsed = parse(given, family, dob, nhs, postcode);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.query()).isNotNull();
    }

    @Test
    void theNhsNumberAndPostcodeAreSentNormalised() {
        FindChildren query = parse(null, null, null, "943-476-5919", "sl1 2el").query();

        assertThat(query.nhsNumber()).isEqualTo("9434765919");
        assertThat(query.postcode()).isEqualTo("SL12EL");
    }

    @Test
    void problemsComeInTheFormsOrder() {
        List<SearchCriteria.Problem> date = new ArrayList<>();
        LocalDate born = SearchCriteria.isoDate("2017-02-31", date);
        SearchCriteria.Parsed parsed = SearchCriteria.parse("A", "B", born, "123", "nowhere", date);

        assertThat(parsed.problems()).extracting(SearchCriteria.Problem::field)
                .containsExactly("givenName", "familyName", "dateOfBirth", "nhsNumber", "postcode");
        assertThat(parsed.problems()).extracting(SearchCriteria.Problem::message)
                .noneMatch(message -> message.contains("nowhere") || message.contains("2017-02-31"));
    }

    @Test
    void theQueryItselfRefusesASearchThatSaysNothing() {
        assertThatThrownBy(() -> new FindChildren(" ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindChildren("A", "Smith", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SearchCriteria.Parsed parse(String given, String family, String dob, String nhs, String postcode) {
        List<SearchCriteria.Problem> problems = new ArrayList<>();
        LocalDate born = SearchCriteria.isoDate(dob, problems);
        return SearchCriteria.parse(given, family, born, nhs, postcode, problems);
    }
}
