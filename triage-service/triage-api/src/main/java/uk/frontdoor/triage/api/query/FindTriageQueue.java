package uk.frontdoor.triage.api.query;

/** The contacts waiting for first-contact screening, most urgent first. Answered with {@link TriageQueue}. */
public record FindTriageQueue(int limit) {
    public FindTriageQueue {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
    }
}
