package uk.frontdoor.triage.api.query;

/**
 * The contacts waiting for first-contact screening, most urgent first. Answered with {@link TriageQueue}.
 *
 * @param limit  at most this many contacts (a page), 1 to {@link #MAX_LIMIT}
 * @param offset how many waiting contacts come before the page, in the queue's order (0 for the first page); not
 *               read when the page is given by a cursor
 * @param after  the page is the contacts just after this place in the queue; null for none
 * @param before the page is the contacts just before this place in the queue (still in the queue's order); null
 *               for none. At most one of {@code after} and {@code before}.
 */
public record FindTriageQueue(int limit, long offset, QueueCursor after, QueueCursor before) {

    /** The largest page anyone may ask for: a page is what a person or a partner system reads at once. */
    public static final int MAX_LIMIT = 500;

    public FindTriageQueue {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("after and before cannot both be given");
        }
    }

    /** A page by how many contacts come before it. */
    public FindTriageQueue(int limit, long offset) {
        this(limit, offset, null, null);
    }

    /** The first page. */
    public FindTriageQueue(int limit) {
        this(limit, 0, null, null);
    }
}
