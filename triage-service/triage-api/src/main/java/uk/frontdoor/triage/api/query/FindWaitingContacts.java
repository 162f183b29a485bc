package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.AgencyCode;

import java.util.Set;

/**
 * The triage queue narrowed for one worker: contacts waiting for screening, most urgent first, with
 * only those matching every filter given. Answered with {@link WaitingContacts}.
 *
 * @param priority  only this RAG rating; null for any (including not yet assessed)
 * @param agency    only contacts sent by this agency; null for any
 * @param factors   only contacts naming at least one of these census assessment-factor codes; empty for any
 * @param claimedBy only contacts held by this member of staff (sign-in name); null for any
 * @param unclaimed only contacts nobody holds
 * @param limit     at most this many contacts (a page)
 * @param offset    how many matching contacts come before the page, in the queue's order (0 for the first page)
 */
public record FindWaitingContacts(
        ThresholdAssessed.Priority priority,
        AgencyCode agency,
        Set<String> factors,
        String claimedBy,
        boolean unclaimed,
        int limit,
        long offset) {

    public FindWaitingContacts {
        factors = factors == null ? Set.of() : Set.copyOf(factors);
        if (claimedBy != null && unclaimed) {
            throw new IllegalArgumentException("claimedBy and unclaimed cannot both be asked for");
        }
        if (limit < 1 || limit > FindTriageQueue.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + FindTriageQueue.MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** The first page. */
    public FindWaitingContacts(ThresholdAssessed.Priority priority, AgencyCode agency, Set<String> factors,
                               String claimedBy, boolean unclaimed, int limit) {
        this(priority, agency, factors, claimedBy, unclaimed, limit, 0);
    }

    /** Every contact waiting, up to {@code limit}. */
    public static FindWaitingContacts all(int limit) {
        return new FindWaitingContacts(null, null, Set.of(), null, false, limit);
    }
}
