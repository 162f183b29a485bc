package uk.frontdoor.intake.submission;

/**
 * NHS number check (NHS Data Dictionary, "NHS Number"): ten digits, the last a modulus-11 check digit
 * over the first nine weighted 10 down to 2. A remainder giving 11 means check digit 0; one giving 10
 * means the number was never issued.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /**
     * @param tenDigits exactly ten ASCII digits, no spaces (normalise first)
     * @return whether it is a well-formed NHS number. Besides the check digit this refuses numbers made
     *         of one repeated digit (such as 0000000000 or 9999999999): they pass modulus 11 but are the
     *         placeholders systems use for "not known", and matching a child on one would merge strangers.
     */
    public static boolean isValid(String tenDigits) {
        if (tenDigits == null || tenDigits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = tenDigits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        if (tenDigits.chars().distinct().count() == 1) {
            return false;
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
