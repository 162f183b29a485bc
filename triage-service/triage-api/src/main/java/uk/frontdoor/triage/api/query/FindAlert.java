package uk.frontdoor.triage.api.query;

/** One alert (open or closed) by its id, the id of its clock. Answered with an {@code Optional<AlertBoard.Alert>}. */
public record FindAlert(String alertId) {
}
