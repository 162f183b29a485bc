package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A time-bound duty began: its clock runs from {@code startedAt}, warns at {@code warnAt} and is
 * breached at {@code dueAt}. Started by the event that created the duty, in the same unit of work.
 *
 * @param reference   what the clock is about within the contact: the partner check id, or the strategy
 *                    discussion id; null for a clock of which a contact has only one
 * @param team        the team that owns the duty, for the duty manager's board
 * @param priority    the contact's RAG rating when the clock started
 * @param scheduleIds the deadline manager's handles of the warning and breach deadlines, kept so that
 *                    they can be cancelled when the duty is done
 */
@Revision("1")
public record ClockStarted(ChildId childId, ContactId contactId, String clockId, ClockType type, String reference,
                           String team, ThresholdAssessed.Priority priority, Instant startedAt, Instant warnAt,
                           Instant dueAt, List<String> scheduleIds) implements ChildEvent {

    public ClockStarted {
        scheduleIds = List.copyOf(scheduleIds);
    }
}
