package uk.frontdoor.triage.api.query;

/**
 * The contacts waiting for first-contact screening, most urgent first. Answered with {@link TriageQueue}.
 *
 * @param limit  at most this many contacts (a page), 1 to {@link #MAX_LIMIT}
 * @param offset how many waiting contacts come before the page, in the queue's order (0 for the first page)
 */
public record FindTriageQueue(int limit, long offset) {

    /** The largest page anyone may ask for: a page is what a person or a partner system reads at once. */
    public static final int MAX_LIMIT = 500;

    public FindTriageQueue {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** The first page. */
    public FindTriageQueue(int limit) {
        this(limit, 0);
    }
}
