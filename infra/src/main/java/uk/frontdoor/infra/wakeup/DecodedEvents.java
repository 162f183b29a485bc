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
 * is still held ({@link PersonalDataKeys#forReading}), checked on every use (but see below): once the key is destroyed (erasure;
 * this instance forgets the key at once, the others when the destroying transaction commits) the event is decoded
 * again from what is stored, and reads as erased. A destroyed key's child is also dropped from here when the
 * notification arrives ({@link #forget}), so its plain text does not wait in memory to be overwritten. Nothing
 * older than {@code kept} is served.
 * <p>
 * The check is the key store's ({@link PersonalDataKeys#forReading}: a cache lookup, and the transaction's own new
 * keys), and every read model asks for an event's payload and meta data several times, so the answer is remembered
 * with the event: while the key store has heard of no destruction since ({@link PersonalDataKeys#destructionsHeard}
 * unchanged) and for at most {@link #RECHECK_AFTER_NANOS}, a use of an event whose key was found held does not ask
 * again. A destruction on this instance, or one heard of from another, changes that count after the key has left
 * memory, so the next use asks, as before, and erasure still wins; the bound keeps a destruction not heard of (its
 * notification lost) showing as soon as the cached key expires, as it did, give or take a second.
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
    private final LongSupplier destructionsHeard;
    private final Consumer<Collection<String>> loadKeys;
    private final long keptNanos;
    private final LongSupplier nanoTime;
    private final LongAdder served = new LongAdder();
    private final LongAdder decodings = new LongAdder();
    private final LongAdder decodedAgain = new LongAdder();
    private final LongAdder takenFromAppends = new LongAdder();
    private final LongAdder keyChecks = new LongAdder();
    private final LongAdder keyChecksSkipped = new LongAdder();

    /** A stored event's payload and meta data as read, and the child whose key opened it (null: not a child's). */
    record Decoded(Object payload, MetaData metaData, String childId) {
    }

    /** How long a key found held is taken as held without asking again, if no destruction was heard of since. */
    static final long RECHECK_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private static final class Slot {
        final long globalIndex;
        final String eventId;
        final Decoded event;
        final long decodedAt;
        /** When the child's key was last found held, and the key store's count of destructions just before. */
        volatile KeyFound keyFound;

        Slot(long globalIndex, String eventId, Decoded event, long decodedAt) {
            this.globalIndex = globalIndex;
            this.eventId = eventId;
            this.event = event;
            this.decodedAt = decodedAt;
        }
    }

    private record KeyFound(long destructionsHeard, long at) {
    }

    public DecodedEvents(PersonalDataKeys keys, int window, Duration kept) {
        this(childId -> keys.forReading(childId).isPresent(), keys::destructionsHeard, keys::loadAll, window, kept,
                System::nanoTime);
    }

    /** @param keyHeld whether a child's data key is still held (not destroyed); asked on every use */
    DecodedEvents(Predicate<String> keyHeld, int window, Duration kept, LongSupplier nanoTime) {
        this(keyHeld, () -> -1, children -> {
        }, window, kept, nanoTime);
    }

    DecodedEvents(Predicate<String> keyHeld, Consumer<Collection<String>> loadKeys, int window, Duration kept,
                  LongSupplier nanoTime) {
        this(keyHeld, () -> -1, loadKeys, window, kept, nanoTime);
    }

    /**
     * @param destructionsHeard the key store's {@link PersonalDataKeys#destructionsHeard}; negative: the key is asked
     *                          for on every use
     */
    DecodedEvents(Predicate<String> keyHeld, LongSupplier destructionsHeard, Consumer<Collection<String>> loadKeys,
                  int window, Duration kept, LongSupplier nanoTime) {
        this.keyHeld = keyHeld;
        this.destructionsHeard = destructionsHeard;
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
        if (held != null && held.globalIndex == globalIndex && held.eventId.equals(eventId)
                && nanoTime.getAsLong() - held.decodedAt <= keptNanos) {
            if (readable(held)) {
                served.increment();
                return held.event;
            }
            // Decoded before the child's key was destroyed: never served again. Decoded afresh, the personal fields
            // read as erased; not kept (an erased child's events are rare, and this keeps the rule simple).
            window.compareAndSet(at, held, null);
            decodedAgain.increment();
            return decode.get();
        }
        Slot appendedHere = fromAppend(eventId);
        Slot fresh;
        if (appendedHere != null) {
            takenFromAppends.increment();
            fresh = new Slot(globalIndex, eventId, appendedHere.event, nanoTime.getAsLong());
            fresh.keyFound = appendedHere.keyFound;
        } else {
            fresh = new Slot(globalIndex, eventId, decode.get(), nanoTime.getAsLong());
            decodings.increment();
        }
        window.set(at, fresh);
        return fresh.event;
    }

    /**
     * An event this instance is appending (its transaction may not have committed yet): its payload and meta data as
     * the command handler made them, which is what decoding its stored row gives while its child's key is held.
     */
    void appended(String eventId, Object payload, MetaData metaData) {
        appended.set(appendedSlot(eventId), new Slot(-1, eventId, of(payload, metaData), nanoTime.getAsLong()));
    }

    /** The appended event, if held, not too old and still readable; taken out of the appended window. */
    private Slot fromAppend(String eventId) {
        int at = appendedSlot(eventId);
        Slot held = appended.get(at);
        if (held == null || !held.eventId.equals(eventId)) {
            return null;
        }
        appended.compareAndSet(at, held, null);
        return nanoTime.getAsLong() - held.decodedAt <= keptNanos && readable(held) ? held : null;
    }

    private int appendedSlot(String eventId) {
        return Math.floorMod(eventId.hashCode(), appended.length());
    }

    /** Whether the event at this global index is held decoded (it may still not be served: see {@link #decoded}). */
    boolean holds(long globalIndex, String eventId) {
        Slot held = window.get((int) Math.floorMod(globalIndex, (long) window.length()));
        return held != null && held.globalIndex == globalIndex && held.eventId.equals(eventId);
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
                if (held != null && childId.equals(held.event.childId())) {
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
                + "appended here (no decoding), %,d decoded again (key gone); keys asked for %,d times, %,d uses "
                + "found them held already", served.sum(), decodings.sum(), takenFromAppends.sum(), decodedAgain.sum(),
                keyChecks.sum(), keyChecksSkipped.sum());
    }

    /** Whether any decoded event of this child is held. */
    boolean holds(String childId) {
        for (AtomicReferenceArray<Slot> slots : List.of(window, appended)) {
            for (int at = 0; at < slots.length(); at++) {
                Slot held = slots.get(at);
                if (held != null && childId.equals(held.event.childId())) {
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

    /**
     * Whether the event may be served decoded: not a child's, or its child's key is held. Asked of the key store
     * unless it was found held less than {@link #RECHECK_AFTER_NANOS} ago with no destruction heard of since: the
     * count is read before the key is looked up, so a destruction that drops the key after the lookup changes the
     * count remembered and the next use asks again.
     */
    private boolean readable(Slot slot) {
        String childId = slot.event.childId();
        if (childId == null) {
            return true;
        }
        long heard = destructionsHeard.getAsLong();
        long now = nanoTime.getAsLong();
        KeyFound found = slot.keyFound;
        if (heard >= 0 && found != null && found.destructionsHeard() == heard
                && now - found.at() <= RECHECK_AFTER_NANOS) {
            keyChecksSkipped.increment();
            return true;
        }
        keyChecks.increment();
        if (!keyHeld.test(childId)) {
            return false;
        }
        if (heard >= 0) {
            slot.keyFound = new KeyFound(heard, now);
        }
        return true;
    }

    static Decoded of(Object payload, MetaData metaData) {
        return new Decoded(payload, metaData, payload instanceof ChildEvent event ? event.childId().value() : null);
    }
}
