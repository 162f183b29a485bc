package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;
import java.util.List;

/**
 * The retention schedule found the record due for erasure but under legal hold, and left it. Recorded once for a
 * set of holds, not every night: the next review after the holds change records it again.
 *
 * @param holdIds  the holds in force
 * @param schedule the retention schedule's class that made it due
 */
@Revision("1")
public record ErasureDeferredByHold(ChildId childId, List<String> holdIds, String schedule, Instant at)
        implements ChildEvent {

    public ErasureDeferredByHold {
        holdIds = holdIds == null ? List.of() : List.copyOf(holdIds);
    }
}
