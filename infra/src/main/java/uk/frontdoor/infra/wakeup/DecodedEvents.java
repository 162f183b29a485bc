package uk.frontdoor.infra.wakeup;

import org.axonframework.messaging.MetaData;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Stored events this instance has recently deserialised (and whose personal fields it has decrypted), shared by
 * every event processor that reads them: each read model's processor reads the store on its own stream, and
 * without this each one that is not reading the embedded store's cache of recent events deserialised and
 * decrypted every event again.
 * <p>
 * The processors read near the head of the store, each a little behind the other, so what is shared is a window of
 * the most recent global indexes: one slot per index modulo the window's size, overwritten by a later index.
 * (A cache that keeps what is used most, Caffeine's, kept old events and turned new ones away: five evictions for
 * every six decodings in {@code KafkaIntakeBench}.) The window must cover how far the slowest processor runs behind
 * the fastest.
 * <p>
 * A decoded event holds a child's personal data in plain text, so it is served only while that child's data key
 * is still held ({@link PersonalDataKeys#forReading}), checked on every use: once the key is destroyed (erasure;
 * this instance forgets the key at once, the others when the destroying transaction commits) the event is decoded
 * again from what is stored, and reads as erased. A destroyed key's child is also dropped from here when the
 * notification arrives ({@link #forget}), so its plain text does not wait in memory to be overwritten. Nothing
 * older than {@code kept} is served.
 * <p>
 * Events appended on this instance need no decoding at all: their payload and meta data are the objects the command
 * handler made, and the stored row is their serialised form, so {@link #appended} keeps them by event id (another
 * window of the same size) and the first processor to read the stored row takes them from there instead of
 * deserialising and decrypting it. The same rules apply: served only while the child's key is held (an event
 * appended for a child whose key was already destroyed is stored unreadable, and so is decoded, and reads as erased),
 * dropped with the child's other decoded events, never older than {@code kept}. An appended event whose transaction
 * rolls back is never read and is overwritten in time.
 */
public final class DecodedEvents {

    private final AtomicReferenceArray<Slot> window;
    /** Events appended on this instance, by event id (the slot's global index is unused). */
    private final AtomicReferenceArray<Slot> appended;
    private final Predicate<String> keyHeld;
    private final Consumer<Collection<String>> loadKeys;
    private final long keptNanos;
    private final LongSupplier nanoTime;
    private final LongAdder served = new LongAdder();
    private final LongAdder decodings = new LongAdder();
    private final LongAdder decodedAgain = new LongAdder();
    private final LongAdder takenFromAppends = new LongAdder();

    /** A stored event's payload and meta data as read, and the child whose key opened it (null: not a child's). */
    record Decoded(Object payload, MetaData metaData, String childId) {
    }

    private record Slot(long globalIndex, String eventId, Decoded event, long decodedAt) {
    }

    public DecodedEvents(PersonalDataKeys keys, int window, Duration kept) {
        this(childId -> keys.forReading(childId).isPresent(), keys::loadAll, window, kept, System::nanoTime);
    }

    /** @param keyHeld whether a child's data key is still held (not destroyed) */
    DecodedEvents(Predicate<String> keyHeld, int window, Duration kept, LongSupplier nanoTime) {
        this(keyHeld, children -> {
        }, window, kept, nanoTime);
    }

    DecodedEvents(Predicate<String> keyHeld, Consumer<Collection<String>> loadKeys, int window, Duration kept,
                  LongSupplier nanoTime) {
        this.keyHeld = keyHeld;
        this.loadKeys = loadKeys;
        this.window = new AtomicReferenceArray<>(window);
        this.appended = new AtomicReferenceArray<>(window);
        this.keptNanos = kept.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The event decoded once for all its readers: held, if it is still readable, otherwise decoded now. Two readers
     * asking at the same moment may both decode it; the later one's is kept.
     */
    Decoded decoded(long globalIndex, String eventId, Supplier<Decoded> decode) {
        int at = (int) Math.floorMod(globalIndex, (long) window.length());
        Slot held = window.get(at);
        if (held != null && held.globalIndex() == globalIndex && held.eventId().equals(eventId)
                && nanoTime.getAsLong() - held.decodedAt() <= keptNanos) {
            if (readable(held.event())) {
                served.increment();
                return held.event();
            }
            // Decoded before the child's key was destroyed: never served again. Decoded afresh, the personal fields
            // read as erased; not kept (an erased child's events are rare, and this keeps the rule simple).
            window.compareAndSet(at, held, null);
            decodedAgain.increment();
            return decode.get();
        }
        Decoded fresh = fromAppend(eventId);
        if (fresh != null) {
            takenFromAppends.increment();
        } else {
            fresh = decode.get();
            decodings.increment();
        }
        window.set(at, new Slot(globalIndex, eventId, fresh, nanoTime.getAsLong()));
        return fresh;
    }

    /**
     * An event this instance is appending (its transaction may not have committed yet): its payload and meta data as
     * the command handler made them, which is what decoding its stored row gives while its child's key is held.
     */
    void appended(String eventId, Object payload, MetaData metaData) {
        appended.set(appendedSlot(eventId), new Slot(-1, eventId, of(payload, metaData), nanoTime.getAsLong()));
    }

    /** The appended event, if held, not too old and still readable; taken out of the appended window. */
    private Decoded fromAppend(String eventId) {
        int at = appendedSlot(eventId);
        Slot held = appended.get(at);
        if (held == null || !held.eventId().equals(eventId)) {
            return null;
        }
        appended.compareAndSet(at, held, null);
        return nanoTime.getAsLong() - held.decodedAt() <= keptNanos && readable(held.event()) ? held.event() : null;
    }

    private int appendedSlot(String eventId) {
        return Math.floorMod(eventId.hashCode(), appended.length());
    }

    /** Whether the event at this global index is held decoded (it may still not be served: see {@link #decoded}). */
    boolean holds(long globalIndex, String eventId) {
        Slot held = window.get((int) Math.floorMod(globalIndex, (long) window.length()));
        return held != null && held.globalIndex() == globalIndex && held.eventId().equals(eventId);
    }

    /**
     * Reads these children's data keys into memory together ({@link PersonalDataKeys#loadAll}), ahead of decoding
     * their events: one statement for the group instead of one for each child whose key is not held.
     */
    void loadKeys(Collection<String> childIds) {
        if (!childIds.isEmpty()) {
            loadKeys.accept(childIds);
        }
    }

    /** The child's key was destroyed (on any instance): its decoded events go. */
    public void forget(String childId) {
        for (AtomicReferenceArray<Slot> slots : List.of(window, appended)) {
            for (int at = 0; at < slots.length(); at++) {
                Slot held = slots.get(at);
                if (held != null && childId.equals(held.event().childId())) {
                    slots.compareAndSet(at, held, null);
                }
            }
        }
    }

    /** Some destructions may have gone unheard: everything goes. */
    public void forgetAll() {
        for (int at = 0; at < window.length(); at++) {
            window.set(at, null);
            appended.set(at, null);
        }
    }

    /** Uses served from the window, decodings, and events decoded again because their child's key was gone. */
    public String statistics() {
        return String.format(Locale.ROOT, "shared decoding: %,d uses served decoded, %,d decodings, %,d taken as "
                + "appended here (no decoding), %,d decoded again (key gone)", served.sum(), decodings.sum(),
                takenFromAppends.sum(), decodedAgain.sum());
    }

    /** Whether any decoded event of this child is held. */
    boolean holds(String childId) {
        for (AtomicReferenceArray<Slot> slots : List.of(window, appended)) {
            for (int at = 0; at < slots.length(); at++) {
                Slot held = slots.get(at);
                if (held != null && childId.equals(held.event().childId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Events read from an append on this instance rather than decoded. */
    long takenFromAppends() {
        return takenFromAppends.sum();
    }

    private boolean readable(Decoded event) {
        return event.childId() == null || keyHeld.test(event.childId());
    }

    static Decoded of(Object payload, MetaData metaData) {
        return new Decoded(payload, metaData, payload instanceof ChildEvent event ? event.childId().value() : null);
    }
}
