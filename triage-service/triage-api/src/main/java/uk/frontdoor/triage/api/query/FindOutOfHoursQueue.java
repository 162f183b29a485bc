package uk.frontdoor.triage.api.query;

/**
 * The out-of-hours queue: every contact with the emergency duty team and not yet handed back to the day team (its
 * out-of-hours clock running), soonest due first. Answered with a list of {@link AlertBoard.Alert}, which names no
 * child: a queue on a shared screen at night.
 */
public record FindOutOfHoursQueue() {
}
