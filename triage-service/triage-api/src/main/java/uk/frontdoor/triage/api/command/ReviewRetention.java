package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * The retention schedule found the child's record due for erasure: the record queues it for a manager's
 * confirmation, or erases it at once when the council lets the schedule do so, or, under legal hold, leaves it.
 * Sent by the service's own nightly job, never by a person; answered with what was done.
 *
 * @param schedule  the retention class that made it due (its configured name)
 * @param automatic erase without a manager's confirmation
 */
public record ReviewRetention(@TargetAggregateIdentifier ChildId childId, String schedule, boolean automatic) {

    /** What the review did with the record. */
    public enum Outcome {
        /** Erasure requested: waits for a manager to authorise it. */
        QUEUED,
        /** Erased now (automatic). */
        ERASED,
        /** Already waiting for a manager's authorisation. */
        ALREADY_QUEUED,
        /** Under legal hold: left. */
        HELD,
        /** Already erased. */
        ALREADY_ERASED
    }
}
