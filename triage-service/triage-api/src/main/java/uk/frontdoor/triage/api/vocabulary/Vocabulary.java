package uk.frontdoor.triage.api.vocabulary;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The plain words staff read for the child's events and the codes they carry, from one resource
 * bundle ({@code uk/frontdoor/triage/api/vocabulary/words.properties}): the chronology's lines, the
 * staff pages' labels and the chronology's CSV export all ask here, so a consent decision reads
 * "Refusal overridden (manager)" wherever it is shown, never {@code REFUSAL_OVERRIDDEN}.
 *
 * <p>Plain {@link ResourceBundle} and {@link MessageFormat}, no Spring: the projections and the
 * pages share it through the published language. A change of wording belongs here, not in an event.
 */
public final class Vocabulary {

    static final String BUNDLE = "uk.frontdoor.triage.api.vocabulary.words";

    private static final Vocabulary PLAIN_ENGLISH = new Vocabulary(ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            Vocabulary.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));

    private final ResourceBundle words;

    private Vocabulary(ResourceBundle words) {
        this.words = words;
    }

    /** The service's vocabulary: British English. */
    public static Vocabulary plainEnglish() {
        return PLAIN_ENGLISH;
    }

    /** The words for {@code prefix.CODE} (an enum's name or the value's text), if the vocabulary has them. */
    public Optional<String> find(String prefix, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = prefix + "." + code(value);
        return words.containsKey(key) ? Optional.of(words.getString(key)) : Optional.empty();
    }

    /**
     * The words for a code, e.g. {@code word("consent", REFUSAL_OVERRIDDEN)} is "Refusal overridden
     * (manager)"; a code without words is made readable ({@code YOUTH_OFFENDING_TEAM} as "Youth
     * offending team"), so a new code never breaks what staff read. Empty for no value.
     */
    public String word(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        return find(prefix, value).orElseGet(() -> readable(code(value)));
    }

    /**
     * A code that may also be free text someone typed (an attendee's agency): its words if it is a
     * known code, otherwise exactly as given.
     */
    public String wordOrAsGiven(String prefix, String value) {
        return value == null ? "" : find(prefix, value).orElse(value);
    }

    /**
     * A line from its pattern ({@code line.*} keys), e.g. {@code line("ConsentRecorded", "Refused")}.
     * A missing pattern is a programming error: every line the code asks for is in the bundle, and a
     * test reads each one.
     */
    public String line(String key, Object... arguments) {
        String pattern;
        try {
            pattern = words.getString("line." + key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No line pattern line." + key + " in the vocabulary", e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.UK).format(arguments);
    }

    /**
     * Words placed inside a sentence: "Secure email" reads "secure email" after "by". Words starting
     * with an abbreviation ("LADO", "MASH", "A&amp;E") are left as they are.
     */
    public static String inSentence(String words) {
        if (words == null || words.length() < 2 || !Character.isLowerCase(words.charAt(1))) {
            return words;
        }
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code YOUTH_JUSTICE} → "Youth justice", {@code ContactReceived} → "Contact received". */
    public static String readable(String code) {
        String words = code.contains("_") || code.equals(code.toUpperCase(Locale.ROOT))
                ? code.replace('_', ' ').toLowerCase(Locale.ROOT)
                : code.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String code(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }
}
