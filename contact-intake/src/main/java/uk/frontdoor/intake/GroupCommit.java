package uk.frontdoor.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit for contacts that arrive one per request (HTTP, staff): the contacts waiting when a
 * committer is free are stored together in one transaction, so concurrent callers share its commit
 * instead of queueing for one each. A caller still returns only once its own contact is committed, with
 * its own answer or its own exception: if a group fails, its contacts are stored again one at a time,
 * so one bad contact fails only its own request; unless the database could not be reached, which fails
 * every contact of the group at once.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting(ReceiveContact contact, CompletableFuture<ContactAccepted> answer, long since) {
    }

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Function<List<ReceiveContact>, List<ContactAccepted>> storeAll;
    private final Function<ReceiveContact, ContactAccepted> storeOne;
    private final int maxGroup;
    private final List<Thread> committers = new ArrayList<>();
    private final GroupObserver observer;
    private volatile boolean running = true;

    /** Told of each group stored: how many contacts, and how long from taking them to their answers. */
    interface GroupObserver {
        void stored(int contacts, long nanos);

        /**
         * Told of each contact as its group is taken: how long it waited for a committer, from its caller's hand-off.
         * A request's wait is this plus its group's time ({@link #stored}).
         */
        default void waited(long nanos) {
        }
    }

    GroupCommit(Function<List<ReceiveContact>, List<ContactAccepted>> storeAll,
                Function<ReceiveContact, ContactAccepted> storeOne, int committers, int maxGroup) {
        this(storeAll, storeOne, committers, maxGroup, (contacts, nanos) -> { });
    }

    GroupCommit(Function<List<ReceiveContact>, List<ContactAccepted>> storeAll,
                Function<ReceiveContact, ContactAccepted> storeOne, int committers, int maxGroup,
                GroupObserver observer) {
        this.storeAll = storeAll;
        this.storeOne = storeOne;
        this.maxGroup = maxGroup;
        this.observer = observer;
        for (int i = 0; i < committers; i++) {
            Thread committer = new Thread(this::commitGroups, "contact-group-commit-" + i);
            committer.setDaemon(true);
            this.committers.add(committer);
            committer.start();
        }
    }

    /** Stores the contact with whatever else is waiting; returns once it is committed. */
    ContactAccepted store(ReceiveContact contact) {
        var waiting = new Waiting(contact, new CompletableFuture<>(), System.nanoTime());
        queue.add(waiting);
        // Committers stop once stopped and drained: a contact added after their last look is taken back.
        if (!running && queue.remove(waiting)) {
            throw new IllegalStateException("the service is shutting down");
        }
        try {
            return waiting.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the contact was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CompletionException(e.getCause());
        }
    }

    private void commitGroups() {
        while (running || !queue.isEmpty()) {
            List<Waiting> group = new ArrayList<>();
            try {
                Waiting first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                long started = System.nanoTime();
                for (Waiting taken : group) {
                    observer.waited(started - taken.since());
                }
                List<Outcome> outcomes = commit(group);
                // Observed before anyone is answered: a caller that reads the metrics after its answer sees its group.
                observer.stored(group.size(), System.nanoTime() - started);
                for (int i = 0; i < group.size(); i++) {
                    outcomes.get(i).answer(group.get(i).answer());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(w -> w.answer().completeExceptionally(e));
                return;
            } catch (Throwable unexpected) {
                log.error("Group commit failed unexpectedly", unexpected);
                group.forEach(w -> w.answer().completeExceptionally(unexpected));
            }
        }
    }

    /** One contact's answer, held until its whole group is done. */
    private record Outcome(ContactAccepted accepted, RuntimeException failed) {
        void answer(CompletableFuture<ContactAccepted> answer) {
            if (failed == null) {
                answer.complete(accepted);
            } else {
                answer.completeExceptionally(failed);
            }
        }
    }

    private List<Outcome> commit(List<Waiting> group) {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        if (group.size() > 1) {
            try {
                storeAll.apply(group.stream().map(Waiting::contact).toList())
                        .forEach(accepted -> outcomes.add(new Outcome(accepted, null)));
                return outcomes;
            } catch (RuntimeException groupFailed) {
                // Nothing of the group was stored. The database out of reach fails every contact alike: each is
                // answered now, not after waiting out the pool's connection timeout once more alone.
                if (DatabaseUnreachable.causedBy(groupFailed)) {
                    group.forEach(waiting -> outcomes.add(new Outcome(null, groupFailed)));
                    return outcomes;
                }
                // Otherwise each contact is tried alone, for its own answer.
            }
        }
        RuntimeException unreachable = null;
        for (Waiting waiting : group) {
            if (unreachable != null) {
                // The rest fail with it, without waiting out the connection timeout again each.
                outcomes.add(new Outcome(null, unreachable));
                continue;
            }
            try {
                outcomes.add(new Outcome(storeOne.apply(waiting.contact()), null));
            } catch (RuntimeException failed) {
                outcomes.add(new Outcome(null, failed));
                unreachable = DatabaseUnreachable.causedBy(failed) ? failed : null;
            }
        }
        return outcomes;
    }

    /** Contacts waiting for a committer. */
    int waiting() {
        return queue.size();
    }

    /** Stores what is already waiting, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread committer : committers) {
            committer.join(10_000);
        }
    }
}
