package uk.frontdoor.projections.alerts;

import uk.frontdoor.triage.api.query.AlertBoard.Change;

/**
 * Tells the other instances of the service that the alert board changed, so that boards open there
 * show it too: the projection pushes each change to its own instance's subscribers, but with several
 * instances a board may be open on one that did not handle the event. Called inside the projection's
 * transaction, so nothing is told of a change that does not commit.
 */
public interface AlertBoardBroadcast {

    /** One instance alone: nobody else to tell. */
    AlertBoardBroadcast NONE = (kind, alertId) -> {
    };

    void changed(Change.Kind kind, String alertId);
}
