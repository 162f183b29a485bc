package uk.frontdoor.matching;

import org.apache.commons.codec.language.DoubleMetaphone;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Double Metaphone codes (primary and alternate) of one side's names, worked out when first asked for and then
 * kept with its {@link Prepared} facts, instead of again for every pair compared: a contact is compared with every
 * candidate, and a candidate held between batches with every contact that finds it. Most pairs are settled before
 * the sound test, so nothing is worked out until a pair needs it.
 * <p>
 * Thread-safe: the codes are worked out in full, put in an immutable map and published through a plain field; a
 * thread that sees no map yet works out the same one (as {@link String#hashCode()} caches its hash).
 */
final class SoundCodes {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    /** A name's codes: {@link DoubleMetaphone#doubleMetaphone(String, boolean)}, without and with alternate. */
    record Codes(String primary, String alternate) {

        static Codes of(String name) {
            return new Codes(METAPHONE.doubleMetaphone(name, false), METAPHONE.doubleMetaphone(name, true));
        }

        /**
         * As {@link DoubleMetaphone#isDoubleMetaphoneEqual(String, String, boolean)} with and without alternate:
         * the codes compared as it compares them (two names with no code are equal).
         */
        boolean soundAlike(Codes other) {
            return Objects.equals(primary, other.primary) || Objects.equals(alternate, other.alternate);
        }
    }

    private final Set<String> givenNames;
    private final String familyName;
    private Map<String, Codes> codes;

    SoundCodes(Set<String> givenNames, String familyName) {
        this.givenNames = givenNames;
        this.familyName = familyName;
    }

    /** The codes of this name: one of the side's given names or its family name, else worked out now. */
    Codes of(String name) {
        Map<String, Codes> known = codes;
        if (known == null) {
            Map<String, Codes> all = new HashMap<>();
            givenNames.forEach(given -> all.put(given, Codes.of(given)));
            if (familyName != null) {
                all.putIfAbsent(familyName, Codes.of(familyName));
            }
            known = Map.copyOf(all);
            codes = known;
        }
        Codes found = known.get(name);
        return found != null ? found : Codes.of(name);
    }
}
