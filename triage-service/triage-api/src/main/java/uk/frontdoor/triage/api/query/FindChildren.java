package uk.frontdoor.triage.api.query;

import java.time.LocalDate;

/**
 * Staff looking for a child by what they know of them: any mix of given name, family name, date of
 * birth, NHS number and postcode. Answered with {@link ChildSearchResults}: the known children these
 * details could be, ranked by the score that matches contacts on receipt.
 *
 * <p>Values are as the member of staff typed them, except that the edge that asks has already checked
 * them: the NHS number is ten digits with a valid check digit, the postcode a whole UK postcode. A search
 * must say something about the child (a name of at least {@value #MIN_NAME_LETTERS} letters, a date of
 * birth, an NHS number or a postcode): a lone initial would list half the children known.
 *
 * @param givenName   null when not searched by
 * @param familyName  null when not searched by
 * @param dateOfBirth null when not searched by
 * @param nhsNumber   ten digits; null when not searched by
 * @param postcode    a whole postcode, in any spacing or case; null when not searched by
 */
public record FindChildren(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                           String postcode) {

    /** A name searched by has at least this many letters. */
    public static final int MIN_NAME_LETTERS = 2;

    public FindChildren {
        givenName = blankToNull(givenName);
        familyName = blankToNull(familyName);
        nhsNumber = blankToNull(nhsNumber);
        postcode = blankToNull(postcode);
        if (givenName == null && familyName == null && dateOfBirth == null && nhsNumber == null && postcode == null) {
            throw new IllegalArgumentException("a search needs at least one detail of the child");
        }
        if (givenName != null && letters(givenName) < MIN_NAME_LETTERS
                || familyName != null && letters(familyName) < MIN_NAME_LETTERS) {
            throw new IllegalArgumentException("a name searched by needs at least " + MIN_NAME_LETTERS + " letters");
        }
    }

    /** How many letters a name has, whatever else it has (spaces, hyphens, apostrophes). */
    public static long letters(String name) {
        return name == null ? 0 : name.codePoints().filter(Character::isLetter).count();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
