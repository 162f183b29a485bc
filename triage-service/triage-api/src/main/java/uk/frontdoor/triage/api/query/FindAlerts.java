package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ClockType;

/**
 * The duty manager's board: open warnings and breaches, most overdue first. Each filter is optional
 * (null matches all). Answered with {@link AlertBoard}; as a subscription query, updated with
 * {@link AlertBoard.Change}s that match the same filters.
 */
public record FindAlerts(String team, ClockType type, ThresholdAssessed.Priority priority, int limit) {

    public FindAlerts {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }

    public boolean matches(AlertBoard.Alert alert) {
        return (team == null || team.equals(alert.team()))
                && (type == null || type == alert.type())
                && (priority == null || priority == alert.priority());
    }
}
