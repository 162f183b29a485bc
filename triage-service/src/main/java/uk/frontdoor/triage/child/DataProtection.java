package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldPlaced;

import java.util.List;
import java.util.Map;

/**
 * What the data protection decisions read: the erasure waiting for a second manager, the legal holds in force
 * (in the order placed), whether the record is erased, and the holds the retention schedule last found in its way.
 */
public record DataProtection(ErasureRequested pendingErasure, Map<String, LegalHoldPlaced> holds, ChildErased erased,
                             List<String> deferredUnder) {

    public static final DataProtection NONE = new DataProtection(null, Map.of(), null, List.of());

    DataProtection requested(ErasureRequested request) {
        return new DataProtection(request, holds, erased, deferredUnder);
    }

    DataProtection erased(ChildErased event) {
        return new DataProtection(null, holds, event, deferredUnder);
    }

    DataProtection held(LegalHoldPlaced hold) {
        return new DataProtection(pendingErasure, ChildState.put(holds, hold.holdId(), hold), erased, deferredUnder);
    }

    DataProtection lifted(String holdId) {
        return new DataProtection(pendingErasure, ChildState.remove(holds, holdId), erased, deferredUnder);
    }

    DataProtection deferred(List<String> holdIds) {
        return new DataProtection(pendingErasure, holds, erased, List.copyOf(holdIds));
    }
}
