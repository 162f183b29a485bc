package uk.frontdoor.projections.chronology;

import uk.frontdoor.triage.api.ChildEvent;

import java.time.Instant;

/** When an event entered a child's record, as the chronology dates it: the as-at view cuts the stream there. */
public final class RecordTimes {

    private RecordTimes() {
    }

    /** @param storedAt when the event store stored it, used where the event carries no time of its own */
    public static Instant of(ChildEvent event, Instant storedAt) {
        return ChronologyLine.of(event, storedAt).at();
    }
}
