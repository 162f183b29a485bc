package uk.frontdoor.intake.submission;

import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

/** How a household member is related to the child (the front door's own vocabulary, not a census code). */
public final class HouseholdRelationships {

    public static final Set<String> CODES = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "MOTHER", "FATHER", "STEP_PARENT", "PARTNER_OF_PARENT", "SIBLING", "HALF_SIBLING",
            "GRANDPARENT", "OTHER_RELATIVE", "CARER", "LODGER", "OTHER")));

    private HouseholdRelationships() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
