package uk.frontdoor.matching;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One table per comparison: what each pair of written values counts as. */
class ComparisonsTest {

    /** What the sound test said per pair before its codes were kept: commons-codec, with and without alternate. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final Comparisons comparisons = new Comparisons(Nicknames.standard(), 45);

    private Map<Field, Level> compare(IdentityFacts a, IdentityFacts b) {
        return comparisons.compare(Prepared.of(a), Prepared.of(b));
    }

    private static IdentityFacts named(String given, String family, String... previousFamilyNames) {
        IdentityFacts.Builder b = IdentityFacts.builder().familyName(given == null && family == null ? null : family);
        if (given != null) {
            b.givenNames(given.split("\\|"));
        }
        Arrays.stream(previousFamilyNames).forEach(b::previousFamilyName);
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} vs {2} {3}: given {4}, family {5}")
    @CsvSource(nullValues = "NULL", value = {
            "Oliver, Smith, Oliver, Smith, GIVEN_NAME_EXACT, FAMILY_NAME_EXACT",
            "OLIVER, SMITH, oliver, smith, GIVEN_NAME_EXACT, FAMILY_NAME_EXACT",
            "Zoë, O'Brien, Zoe, OBrien, GIVEN_NAME_EXACT, FAMILY_NAME_EXACT",
            "Amelia, Smith-Jones, Amelia, Smith Jones, GIVEN_NAME_EXACT, FAMILY_NAME_EXACT",
            "Mary Ann, Smith, Mary, Smith, GIVEN_NAME_EXACT, FAMILY_NAME_EXACT",
            "Bill, Smith, William, Smith, GIVEN_NAME_NICKNAME, FAMILY_NAME_EXACT",
            "Liam, Smith, William, Smith, GIVEN_NAME_NICKNAME, FAMILY_NAME_EXACT",
            "Liz, Jones, Elizabeth, Jones, GIVEN_NAME_NICKNAME, FAMILY_NAME_EXACT",
            "Mohammed, Khan, Muhammad, Khan, GIVEN_NAME_NICKNAME, FAMILY_NAME_EXACT",
            "Olivre, Smith, Oliver, Smith, GIVEN_NAME_SIMILAR, FAMILY_NAME_EXACT",
            "Oliver, Smtih, Oliver, Smith, GIVEN_NAME_EXACT, FAMILY_NAME_SIMILAR",
            "Oliver, Jonson, Oliver, Johnson, GIVEN_NAME_EXACT, FAMILY_NAME_SIMILAR",
            "Katelyn, Smith, Caitlin, Smith, GIVEN_NAME_SOUNDS_ALIKE, FAMILY_NAME_EXACT",
            "Oliver, Philips, Oliver, Fillips, GIVEN_NAME_EXACT, FAMILY_NAME_SOUNDS_ALIKE",
            "Khan, Ali, Ali, Khan, GIVEN_NAME_TRANSPOSED, FAMILY_NAME_TRANSPOSED",
            "Oliver, Smith, Amelia, Smith, GIVEN_NAME_DIFFERENT, FAMILY_NAME_EXACT",
            "Oliver, Smith, Oliver, Patel, GIVEN_NAME_EXACT, FAMILY_NAME_DIFFERENT",
            "NULL, Smith, Oliver, Smith, NULL, FAMILY_NAME_EXACT",
            "Oliver, NULL, Oliver, Smith, GIVEN_NAME_EXACT, NULL",
    })
    void names(String givenA, String familyA, String givenB, String familyB, Level given, Level family) {
        Map<Field, Level> levels = compare(named(givenA, familyA), named(givenB, familyB));
        assertThat(levels.get(Field.GIVEN_NAME)).isEqualTo(given);
        assertThat(levels.get(Field.FAMILY_NAME)).isEqualTo(family);
    }

    /**
     * The sound test on each side's codes worked out once ({@link SoundCodes}) says for every pair of names what
     * commons-codec's {@code isDoubleMetaphoneEqual} with and without alternate says, and the levels follow it:
     * names that sound alike by the primary code, only by the alternate, not at all, and a name with no code.
     */
    @Test
    void soundCodesWorkedOutOnceSayWhatDoubleMetaphoneSays() {
        List<String> names = List.of("katelyn", "caitlin", "kaitlyn", "philips", "fillips", "phillips", "smith",
                "smyth", "schmidt", "schmitt", "jones", "johns", "thompson", "tomson", "khan", "kahn", "xavier",
                "zavier", "cathy", "kathy", "gough", "goff", "wright", "right", "mohammed", "muhammad", "sean",
                "shaun", "stephen", "steven", "aoife", "eva", "siobhan", "chevonne", "zoe", "tsoe", "jose", "hosay",
                "nguyen", "win", "wagner", "vagner", "", "h", "wh");
        int alike = 0;
        int byAlternateOnly = 0;
        for (String a : names) {
            for (String b : names) {
                boolean expected = METAPHONE.isDoubleMetaphoneEqual(a, b, false) || METAPHONE.isDoubleMetaphoneEqual(a, b, true);
                SoundCodes.Codes codesA = Prepared.of(named(a.isEmpty() ? null : a, a)).sounds().of(a);
                SoundCodes.Codes codesB = new SoundCodes(java.util.Set.of(), null).of(b);
                assertThat(codesA.soundAlike(codesB)).as("%s and %s", a, b).isEqualTo(expected);
                if (!a.equals(b) && expected) {
                    alike++;
                    if (!java.util.Objects.equals(codesA.primary(), codesB.primary())) {
                        byAlternateOnly++;
                    }
                }
            }
        }
        assertThat(alike).as("pairs of different names that sound alike").isGreaterThan(20);
        assertThat(byAlternateOnly).as("of them, alike only by their alternate codes").isPositive();
        // The levels: a given name that sounds like any of the other's, and family names, by the codes held.
        assertThat(compare(named("Bob|Katelyn", "Smith"), named("Caitlin", "Smith")))
                .containsEntry(Field.GIVEN_NAME, Level.GIVEN_NAME_SOUNDS_ALIKE);
        assertThat(compare(named("Bob", "Smith"), named("Caitlin", "Smith")))
                .containsEntry(Field.GIVEN_NAME, Level.GIVEN_NAME_DIFFERENT);
        assertThat(compare(named("Oliver", "Philips"), named("Oliver", "Fillips")))
                .containsEntry(Field.FAMILY_NAME, Level.FAMILY_NAME_SOUNDS_ALIKE);
    }

