package uk.frontdoor.triage.staff.pages;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;

import java.util.EnumSet;
import java.util.Set;

/**
 * A refused command in words for the error summary. Refusals' details are written by the domain
 * code, never from what was submitted, so they are safe to show; those written for API clients
 * (naming JSON fields) are replaced by the rule's title.
 */
public final class RefusalMessages {

    /** Refusals whose detail is written for a person, e.g. "Say why consent was not sought." */
    private static final Set<Refusal> DETAIL_FOR_PEOPLE = EnumSet.of(Refusal.REASON_REQUIRED,
            Refusal.MANAGER_AUTHORISATION_REQUIRED, Refusal.ROLE_NOT_ALLOWED,
            Refusal.BELOW_THRESHOLD_REASON_REQUIRED);

    private RefusalMessages() {
    }

    public static String of(TriageRefusedException refused) {
        Refusal refusal = refused.refusal();
        String detail = refused.getMessage();
        if (DETAIL_FOR_PEOPLE.contains(refusal) && detail != null && !detail.isBlank()) {
            return detail;
        }
        if ((refusal == Refusal.CLAIMED_BY_ANOTHER || refusal == Refusal.NOT_DECIDED
                || refusal == Refusal.AGENCY_REQUIRED) && detail != null && !detail.equals(refusal.title() + ".")) {
            // e.g. "Another worker holds this contact. Held by sw2."
            return refusal.title() + ". " + detail;
        }
        return refusal.title() + ".";
    }
}
