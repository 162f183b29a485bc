package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A child's record as it stood at {@code asAt} (see {@link FindChildAsAt}): each part is what the live
 * read model of the same name would have answered at that moment.
 *
 * @param chronology  every entry up to that moment, with the records linked then
 * @param contacts    each contact of the child and of the records linked then: status, claim, consent,
 *                    partner checks (overdue as judged then), RAG, proposal, decision, threshold with its
 *                    rule set, possible matches and their resolutions
 * @param clocks      every clock started by then, with its state then and, while it was open, the time left
 *                    then (negative: overdue by that much)
 * @param family      the family around the child as known then (the household window ending then); null if
 *                    the family read model knew nothing of the child then
 */
public record ChildAsAt(ChildId childId, Instant asAt, ChildChronology chronology, List<ContactStatusView> contacts,
                        List<Clock> clocks, Family family) {

    public ChildAsAt {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(asAt, "asAt");
        contacts = List.copyOf(contacts);
        clocks = List.copyOf(clocks);
    }

    public Optional<ContactStatusView> contact(ContactId contactId) {
        return contacts.stream().filter(contact -> contact.contactId().equals(contactId)).findFirst();
    }

    public List<Clock> clocks(ContactId contactId) {
        return clocks.stream().filter(clock -> clock.clock().contactId().equals(contactId)).toList();
    }

    /**
     * One clock as it stood.
     *
     * @param open     running, warned or breached then (not yet stopped); the clock's state says whether it was an
     *                 alert (warned or breached) then
     * @param timeLeft while open, its due time less the moment asked about; null once stopped
     */
    public record Clock(AlertBoard.Alert clock, boolean open, Duration timeLeft) {
    }
}
