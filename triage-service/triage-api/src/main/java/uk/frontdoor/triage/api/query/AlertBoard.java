package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Open warnings and breaches, most overdue first, with counts of everything open under the same
 * filters. Names no child: a manager opens the contact to see who it is.
 */
public record AlertBoard(List<Alert> alerts, Map<State, Long> open) {

    public AlertBoard {
        alerts = List.copyOf(alerts);
        open = Map.copyOf(open);
    }

    public enum State {
        /** Started, not yet at its warning point. Not on the board. */
        RUNNING,
        WARNING,
        BREACHED,
        /** The duty was done (or fell away). Not on the board. */
        STOPPED;

        public boolean open() {
            return this == WARNING || this == BREACHED;
        }
    }

    /**
     * One clock as the board shows it; {@code alertId} is the clock's id. {@code doneBy} and {@code doneRecordedBy}
     * are a strategy action's, once done: the person the owning agency's system named (null when staff recorded it
     * themselves) and the sign-in name or agency code that recorded it.
     */
    public record Alert(
            String alertId,
            ChildId childId,
            ContactId contactId,
            ClockType type,
            String reference,
            String team,
            ThresholdAssessed.Priority priority,
            State state,
            Instant startedAt,
            Instant warnAt,
            Instant dueAt,
            Instant warnedAt,
            Instant breachedAt,
            Instant stoppedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String acknowledgement,
            String assignedTo,
            String escalatedTo,
            String escalationReason,
            String doneBy,
            String doneRecordedBy) {

        /** Who did the duty, as the pages say it: "DS Jane Example (demo-police)", or "sw1"; null if not known. */
        public String doneByInWords() {
            if (doneBy != null) {
                return doneRecordedBy == null ? doneBy : doneBy + " (" + doneRecordedBy + ")";
            }
            return doneRecordedBy;
        }
    }

    /** A change to one alert, pushed to subscribers of {@link FindAlerts} (and so to the board's event stream). */
    public record Change(Kind kind, Alert alert) {

        public enum Kind {
            /** A warning or breach appeared, or a warning became a breach. */
            RAISED,
            /** Acknowledged, assigned, escalated or re-rated. */
            UPDATED,
            /** The duty was done: the alert leaves the board. */
            CLOSED
        }
    }
}
