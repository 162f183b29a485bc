package uk.frontdoor.projections.family;

import uk.frontdoor.triage.api.value.ContactSubmission;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A normalised key that two contacts can have in common, and the rules for reading them from a
 * submission. Keys are exact after normalisation: a near match (a nickname, a typing slip) is the
 * business of identity matching, which decides whether two records are one child; here only what
 * referrers wrote the same way, give or take case, accents, hyphens, apostrophes and spacing, relates
 * two children.
 *
 * @param kind what the key is of
 * @param key  the normalised value, e.g. {@code sam|example|2016-05-04} or {@code SL11AA|1 high street}
 */
record MatchKey(Kind kind, String key) {

    enum Kind {
        /** The child's own names and date of birth. */
        CHILD,
        /** A household member named as a sibling or half sibling: names and date of birth. */
        NAMED_SIBLING,
        /** Postcode and first line of the child's address. */
        ADDRESS,
        /** A named mother or father: names and date of birth. */
        PARENT
    }

    private static final Set<String> SIBLINGS = Set.of("SIBLING", "HALF_SIBLING");
    private static final Set<String> PARENTS = Set.of("MOTHER", "FATHER");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    MatchKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Every key a submission gives. A person without both names and a date of birth gives no key:
     * a name alone is too common to relate two children by. An unborn child gives no CHILD key.
     */
    static Set<MatchKey> of(ContactSubmission submission) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        ContactSubmission.Child child = submission.child();
        if (child != null) {
            person(child.givenName(), child.familyName(), child.dateOfBirth())
                    .ifPresent(key -> keys.add(new MatchKey(Kind.CHILD, key)));
            if (child.address() != null) {
                address(child.address()).ifPresent(key -> keys.add(new MatchKey(Kind.ADDRESS, key)));
            }
        }
        for (ContactSubmission.HouseholdMember member : submission.household()) {
            String relationship = member.relationship() == null ? "" : member.relationship().toUpperCase(Locale.ROOT);
            Kind kind = SIBLINGS.contains(relationship) ? Kind.NAMED_SIBLING
                    : PARENTS.contains(relationship) ? Kind.PARENT : null;
            if (kind != null) {
                person(member.givenName(), member.familyName(), member.dateOfBirth())
                        .ifPresent(key -> keys.add(new MatchKey(kind, key)));
            }
        }
        return keys;
    }

    static Optional<String> person(String givenName, String familyName, LocalDate dateOfBirth) {
        String given = name(givenName);
        String family = name(familyName);
        if (given.isEmpty() || family.isEmpty() || dateOfBirth == null) {
            return Optional.empty();
        }
        return Optional.of(given + "|" + family + "|" + dateOfBirth);
    }

    static Optional<String> address(ContactSubmission.Address address) {
        String postcode = address.postcode() == null ? ""
                : NOT_LETTER_OR_DIGIT.matcher(address.postcode()).replaceAll("").toUpperCase(Locale.ROOT);
        String line1 = address.line1() == null ? "" : SPACES.matcher(
                NOT_LETTER_OR_DIGIT.matcher(fold(address.line1())).replaceAll(" ")).replaceAll(" ").strip();
        if (postcode.isEmpty() || line1.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(postcode + "|" + line1);
    }

    /** "Anne-Marie", "anne marie" and "Ánne Marie" are one name; so are "O'Brien" and "OBrien". */
    static String name(String name) {
        return name == null ? "" : NOT_LETTER_OR_DIGIT.matcher(fold(name)).replaceAll("");
    }

    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
