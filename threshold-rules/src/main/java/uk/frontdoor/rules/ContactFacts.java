package uk.frontdoor.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The facts about one contact that the threshold rules look at.
 *
 * @param receivedAt     when the front door received the contact; the rule set in force and all clocks start here
 * @param referralSource DfE Children in Need census referral-source code (1A..1D, 2A, 2B, 3A..3F, 4, 5A..5D, 6, 7, 8, 9, 10)
 * @param factors        DfE CIN census assessment-factor codes (see {@link CinFactor})
 * @param indicators     structured extra indicators, as {@link Indicator} names; unknown strings are ignored by the engine
 * @param childAgeYears  age in whole years, {@code null} when unborn
 * @param unborn         the contact is about an unborn baby
 * @param sex            MALE, FEMALE, UNKNOWN or INDETERMINATE
 * @param immediateRisk  the referrer or screener says the child is at immediate risk: always level 4, RED
 */
public record ContactFacts(
        Instant receivedAt,
        String referralSource,
        Set<String> factors,
        Set<String> indicators,
        Integer childAgeYears,
        boolean unborn,
        String sex,
        boolean immediateRisk) {

    public ContactFacts {
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        factors = factors == null ? Set.of() : Set.copyOf(factors);
        indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
        if (childAgeYears != null && childAgeYears < 0) {
            // No value in the message: ages are personal data.
            throw new IllegalArgumentException("childAgeYears must not be negative");
        }
    }
}
