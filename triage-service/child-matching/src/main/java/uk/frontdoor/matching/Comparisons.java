package uk.frontdoor.matching;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the comparison level of each field between a contact's child and a known child. A field that
 * either side lacks is present in the result with a null level (neither for nor against).
 */
final class Comparisons {

    /** Jaro-Winkler similarity at or above which two names are taken as one name mistyped. */
    static final double SIMILAR_NAME = 0.92;

    private static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;

    private final Nicknames nicknames;
    private final int expectedDateWindowDays;
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

    Comparisons(Nicknames nicknames, int expectedDateWindowDays) {
        this.nicknames = nicknames;
        this.expectedDateWindowDays = expectedDateWindowDays;
    }

    Map<Field, Level> compare(Prepared in, Prepared known) {
        Map<Field, Level> levels = new EnumMap<>(Field.class);
        levels.put(Field.NHS_NUMBER, nhsNumber(in, known));
        levels.put(Field.GIVEN_NAME, givenName(in, known));
        levels.put(Field.FAMILY_NAME, familyName(in, known));
        if (in.dateOfBirth() != null && known.dateOfBirth() != null) {
            levels.put(Field.DATE_OF_BIRTH, dateOfBirth(in.dateOfBirth(), known.dateOfBirth()));
        } else if (in.expectedDateOfBirth() != null || known.expectedDateOfBirth() != null) {
            levels.put(Field.EXPECTED_DATE, expectedDate(in, known));
            levels.put(Field.MOTHER, mother(in.mother(), known.mother()));
        } else {
            levels.put(Field.DATE_OF_BIRTH, null);
        }
        levels.put(Field.ADDRESS, address(in, known));
        levels.put(Field.HOUSEHOLD, household(in, known));
        levels.put(Field.SEX, in.sex() == null || known.sex() == null ? null
                : in.sex() == known.sex() ? Level.SEX_AGREE : Level.SEX_DISAGREE);
        return levels;
    }

    private static Level nhsNumber(Prepared in, Prepared known) {
        if (in.nhsNumber() == null || known.nhsNumber() == null) {
            return null;
        }
        return in.nhsNumber().equals(known.nhsNumber()) ? Level.NHS_NUMBER_AGREE : Level.NHS_NUMBER_DISAGREE;
    }

    Level givenName(Prepared in, Prepared known) {
        Set<String> a = in.givenNames();
        Set<String> b = known.givenNames();
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (intersects(a, b)) {
            return Level.GIVEN_NAME_EXACT;
        }
        if (transposed(in, known)) {
            return Level.GIVEN_NAME_TRANSPOSED;
        }
        if (any(a, b, nicknames::areNicknames)) {
            return Level.GIVEN_NAME_NICKNAME;
        }
        if (any(a, b, this::similar)) {
            return Level.GIVEN_NAME_SIMILAR;
        }
        if (any(a, b, (x, y) -> in.sounds().of(x).soundAlike(known.sounds().of(y)))) {
            return Level.GIVEN_NAME_SOUNDS_ALIKE;
        }
        return Level.GIVEN_NAME_DIFFERENT;
    }

