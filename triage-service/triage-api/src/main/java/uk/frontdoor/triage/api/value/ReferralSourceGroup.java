package uk.frontdoor.triage.api.value;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DfE Children in Need census referral-source groups: the code's number without its letter
 * (3A GP and 3E A&amp;E are both 3, health services). Performance figures are reported by group, the
 * way the census and the DfE's national tables report referral sources.
 *
 * <p>{@code partnerCheckAgencies} are the partner-check agencies (see {@code frontdoor.triage.agencies})
 * that are the same kind of agency as the referrer: a partner check sent to one of them about a
 * contact from this group went back to the referring agency for what the contact did not say.
 * Individuals, the council itself, anonymous and unknown referrers cannot be asked that way.
 */
public enum ReferralSourceGroup {
    INDIVIDUAL("1", "Individuals"),
    EDUCATION("2", "Schools and education", "EDUCATION"),
    HEALTH("3", "Health services", "HEALTH"),
    HOUSING("4", "Housing", "HOUSING"),
    LOCAL_AUTHORITY("5", "Local authority services"),
    POLICE("6", "Police", "POLICE"),
    OTHER_LEGAL_AGENCY("7", "Other legal agency", "PROBATION", "YOUTH_JUSTICE"),
    OTHER("8", "Other"),
    ANONYMOUS("9", "Anonymous"),
    UNKNOWN("10", "Unknown");

    private final String number;
    private final String label;
    private final Set<String> partnerCheckAgencies;

    ReferralSourceGroup(String number, String label, String... partnerCheckAgencies) {
        this.number = number;
        this.label = label;
        this.partnerCheckAgencies = Set.of(partnerCheckAgencies);
    }

    /** The group of a census referral-source code; {@link #UNKNOWN} for none or one the census does not have. */
    public static ReferralSourceGroup of(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        // Asked for every submission and every code an agency may send: no regular expression compiled per call
        // (it was a twentieth of the Kafka listener's CPU samples).
        int end = code.length();
        while (end > 0 && isAsciiLetter(code.charAt(end - 1))) {
            end--;
        }
        return BY_NUMBER.getOrDefault(code.substring(0, end), UNKNOWN);
    }

    private static final Map<String, ReferralSourceGroup> BY_NUMBER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(group -> group.number, group -> group));

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The census group number, e.g. "3" for health services. */
    public String number() {
        return number;
    }

    public String label() {
        return label;
    }

    public Set<String> partnerCheckAgencies() {
        return partnerCheckAgencies;
    }

    /** Whether a partner check can go back to this kind of referrer, so follow-up can be measured. */
    public boolean followUpMeasurable() {
        return !partnerCheckAgencies.isEmpty();
    }
}
