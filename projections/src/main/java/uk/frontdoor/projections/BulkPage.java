package uk.frontdoor.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A page of a rebuild in bulk (infra's {@code BulkReplay}): thousands of stored events handed to a processor's
 * handlers in one unit of work and one transaction, while the processor is shut down and the replay holds every
 * segment's claim, so that nothing else writes the projection's tables meanwhile. A projection may look at the whole
 * page when it meets its first event (to read, in one statement, the stored rows the page's events will change) and
 * may rely on being the only writer of its tables until the page commits. Outside a bulk replay (the live
 * processors, a replay by Axon's processor) there is no page, and a projection behaves as it always does.
 */
public final class BulkPage {

    private static final String RESOURCE = BulkPage.class.getName();

    private BulkPage() {
    }

    /** Marks the unit of work as a bulk replay's page of these events (as read, before their handlers see them). */
    public static void attach(UnitOfWork<?> unitOfWork, List<? extends EventMessage<?>> events) {
        unitOfWork.resources().put(RESOURCE, List.copyOf(events));
    }

    /** The page being handled, if the current unit of work is a bulk replay's. */
    public static Optional<List<EventMessage<?>>> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }
}
