package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.AgencyCode;

import java.util.List;
import java.util.Map;

/**
 * A filtered page of the triage queue, with the shape of the whole queue beside it. Staff-only: it
 * names children.
 *
 * @param items             the page asked for of the matching contacts, most urgent first, at most the limit
 * @param matching          how many contacts match the filters, of which {@code items} is one page
 * @param totalWaiting      every contact waiting, whatever the filters
 * @param waitingByPriority every contact waiting by RAG rating, whatever the filters (zero for none)
 * @param notYetAssessed    contacts waiting that the rules have not assessed yet
 * @param agencies          every agency with a contact waiting, for choosing a filter
 */
public record WaitingContacts(
        List<TriageQueue.Item> items,
        long matching,
        long totalWaiting,
        Map<ThresholdAssessed.Priority, Long> waitingByPriority,
        long notYetAssessed,
        List<AgencyCode> agencies) {

    public WaitingContacts {
        items = List.copyOf(items);
        waitingByPriority = Map.copyOf(waitingByPriority);
        agencies = List.copyOf(agencies);
    }
}
