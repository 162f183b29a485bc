package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.List;

/**
 * Proposals waiting for a manager, longest waiting first, and how many there are in all. Names no
 * child: the board may be on a screen others can see, so a manager opens the contact to see who.
 */
public record ProposalsAwaitingAuthorisation(List<Item> items, long total) {

    public ProposalsAwaitingAuthorisation {
        items = List.copyOf(items);
    }

    /**
     * @param responseDueAt the contact's response time from the rules (null if not assessed)
     */
    public record Item(ContactId contactId, ThresholdAssessed.Priority priority, Integer level,
                       DecisionOutcome outcome, String proposedBy, Instant proposedAt, Instant responseDueAt) {
    }
}
