package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock stopped; nothing fires for it afterwards.
 *
 * @param doneAt           when the duty was done (a meeting's time, feedback's sending), which may be
 *                         before it was recorded at {@code at}
 * @param late             done after {@code dueAt}
 * @param workingTimeTaken working time from {@code startedAt} to {@code doneAt}, for performance figures
 */
@Revision("1")
public record ClockStopped(ChildId childId, ContactId contactId, String clockId, ClockType type, Reason reason,
                           Instant startedAt, Instant dueAt, Instant doneAt, boolean late, Duration workingTimeTaken,
                           Instant at) implements ChildEvent {

    public enum Reason {
        /** The duty was done. */
        DONE,
        /** A new due time replaced this clock (a RAG change); a new clock carries on from the same start. */
        RESCHEDULED,
        /** The duty fell away: a partner check still unanswered when the contact was decided. */
        NOT_NEEDED
    }
}
