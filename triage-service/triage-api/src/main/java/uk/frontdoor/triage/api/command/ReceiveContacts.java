package uk.frontdoor.triage.api.command;

import java.util.List;

/**
 * Receive several validated submissions in one transaction: each is received exactly as a
 * {@link ReceiveContact} would be, in the order given (so two contacts about one child join its stream
 * in that order), and either all are stored or, if any fails, none. Answered with one
 * {@link ContactAccepted} per submission, in the same order.
 */
public record ReceiveContacts(List<ReceiveContact> contacts) {

    public ReceiveContacts {
        contacts = List.copyOf(contacts);
    }
}
