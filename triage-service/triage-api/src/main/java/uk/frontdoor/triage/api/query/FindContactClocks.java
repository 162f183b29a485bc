package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ContactId;

/**
 * Every clock one contact's work started, running, alerting or stopped, earliest due first: what is
 * still owed on the contact and what was done. Answered with a list of {@link AlertBoard.Alert}.
 */
public record FindContactClocks(ContactId contactId) {
}
