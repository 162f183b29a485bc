package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
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
 * @param offset    how many matching contacts come before the page, in the queue's order (0 for the first page);
 *                  with a cursor, not used to find the page, only to say where it stands
 * @param after     the page is the matching contacts just after this place in the queue; null for none
 * @param before    the page is the matching contacts just before this place (in the queue's order); null for none
 * @param withheld  the records and contacts the worker may not read: left out of the rows and of every count
 *                  when the queue is narrowed by what a placeholder withholds (agency, factors), since a
 *                  placeholder listed under "demo-school" or "domestic abuse" would say that much of it;
 *                  otherwise listed, as placeholders, by the caller
 */
public record FindWaitingContacts(
        ThresholdAssessed.Priority priority,
        AgencyCode agency,
        Set<String> factors,
        String claimedBy,
        boolean unclaimed,
        int limit,
        long offset,
        QueueCursor after,
        QueueCursor before,
        Withheld withheld) {

    public FindWaitingContacts {
        factors = factors == null ? Set.of() : Set.copyOf(factors);
        withheld = withheld == null ? Withheld.NOTHING : withheld;
        if (claimedBy != null && unclaimed) {
            throw new IllegalArgumentException("claimedBy and unclaimed cannot both be asked for");
        }
        if (limit < 1 || limit > FindTriageQueue.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + FindTriageQueue.MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("after and before cannot both be given");
        }
    }

    /** For a viewer from whom nothing is withheld. */
    public FindWaitingContacts(ThresholdAssessed.Priority priority, AgencyCode agency, Set<String> factors,
                               String claimedBy, boolean unclaimed, int limit, long offset) {
        this(priority, agency, factors, claimedBy, unclaimed, limit, offset, null, null, Withheld.NOTHING);
    }

    /** The first page. */
    public FindWaitingContacts(ThresholdAssessed.Priority priority, AgencyCode agency, Set<String> factors,
                               String claimedBy, boolean unclaimed, int limit) {
        this(priority, agency, factors, claimedBy, unclaimed, limit, 0);
    }

    /** The same query for a viewer from whom these records and contacts are withheld. */
    public FindWaitingContacts withholding(Withheld withheld) {
        return new FindWaitingContacts(priority, agency, factors, claimedBy, unclaimed, limit, offset, after, before,
                withheld);
    }

    /** The same filters, the page just after ({@code after}) or just before ({@code before}) a place in the queue. */
    public FindWaitingContacts at(QueueCursor after, QueueCursor before) {
        return new FindWaitingContacts(priority, agency, factors, claimedBy, unclaimed, limit, offset, after, before,
                withheld);
    }

    /**
     * Whether withheld records are left out of the answer: the queue is narrowed by something a placeholder
     * does not show, and something is withheld.
     */
    public boolean leavesOutWithheld() {
        return withheld.any() && (agency != null || !factors.isEmpty());
    }

    /** Every contact waiting, up to {@code limit}. */
    public static FindWaitingContacts all(int limit) {
        return new FindWaitingContacts(null, null, Set.of(), null, false, limit);
    }
}
