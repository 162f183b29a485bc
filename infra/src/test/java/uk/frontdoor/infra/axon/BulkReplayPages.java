package uk.frontdoor.infra.axon;

import uk.frontdoor.infra.operations.ProjectionAdmin;

/** Tests' access to the size of a bulk replay's pages, so that one context can rebuild in pages of every size. */
public final class BulkReplayPages {

    private BulkReplayPages() {
    }

    /** Pages of {@code events} events for the rebuilds started from now on. */
    public static void pageSize(ProjectionAdmin admin, int events) {
        ((AxonProjectionAdmin) admin).pageSize(events);
    }
}
