package uk.frontdoor.infra.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where one projection stands. Positions are global indexes in the event store (the index of the
 * last event a segment has handled); {@code head} is the store's highest.
 *
 * @param name                      the processor's (processing group's) name
 * @param state                     the one word a system manager needs, see {@link State}
 * @param running                   whether the processor runs on this node
 * @param error                     whether any segment is in error (the failing event is retried)
 * @param replaying                 whether Axon reports a segment replaying
 * @param position                  the lowest segment position (every segment has handled up to it)
 * @param head                      the event store's highest global index
 * @param lag                       events not yet handled: {@code head - position}
 * @param oldestUnprocessedAge      how long ago the oldest unhandled event was stored; null if none
 * @param segments                  each segment's own figures
 * @param lastRebuild               the latest rebuild, or null if there has been none
 */
public record ProjectionStatus(String name, State state, boolean running, boolean error, boolean replaying,
                               long position, long head, long lag, Duration oldestUnprocessedAge,
                               List<Segment> segments, Rebuild lastRebuild) {

    public enum State {
        /** Has handled every event in the store. */
        UP_TO_DATE,
        /** Running, some events still to handle. */
        CATCHING_UP,
        /** Emptied and refilling from the first event; its pages show partial data until done. */
        REBUILDING,
        /** A handler fails; the event is retried, never skipped. */
        ERROR,
        /** Not running on this node. */
        STOPPED
    }

    /**
     * @param segment   the segment id
     * @param claimed   whether this node holds the segment now
     * @param position  its token's global index; null before its first event
     * @param lag       {@code head - position}
     */
    public record Segment(int segment, boolean claimed, boolean caughtUp, boolean replaying, boolean error,
                          Long position, long lag) {
    }

    /**
     * One rebuild, as the audit table records it. Progress is the position against the head at the
     * start: the events there were when it began.
     *
     * @param startedBy   the system manager's user id (staff, never a child)
     * @param headAtStart the event store's head when the rebuild began
     * @param completedAt when this node first saw it complete; null while under way
     * @param percent     0 to 100
     */
    public record Rebuild(long id, String startedBy, Instant startedAt, long headAtStart, Instant completedAt,
                          int percent) {

        public boolean complete() {
            return completedAt != null;
        }

        /** How long it took, once complete. */
        public Duration took() {
            return completedAt == null ? null : Duration.between(startedAt, completedAt);
        }
    }

    public boolean rebuilding() {
        return state == State.REBUILDING;
    }
}
