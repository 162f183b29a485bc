package uk.frontdoor.matching;

import java.util.Arrays;
import java.util.List;

/**
 * A comparison level: how closely one {@link Field} agrees, best first within each field. Each level has
 * its own m and u probability in the {@link MatchParameters}.
 */
public enum Level {
    NHS_NUMBER_AGREE(Field.NHS_NUMBER, "agree", "the same"),
    NHS_NUMBER_DISAGREE(Field.NHS_NUMBER, "disagree", "different"),

    GIVEN_NAME_EXACT(Field.GIVEN_NAME, "exact", "the same"),
    GIVEN_NAME_TRANSPOSED(Field.GIVEN_NAME, "transposed", "given and family names swapped"),
    GIVEN_NAME_NICKNAME(Field.GIVEN_NAME, "nickname", "a short or familiar form"),
    GIVEN_NAME_SIMILAR(Field.GIVEN_NAME, "similar", "spelt slightly differently"),
    GIVEN_NAME_SOUNDS_ALIKE(Field.GIVEN_NAME, "sounds_alike", "sounds the same"),
    GIVEN_NAME_DIFFERENT(Field.GIVEN_NAME, "different", "different"),

    FAMILY_NAME_EXACT(Field.FAMILY_NAME, "exact", "the same"),
    FAMILY_NAME_PREVIOUS(Field.FAMILY_NAME, "previous", "a family name the child had before"),
    FAMILY_NAME_TRANSPOSED(Field.FAMILY_NAME, "transposed", "given and family names swapped"),
    FAMILY_NAME_SIMILAR(Field.FAMILY_NAME, "similar", "spelt slightly differently"),
    FAMILY_NAME_SOUNDS_ALIKE(Field.FAMILY_NAME, "sounds_alike", "sounds the same"),
    FAMILY_NAME_DIFFERENT(Field.FAMILY_NAME, "different", "different"),

    DATE_OF_BIRTH_EXACT(Field.DATE_OF_BIRTH, "exact", "the same"),
    DATE_OF_BIRTH_DAY_MONTH_SWAPPED(Field.DATE_OF_BIRTH, "day_month_swapped", "day and month swapped"),
    DATE_OF_BIRTH_ONE_DIGIT(Field.DATE_OF_BIRTH, "one_digit", "one digit different"),
    DATE_OF_BIRTH_SAME_YEAR(Field.DATE_OF_BIRTH, "same_year", "same year only"),
    DATE_OF_BIRTH_DIFFERENT(Field.DATE_OF_BIRTH, "different", "different"),

    EXPECTED_DATE_NEAR(Field.EXPECTED_DATE, "near", "born or due near the expected date"),
    EXPECTED_DATE_FAR(Field.EXPECTED_DATE, "far", "born or due far from the expected date"),

    MOTHER_SAME(Field.MOTHER, "same", "the same"),
    MOTHER_SIMILAR(Field.MOTHER, "similar", "spelt slightly differently"),
    MOTHER_DIFFERENT(Field.MOTHER, "different", "different"),

    ADDRESS_SAME_HOME(Field.ADDRESS, "same_home", "same postcode and first line"),
    ADDRESS_SAME_POSTCODE(Field.ADDRESS, "same_postcode", "same postcode"),
    ADDRESS_PREVIOUS(Field.ADDRESS, "previous", "a previous address of one is the other's"),
    ADDRESS_SAME_SECTOR(Field.ADDRESS, "same_sector", "same postcode sector"),
    ADDRESS_SAME_DISTRICT(Field.ADDRESS, "same_district", "same postcode district"),
    ADDRESS_DIFFERENT(Field.ADDRESS, "different", "different"),

    HOUSEHOLD_NAME_EACH_OTHER(Field.HOUSEHOLD, "name_each_other", "one lists the other as a household member"),
    HOUSEHOLD_TWO_OR_MORE(Field.HOUSEHOLD, "two_or_more", "two or more members in common"),
    HOUSEHOLD_ONE(Field.HOUSEHOLD, "one", "one member in common"),
    HOUSEHOLD_NONE(Field.HOUSEHOLD, "none", "no members in common"),

    SEX_AGREE(Field.SEX, "agree", "the same"),
    SEX_DISAGREE(Field.SEX, "disagree", "different");

    private final Field field;
    private final String key;
    private final String description;

    Level(Field field, String key, String description) {
        this.field = field;
        this.key = key;
        this.description = description;
    }

    public Field field() {
        return field;
    }

    /** As in the parameters file: {@code date_of_birth.day_month_swapped}. */
    public String key() {
        return field.key() + "." + key;
    }

    public String description() {
        return description;
    }

    public static List<Level> of(Field field) {
        return Arrays.stream(values()).filter(l -> l.field == field).toList();
    }
}
