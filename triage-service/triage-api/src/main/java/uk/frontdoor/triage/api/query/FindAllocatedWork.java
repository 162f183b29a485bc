package uk.frontdoor.triage.api.query;

/**
 * The work allocated now to one worker, most recently allocated first, at most {@code limit} items. Answered with
 * a list of {@link WorkAllocation}.
 */
public record FindAllocatedWork(String worker, int limit) {
}
