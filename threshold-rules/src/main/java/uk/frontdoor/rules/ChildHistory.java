package uk.frontdoor.rules;

import java.time.Instant;
import java.util.List;

/**
 * What the front door already knows about the child when a new contact arrives.
 *
 * @param contacts              earlier contacts for this child, in any order
 * @param missingEpisodes       starts of earlier missing episodes
 * @param childProtectionPlans  number of previous child protection plans
 * @param openToEarlyHelp       an early help episode is open
 * @param openToSocialCare      the child is open to children's social care
 */
public record ChildHistory(
        List<PriorContact> contacts,
        List<Instant> missingEpisodes,
        int childProtectionPlans,
        boolean openToEarlyHelp,
        boolean openToSocialCare) {

    private static final ChildHistory NONE = new ChildHistory(List.of(), List.of(), 0, false, false);

    public ChildHistory {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        missingEpisodes = missingEpisodes == null ? List.of() : List.copyOf(missingEpisodes);
        if (childProtectionPlans < 0) {
            throw new IllegalArgumentException("childProtectionPlans must not be negative");
        }
    }

    /** A child not known before. */
    public static ChildHistory none() {
        return NONE;
    }
}