    Level familyName(Prepared in, Prepared known) {
        String a = in.familyName();
        String b = known.familyName();
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return Level.FAMILY_NAME_EXACT;
        }
        if (known.previousFamilyNames().contains(a) || in.previousFamilyNames().contains(b)
                || intersects(in.previousFamilyNames(), known.previousFamilyNames())) {
            return Level.FAMILY_NAME_PREVIOUS;
        }
        if (transposed(in, known)) {
            return Level.FAMILY_NAME_TRANSPOSED;
        }
        if (similar(a, b)) {
            return Level.FAMILY_NAME_SIMILAR;
        }
        if (in.sounds().of(a).soundAlike(known.sounds().of(b))) {
            return Level.FAMILY_NAME_SOUNDS_ALIKE;
        }
        return Level.FAMILY_NAME_DIFFERENT;
    }

    /** "Khan Ali" for "Ali Khan": each side's given name is the other's family name. */
    private static boolean transposed(Prepared in, Prepared known) {
        return in.familyName() != null && known.familyName() != null
                && in.givenNames().contains(known.familyName()) && known.givenNames().contains(in.familyName());
    }

    static Level dateOfBirth(LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            return Level.DATE_OF_BIRTH_EXACT;
        }
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth()) {
            return Level.DATE_OF_BIRTH_DAY_MONTH_SWAPPED;
        }
        if (oneDigitOff(digits(a), digits(b))) {
            return Level.DATE_OF_BIRTH_ONE_DIGIT;
        }
        if (a.getYear() == b.getYear()) {
            return Level.DATE_OF_BIRTH_SAME_YEAR;
        }
        return Level.DATE_OF_BIRTH_DIFFERENT;
    }

    /**
     * The date's eight digits, {@code yyyyMMdd}, as {@link DateTimeFormatter#BASIC_ISO_DATE} writes a date of the years
     * 0 to 9999, without the formatter's work (other years by the formatter).
     */
    static String digits(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return DIGITS.format(date);
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        char[] digits = {(char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
                (char) ('0' + year % 10), (char) ('0' + month / 10), (char) ('0' + month % 10), (char) ('0' + day / 10),
                (char) ('0' + day % 10)};
        return new String(digits);
    }

    /**
     * Damerau-Levenshtein distance 1 between two eight-digit dates: one digit typed wrong, or two next to
     * each other typed the wrong way round. Same length, so an insertion or deletion cannot occur alone.
     */
    static boolean oneDigitOff(String a, String b) {
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                differences++;
            }
        }
        if (differences == 1) {
            return true;
        }
        return differences == 2 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
    }

    private Level expectedDate(Prepared in, Prepared known) {
        LocalDate a = in.dateOfBirth() != null ? in.dateOfBirth() : in.expectedDateOfBirth();
        LocalDate b = known.dateOfBirth() != null ? known.dateOfBirth() : known.expectedDateOfBirth();
        if (a == null || b == null) {
            return null;
        }
        return Math.abs(ChronoUnit.DAYS.between(a, b)) <= expectedDateWindowDays
                ? Level.EXPECTED_DATE_NEAR : Level.EXPECTED_DATE_FAR;
    }

    private Level mother(Prepared.Member a, Prepared.Member b) {
        if (a == null || b == null) {
            return null;
        }
        boolean given = intersects(a.givenNames(), b.givenNames());
        boolean family = a.familyName() != null && a.familyName().equals(b.familyName());
        if (given && family) {
            return Level.MOTHER_SAME;
        }
        boolean nearGiven = given || any(a.givenNames(), b.givenNames(), (x, y) -> similar(x, y)
                || nicknames.areNicknames(x, y));
        boolean nearFamily = family || (a.familyName() != null && b.familyName() != null
                && similar(a.familyName(), b.familyName()));
        // A mother may have changed her family name; her given name carries most of the evidence.
        return nearGiven && (nearFamily || a.familyName() == null || b.familyName() == null)
                ? Level.MOTHER_SIMILAR : Level.MOTHER_DIFFERENT;
    }

    private static Level address(Prepared in, Prepared known) {
        if (in.postcode() == null || known.postcode() == null) {
            return null;
        }
        if (in.postcode().equals(known.postcode())) {
            return in.addressLine() != null && in.addressLine().equals(known.addressLine())
                    ? Level.ADDRESS_SAME_HOME : Level.ADDRESS_SAME_POSTCODE;
        }
        if (known.previousPostcodes().contains(in.postcode()) || in.previousPostcodes().contains(known.postcode())
                || intersects(in.previousPostcodes(), known.previousPostcodes())) {
            return Level.ADDRESS_PREVIOUS;
        }
        if (Normalise.sector(in.postcode()).equals(Normalise.sector(known.postcode()))) {
            return Level.ADDRESS_SAME_SECTOR;
        }
        if (Normalise.district(in.postcode()).equals(Normalise.district(known.postcode()))) {
            return Level.ADDRESS_SAME_DISTRICT;
        }
        return Level.ADDRESS_DIFFERENT;
    }

    private Level household(Prepared in, Prepared known) {
        if (namedIn(in, known.household()) || namedIn(known, in.household())) {
            return Level.HOUSEHOLD_NAME_EACH_OTHER;
        }
        if (in.household().isEmpty() || known.household().isEmpty()) {
            return null;
        }
        int shared = 0;
        for (Prepared.Member a : in.household()) {
            for (Prepared.Member b : known.household()) {
                if (sameMember(a, b)) {
                    shared++;
                    break;
                }
            }
        }
        return shared >= 2 ? Level.HOUSEHOLD_TWO_OR_MORE : shared == 1 ? Level.HOUSEHOLD_ONE : Level.HOUSEHOLD_NONE;
    }

    /**
     * The child appears in the other's household: a brother, sister or twin, not the same child. Only
     * members born on the child's date of birth (or of unknown birth) count, so that a father who shares
     * his son's name does not. The family name is not compared: it is the one most often mistyped.
     */
    private boolean namedIn(Prepared child, List<Prepared.Member> household) {
        for (Prepared.Member member : household) {
            boolean sameBirth = member.dateOfBirth() == null || child.dateOfBirth() == null
                    || member.dateOfBirth().equals(child.dateOfBirth());
            if (sameBirth && intersects(member.givenNames(), child.givenNames())) {
                return true;
            }
        }
        return false;
    }

    private boolean sameMember(Prepared.Member a, Prepared.Member b) {
        if (a.dateOfBirth() != null && b.dateOfBirth() != null && !a.dateOfBirth().equals(b.dateOfBirth())) {
            return false;
        }
        return intersects(a.givenNames(), b.givenNames())
                || any(a.givenNames(), b.givenNames(), (x, y) -> nicknames.areNicknames(x, y) || similar(x, y));
    }

    boolean similar(String a, String b) {
        return jaroWinkler.apply(a, b) >= SIMILAR_NAME;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        if (a.size() > b.size()) {
            return intersects(b, a);
        }
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private interface Pair {
        boolean test(String a, String b);
    }

    private static boolean any(Set<String> a, Set<String> b, Pair test) {
        for (String x : a) {
            for (String y : b) {
                if (test.test(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
