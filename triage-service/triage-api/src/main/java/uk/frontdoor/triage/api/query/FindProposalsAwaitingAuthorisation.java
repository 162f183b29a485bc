package uk.frontdoor.triage.api.query;

/**
 * Decisions proposed and not yet authorised or returned, longest waiting first: the duty manager's
 * list to work through. Answered with {@link ProposalsAwaitingAuthorisation}.
 */
public record FindProposalsAwaitingAuthorisation(int limit) {

    public FindProposalsAwaitingAuthorisation {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
    }
}