    /** A date's digits as the ISO basic formatter writes them, for every day of 1890 to 2040 and the years' edges. */
    @Test
    void aDatesDigitsAreWhatTheIsoBasicFormatterWrites() {
        java.time.format.DateTimeFormatter basic = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
        for (LocalDate day = LocalDate.of(1890, 1, 1); day.getYear() <= 2040; day = day.plusDays(1)) {
            assertThat(Comparisons.digits(day)).isEqualTo(basic.format(day));
        }
        for (LocalDate day : List.of(LocalDate.of(0, 1, 1), LocalDate.of(9, 12, 31), LocalDate.of(999, 7, 4),
                LocalDate.of(9999, 12, 31))) {
            assertThat(Comparisons.digits(day)).isEqualTo(basic.format(day));
        }
        // A year the formatter cannot write four digits of fails as it failed.
        for (LocalDate day : List.of(LocalDate.of(10000, 1, 1), LocalDate.of(-1, 3, 3))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> basic.format(day))
                    .isInstanceOf(java.time.DateTimeException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Comparisons.digits(day))
                    .isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void aKnownPreviousFamilyNameIsItsOwnLevelOnEitherSide() {
        assertThat(compare(named("Ava", "Green"), named("Ava", "Brown", "Green")).get(Field.FAMILY_NAME))
                .isEqualTo(Level.FAMILY_NAME_PREVIOUS);
        assertThat(compare(named("Ava", "Green", "Brown"), named("Ava", "Brown")).get(Field.FAMILY_NAME))
                .isEqualTo(Level.FAMILY_NAME_PREVIOUS);
    }

    @Test
    void anyOfAKnownChildsGivenNamesCounts() {
        assertThat(compare(named("William", "Smith"), named("Bill|William", "Smith")).get(Field.GIVEN_NAME))
                .isEqualTo(Level.GIVEN_NAME_EXACT);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(nullValues = "NULL", value = {
            "2015-03-07, 2015-03-07, DATE_OF_BIRTH_EXACT",
            "2015-03-07, 2015-07-03, DATE_OF_BIRTH_DAY_MONTH_SWAPPED",
            "2015-03-07, 2015-03-08, DATE_OF_BIRTH_ONE_DIGIT",
            "2015-03-07, 2016-03-07, DATE_OF_BIRTH_ONE_DIGIT",
            "2015-12-01, 2015-12-10, DATE_OF_BIRTH_ONE_DIGIT",
            "2015-03-07, 2015-11-20, DATE_OF_BIRTH_SAME_YEAR",
            "2015-03-07, 2012-08-20, DATE_OF_BIRTH_DIFFERENT",
    })
    void datesOfBirth(String a, String b, Level expected) {
        Map<Field, Level> levels = compare(born(a), born(b));
        assertThat(levels).containsKey(Field.DATE_OF_BIRTH);
        assertThat(levels.get(Field.DATE_OF_BIRTH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
            "20150307, 20150307, false",
            "20150307, 20150308, true",
            "20150312, 20150321, true",
            "20150307, 20510307, true",
            "20150307, 20150309, true",
            "20150307, 20160308, false",
            "20150312, 20150231, false",
    })
    void oneDigitOffIsDamerauLevenshteinOne(String a, String b, boolean oneOff) {
        assertThat(Comparisons.oneDigitOff(a, b)).isEqualTo(oneOff);
    }

    private static IdentityFacts born(String date) {
        return IdentityFacts.builder().dateOfBirth(date == null ? null : LocalDate.parse(date)).build();
    }

    @ParameterizedTest(name = "{0} ({1}) vs {2} ({3}): {4}, mother {5}")
    @CsvSource(nullValues = "NULL", value = {
            // An unborn baby referred by the midwife, then the same baby born a fortnight early.
            "expected 2026-05-20, Sarah Green, born 2026-05-06, Sarah Green, EXPECTED_DATE_NEAR, MOTHER_SAME",
            "expected 2026-05-20, Sarah Green, expected 2026-06-01, Sarah Green, EXPECTED_DATE_NEAR, MOTHER_SAME",
            "expected 2026-05-20, Sarah Green, born 2026-05-06, Sara Green, EXPECTED_DATE_NEAR, MOTHER_SIMILAR",
            "expected 2026-05-20, Sarah Green, born 2026-05-06, Sarah Brown, EXPECTED_DATE_NEAR, MOTHER_DIFFERENT",
            "expected 2026-05-20, Sarah Green, born 2026-09-06, Sarah Green, EXPECTED_DATE_FAR, MOTHER_SAME",
            "expected 2026-05-20, Sarah Green, born 2026-05-06, Kelly Green, EXPECTED_DATE_NEAR, MOTHER_DIFFERENT",
            "expected 2026-05-20, NULL, born 2026-05-06, Sarah Green, EXPECTED_DATE_NEAR, NULL",
    })
    void unbornByExpectedDateAndMother(String a, String motherA, String b, String motherB, Level date, Level mother) {
        Map<Field, Level> levels = compare(unborn(a, motherA), unborn(b, motherB));
        assertThat(levels.get(Field.EXPECTED_DATE)).isEqualTo(date);
        assertThat(levels.get(Field.MOTHER)).isEqualTo(mother);
        assertThat(levels).doesNotContainKey(Field.DATE_OF_BIRTH);
    }

    private static IdentityFacts unborn(String when, String mother) {
        String[] parts = when.split(" ");
        IdentityFacts.Builder b = IdentityFacts.builder();
        if (parts[0].equals("expected")) {
            b.expectedDateOfBirth(LocalDate.parse(parts[1]));
        } else {
            b.dateOfBirth(LocalDate.parse(parts[1]));
        }
        if (mother != null) {
            b.mother(mother.split(" ")[0], mother.split(" ")[1]);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} / {1} vs {2} / {3}: {4}")
    @CsvSource(nullValues = "NULL", value = {
            "LS1 4AP, 12 Acacia Avenue, ls14ap, 12 acacia avenue, ADDRESS_SAME_HOME",
            "LS1 4AP, 12 Acacia Avenue, LS1 4AP, 14 Acacia Avenue, ADDRESS_SAME_POSTCODE",
            "LS1 4AP, NULL, LS1 4AP, 12 Acacia Avenue, ADDRESS_SAME_POSTCODE",
            "LS1 4AP, NULL, LS1 4BQ, NULL, ADDRESS_SAME_SECTOR",
            "LS1 4AP, NULL, LS1 6BQ, NULL, ADDRESS_SAME_DISTRICT",
            "LS1 4AP, NULL, M1 1AE, NULL, ADDRESS_DIFFERENT",
            "LS1 4AP, NULL, NULL, NULL, NULL",
            "not a postcode, NULL, LS1 4AP, NULL, NULL",
    })
    void addresses(String postcodeA, String lineA, String postcodeB, String lineB, Level expected) {
        assertThat(compare(lived(postcodeA, lineA), lived(postcodeB, lineB)).get(Field.ADDRESS)).isEqualTo(expected);
    }

    @Test
    void aPreviousAddressOfEitherIsTheOthersAddress() {
        IdentityFacts movedAway = IdentityFacts.builder().postcode("M1 1AE").previousPostcode("LS1 4AP").build();
        IdentityFacts knownThere = IdentityFacts.builder().postcode("LS1 4AP").build();
        assertThat(compare(movedAway, knownThere).get(Field.ADDRESS)).isEqualTo(Level.ADDRESS_PREVIOUS);
        assertThat(compare(knownThere, movedAway).get(Field.ADDRESS)).isEqualTo(Level.ADDRESS_PREVIOUS);
    }

    private static IdentityFacts lived(String postcode, String line) {
        IdentityFacts.Builder b = IdentityFacts.builder().postcode(postcode);
        if (line != null) {
            b.addressLine(line);
        }
        return b.build();
    }

    private static final LocalDate TWINS = LocalDate.parse("2018-04-02");

    @Test
    void householdMembersInCommon() {
        IdentityFacts a = IdentityFacts.builder().givenNames("Ava").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Sarah", "Green", null).householdMember("William", "Green", null)
                .householdMember("Leo", "Green", LocalDate.parse("2020-01-01")).build();
        IdentityFacts twoShared = IdentityFacts.builder().givenNames("Ava").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Sarah", "Green", null).householdMember("Bill", "Green", null).build();
        IdentityFacts oneShared = IdentityFacts.builder().givenNames("Ava").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Sarah", "Green", null).householdMember("Tom", "Green", null).build();
        IdentityFacts noneShared = IdentityFacts.builder().givenNames("Ava").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Kelly", "Green", null).build();
        IdentityFacts sameNameOtherBirth = IdentityFacts.builder().givenNames("Ava").familyName("Green")
                .dateOfBirth(TWINS).householdMember("Leo", "Green", LocalDate.parse("2011-01-01")).build();
        IdentityFacts noHousehold = IdentityFacts.builder().givenNames("Ava").familyName("Green").build();

        assertThat(compare(a, twoShared).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_TWO_OR_MORE);
        assertThat(compare(a, oneShared).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_ONE);
        assertThat(compare(a, noneShared).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_NONE);
        assertThat(compare(a, sameNameOtherBirth).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_NONE);
        assertThat(compare(a, noHousehold)).containsEntry(Field.HOUSEHOLD, null);
    }

    @Test
    void aChildNamedInTheOthersHouseholdIsASiblingOrTwin() {
        IdentityFacts ava = IdentityFacts.builder().givenNames("Ava").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Sarah", "Green", null).householdMember("Isla", "Green", TWINS).build();
        IdentityFacts isla = IdentityFacts.builder().givenNames("Isla").familyName("Green").dateOfBirth(TWINS)
                .householdMember("Sarah", "Green", null).householdMember("Ava", "Green", null).build();
        assertThat(compare(ava, isla).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_NAME_EACH_OTHER);
        assertThat(compare(isla, ava).get(Field.HOUSEHOLD)).isEqualTo(Level.HOUSEHOLD_NAME_EACH_OTHER);
    }

    @Test
    void aFatherWithHisSonsNameDoesNotMakeTheSonASibling() {
        IdentityFacts son = IdentityFacts.builder().givenNames("James").familyName("Green").dateOfBirth(TWINS).build();
        IdentityFacts knownWithFather = IdentityFacts.builder().givenNames("James").familyName("Green")
                .dateOfBirth(TWINS).householdMember("James", "Green", LocalDate.parse("1985-06-01")).build();
        assertThat(compare(son, knownWithFather).get(Field.HOUSEHOLD)).isNull();
    }

    @ParameterizedTest(name = "{0} vs {1}: NHS {2}")
    @CsvSource(nullValues = "NULL", value = {
            "9434765919, 943 476 5919, NHS_NUMBER_AGREE",
            "9434765919, 4010232137, NHS_NUMBER_DISAGREE",
            "9434765919, NULL, NULL",
            "9434765918, 9434765919, NULL",
    })
    void nhsNumbers(String a, String b, Level expected) {
        assertThat(compare(IdentityFacts.builder().nhsNumber(a).build(), IdentityFacts.builder().nhsNumber(b).build())
                .get(Field.NHS_NUMBER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(nullValues = "NULL", value = {
            "FEMALE, FEMALE, SEX_AGREE",
            "FEMALE, MALE, SEX_DISAGREE",
            "FEMALE, NULL, NULL",
    })
    void sex(IdentityFacts.Sex a, IdentityFacts.Sex b, Level expected) {
        assertThat(compare(IdentityFacts.builder().sex(a).build(), IdentityFacts.builder().sex(b).build())
                .get(Field.SEX)).isEqualTo(expected);
    }

    @Test
    void everyFieldIsReportedEvenWhenNothingIsKnown() {
        IdentityFacts nothing = IdentityFacts.builder().build();
        assertThat(compare(nothing, nothing).keySet()).containsExactlyInAnyOrderElementsOf(List.of(Field.NHS_NUMBER,
                Field.GIVEN_NAME, Field.FAMILY_NAME, Field.DATE_OF_BIRTH, Field.ADDRESS, Field.HOUSEHOLD, Field.SEX));
        assertThat(compare(nothing, nothing).values()).containsOnlyNulls();
    }
}
