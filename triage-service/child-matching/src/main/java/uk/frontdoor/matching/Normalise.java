package uk.frontdoor.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling for each way a name, postcode or NHS number can be written, so that comparisons see
 * what differs and not how it was typed.
 */
public final class Normalise {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$");
    private static final Pattern NOT_POSTCODE = Pattern.compile("[^A-Z0-9]");
    private static final Pattern NHS_SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

    private Normalise() {
    }

    /**
     * A name as words: lower case, accents stripped ("Zoë" is "zoe"), apostrophes dropped ("O'Brien" is
     * "obrien"), hyphens, dots and runs of spaces made one space.
     *
     * @return null when nothing is left
     */
    public static String nameWords(String name) {
        if (name == null) {
            return null;
        }
        return isAscii(name) ? asciiWords(name) : wordsInGeneral(name);
    }

    /**
     * {@link #nameWords} of plain ASCII, which most names and address lines are, without the regular expressions:
     * nothing decomposes or needs a letter of its own, so it is lower case, apostrophes dropped and every run of
     * anything but letters and digits one space, none at either end (the matching hot path normalises every fact
     * of every contact and candidate).
     */
    private static String asciiWords(String name) {
        StringBuilder words = new StringBuilder(name.length());
        boolean separated = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\'' || c == '`') {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (separated && !words.isEmpty()) {
                    words.append(' ');
                }
                separated = false;
                words.append(c);
            } else {
                separated = true;
            }
        }
        return words.isEmpty() ? null : words.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link #nameWords} of any text, by Unicode decomposition and regular expressions. */
    static String wordsInGeneral(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.toLowerCase(Locale.ROOT)
                // Letters that do not decompose into a base letter and a mark.
                .replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll(" ").trim();
        return text.isEmpty() ? null : text;
    }

    /** A name with its words run together ("Smith-Jones", "smith jones" and "SmithJones" are one name). */
    public static String name(String name) {
        String words = nameWords(name);
        return words == null ? null : words.replace(" ", "");
    }

    /** The first word of a name ("Mary Ann" is called "mary"). */
    public static String firstWord(String name) {
        String words = nameWords(name);
        if (words == null) {
            return null;
        }
        int space = words.indexOf(' ');
        return space < 0 ? words : words.substring(0, space);
    }

    /**
     * A UK postcode in capitals without spaces ("sw1a 1aa" is "SW1A1AA").
     *
     * @return null when it is not shaped like a postcode
     */
    public static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = NOT_POSTCODE.matcher(postcode.toUpperCase(Locale.ROOT)).replaceAll("");
        return POSTCODE.matcher(compact).matches() ? compact : null;
    }

    /** The outward code, or district ("SW1A"), of a normalised postcode. */
    public static String district(String normalisedPostcode) {
        return normalisedPostcode == null ? null : normalisedPostcode.substring(0, normalisedPostcode.length() - 3);
    }

    /** The sector ("SW1A1"): the district and the first character of the inward code. */
    public static String sector(String normalisedPostcode) {
        return normalisedPostcode == null ? null : normalisedPostcode.substring(0, normalisedPostcode.length() - 2);
    }

    /**
     * An NHS number as ten digits.
     *
     * @return null when it is not ten digits with a valid modulus 11 check digit: a mistyped number says
     *         nothing about who the child is, so it is treated as unknown rather than as a disagreement
     */
    public static String nhsNumber(String nhsNumber) {
        if (nhsNumber == null) {
            return null;
        }
        String digits = NHS_SEPARATORS.matcher(nhsNumber).replaceAll("");
        if (!TEN_DIGITS.matcher(digits).matches()) {
            return null;
        }
        return nhsCheckDigit(digits.substring(0, 9)) == digits.charAt(9) - '0' ? digits : null;
    }

    /** @return the modulus 11 check digit for nine digits, or -1 when there is none (the number is never issued) */
    public static int nhsCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** A first address line as words, for "same home" ("12a, Acacia Ave." is "12a acacia ave"). */
    public static String addressLine(String line) {
        return nameWords(line);
    }
}
