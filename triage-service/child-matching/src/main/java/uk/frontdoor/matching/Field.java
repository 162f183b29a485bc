package uk.frontdoor.matching;

/** One comparison of the score: a fact about the child compared between the contact and a known child. */
public enum Field {
    NHS_NUMBER("nhs_number", "NHS number"),
    GIVEN_NAME("given_name", "given name"),
    FAMILY_NAME("family_name", "family name"),
    DATE_OF_BIRTH("date_of_birth", "date of birth"),
    /** Used instead of the date of birth when either child was unborn when recorded. */
    EXPECTED_DATE("expected_date", "expected date of birth"),
    /** Used only with {@link #EXPECTED_DATE}: for an unborn baby the mother is the other identifier. */
    MOTHER("mother", "mother's name"),
    ADDRESS("address", "address"),
    HOUSEHOLD("household", "household"),
    SEX("sex", "sex");

    private final String key;
    private final String label;

    Field(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name used in the parameters file. */
    public String key() {
        return key;
    }

    /** As a social worker reads it. */
    public String label() {
        return label;
    }
}
