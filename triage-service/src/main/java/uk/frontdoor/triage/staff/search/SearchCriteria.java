package uk.frontdoor.triage.staff.search;

import uk.frontdoor.matching.Normalise;
import uk.frontdoor.triage.api.query.FindChildren;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a member of staff typed to find a child, checked: the page and the API ask here, so both refuse
 * the same searches with the same words. Problems name the field (the API's parameter) and never repeat
 * what was typed.
 */
final class SearchCriteria {

    static final String GIVEN_NAME = "givenName";
    static final String FAMILY_NAME = "familyName";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String NHS_NUMBER = "nhsNumber";
    static final String POSTCODE = "postcode";
    private static final List<String> FIELDS = List.of(GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER, POSTCODE);

    /** The problem with a search that gives nothing (the page's error summary links to the first field). */
    static final String NOTHING_GIVEN = "Enter at least one detail of the child: a given or family name (at least "
            + FindChildren.MIN_NAME_LETTERS + " letters), a date of birth, an NHS number or a postcode";

    /** One problem, for the field it concerns. */
    record Problem(String field, String message) {
    }

    /** The query to send, or why there is none. */
    record Parsed(FindChildren query, List<Problem> problems) {

        Parsed {
            problems = List.copyOf(problems);
        }

        boolean valid() {
            return query != null;
        }
    }

    private SearchCriteria() {
    }

    /**
     * @param dateOfBirth already read: from ISO text by the API ({@link #isoDate}), from its three fields by the page
     * @param earlier     problems found reading the date
     */
    static Parsed parse(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                        String postcode, List<Problem> earlier) {
        List<Problem> problems = new ArrayList<>(earlier);
        name(givenName, GIVEN_NAME, "given name", problems);
        name(familyName, FAMILY_NAME, "family name", problems);
        String nhs = null;
        if (present(nhsNumber)) {
            nhs = Normalise.nhsNumber(nhsNumber);
            if (nhs == null) {
                problems.add(new Problem(NHS_NUMBER,
                        "Enter an NHS number as 10 digits, like 943 476 5919; this one is not a valid NHS number"));
            }
        }
        String code = null;
        if (present(postcode)) {
            code = Normalise.postcode(postcode);
            if (code == null) {
                problems.add(new Problem(POSTCODE, "Enter a whole postcode, like SL1 2EL"));
            }
        }
        boolean anything = present(givenName) || present(familyName) || dateOfBirth != null || present(nhsNumber)
                || present(postcode);
        if (!anything && problems.isEmpty()) {
            problems.add(new Problem(GIVEN_NAME, NOTHING_GIVEN));
        }
        if (!problems.isEmpty()) {
            // In the order of the form, as the error summary lists them.
            problems.sort(java.util.Comparator.comparingInt(problem -> FIELDS.indexOf(problem.field().split("-")[0])));
            return new Parsed(null, problems);
        }
        return new Parsed(new FindChildren(givenName, familyName, dateOfBirth, nhs, code), problems);
    }

    /** An ISO date as the API takes it; null (and a problem) when it is not a real date. */
    static LocalDate isoDate(String text, List<Problem> problems) {
        if (!present(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            problems.add(new Problem(DATE_OF_BIRTH, "Enter the date of birth as a real date in the form"
                    + " year-month-day, like 2017-03-07"));
            return null;
        }
    }

    private static void name(String name, String field, String words, List<Problem> problems) {
        if (present(name) && FindChildren.letters(name) < FindChildren.MIN_NAME_LETTERS) {
            problems.add(new Problem(field, "Enter at least " + FindChildren.MIN_NAME_LETTERS + " letters of the "
                    + words + ", or leave it empty"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
