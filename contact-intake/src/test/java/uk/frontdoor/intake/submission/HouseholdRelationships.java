package uk.frontdoor.intake.submission;

import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

/**
 * How a household member is related to the child (the front door's own vocabulary, not a census code), written
 * apart from the published JSON Schema so {@link SubmissionSchemaTest} can check the schema's list against it.
 */
final class HouseholdRelationships {

    public static final Set<String> CODES = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "MOTHER", "FATHER", "STEP_PARENT", "PARTNER_OF_PARENT", "SIBLING", "HALF_SIBLING",
            "GRANDPARENT", "OTHER_RELATIVE", "CARER", "LODGER", "OTHER")));

    private HouseholdRelationships() {
    }
}
