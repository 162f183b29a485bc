package uk.frontdoor.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tells whoever waits on a read model by subscription query (a staff page showing the change a member
 * of staff just made) what the read model holds after a change. The answer is read once the event
 * handler's transaction has committed, and only when someone is subscribed to a matching query, so a
 * projection pays nothing when nobody waits, and a subscriber never sees a change that did not commit.
 */
public final class ReadModelUpdates {

    /** Set while the as-at view folds past events into its own transaction's tables: nobody waits on those. */
    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

    private ReadModelUpdates() {
    }

    /**
     * Runs the work with no update sent to any subscriber: the as-at view applies the projections' handlers to
     * tables of its own transaction, and what they hold is the record as it was, not a change anyone waits for.
     */
    public static <T> T quietly(java.util.function.Supplier<T> work) {
        boolean before = QUIET.get();
        QUIET.set(true);
        try {
            return work.get();
        } finally {
            QUIET.set(before);
        }
    }

    /**
     * @param which  which subscribed queries the change concerns
     * @param answer the read model's answer to them, read after the commit; empty sends nothing
     */
    public static <Q> void afterCommit(QueryUpdateEmitter updates, Class<Q> queryType, Predicate<? super Q> which,
                                       Supplier<? extends Optional<?>> answer) {
        if (QUIET.get()) {
            return;
        }
        Runnable emit = () -> {
            if (watched(updates, queryType, which)) {
                answer.get().ifPresent(update -> updates.emit(queryType, which, update));
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> emit.run());
        } else {
            emit.run();
        }
    }

    private static <Q> boolean watched(QueryUpdateEmitter updates, Class<Q> queryType, Predicate<? super Q> which) {
        return updates.activeSubscriptions().stream()
                .map(SubscriptionQueryMessage::getPayload)
                .anyMatch(query -> queryType.isInstance(query) && which.test(queryType.cast(query)));
    }
}
