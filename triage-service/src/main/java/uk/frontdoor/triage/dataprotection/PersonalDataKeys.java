package uk.frontdoor.triage.dataprotection;

import uk.frontdoor.triage.api.value.ChildId;

import java.util.Optional;

/**
 * Each child's own data key, which encrypts the child's {@link uk.frontdoor.triage.api.value.Personal personal}
 * fields in stored events. Keys are kept wrapped by the master key ({@link KeyEncryptionKey}).
 */
public interface PersonalDataKeys {

    /**
     * The key new events of this child are encrypted with, created on first use. For a child whose key was
     * destroyed, a throwaway key that is never stored: what is written for an erased child is unreadable from
     * the start.
     */
    DataKey forWriting(String childId);

    /**
     * A child that the caller's transaction creates (a new record, its id just made): its key is made now and
     * stored with the transaction's other new keys, in one statement just before it commits, instead of one
     * statement each on first use. Outside a transaction, or in a store that keeps no rows, the same as first use.
     */
    default void newChild(String childId) {
        forWriting(childId);
    }

    /**
     * Reads these children's keys into memory together, ahead of reading their events: one statement for a
     * group of children instead of one for each child not held yet. The keys are then used as by
     * {@link #forReading}.
     */
    default void loadAll(java.util.Collection<String> childIds) {
    }

    /**
     * Reads these children's keys together, as {@link #loadAll}, and holds them apart from the key cache for one
     * piece of work (a rebuild's page of thousands of events about a thousand children): while a thread
     * {@link Held#use uses} them, {@link #forReading} finds them there, so a cache smaller than the children a rebuild
     * meets cannot drop one between its reading and its use (each dropped key was a statement of its own). Erasure
     * still wins: once this instance hears of any destruction after the keys were read ({@link #destructionsHeard}
     * moves), the held keys are no longer used and every key is asked for as before. A child whose key was not
     * found (destroyed, or never written) is asked for as before too.
     */
    default Held held(java.util.Collection<String> childIds) {
        loadAll(childIds);
        return Held.NONE;
    }

    /** Keys read for one piece of work ({@link #held}); usable on any thread, by one thread at a time. */
    interface Held {
        /** No keys held: every key is asked for as without {@link #held}. */
        Held NONE = () -> () -> {
        };

        /** Makes the keys found by {@link #forReading} on this thread until the returned scope is closed. */
        Scope use();
    }

    /** A thread's use of held keys; closing it ends the use. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The key to read this child's events with; empty once it is destroyed (or for a child never written). */
    Optional<DataKey> forReading(String childId);

    /**
     * How many times this instance has destroyed a key, been told of a destruction elsewhere, or forgotten every key
     * ({@link #destroy}, {@link #forgetCached}, {@link #forgetAllCached}): it changes after each has dropped the key
     * from memory, so whoever read this number, then found a child's key by {@link #forReading}, and reads the same
     * number again knows that no destruction this instance has heard of came in between. Something that uses a key
     * many times (a decoded event served to every read model) can ask {@link #forReading} once and this after. A
     * destruction not heard of (the notification lost) is not counted: it shows when the cached key expires. Negative:
     * not counted, ask {@link #forReading} every time.
     */
    default long destructionsHeard() {
        return -1;
    }

    /**
     * Destroys the child's data key irrevocably: every personal field of every stored event of the child (and
     * every backup and replay of them) becomes unreadable and reads as
     * {@link uk.frontdoor.triage.api.value.PersonalData#ERASED}. This is what erasure (crypto-shredding) calls.
     * <p>
     * The wrapped key is removed from its row in the caller's transaction (if there is one; otherwise at once)
     * and a tombstone stays, so the child is never given a new key: personal data written for the child later
     * is unreadable too. This instance forgets the key at once, the others when the transaction commits (a
     * PostgreSQL notification; should one go unheard, within the key cache's time to live,
     * {@code frontdoor.data-protection.key-cache-ttl}). There is no undo.
     *
     * @return whether a key was destroyed (false if the child had none, or it was destroyed before)
     */
    boolean destroy(ChildId childId);

    /** Whether the child's key has been destroyed. */
    boolean destroyed(ChildId childId);

    /**
     * Drops the child's key from this instance's memory: another instance destroyed it. Each {@link #destroy}
     * tells every instance so on commit ({@code NOTIFY} on {@link #KEYS_DESTROYED}).
     */
    void forgetCached(String childId);

    /** Drops every key from this instance's memory: some destructions elsewhere may have gone unheard. */
    void forgetAllCached();

    /** The PostgreSQL notification channel on which a destroyed key's child id is announced, on commit. */
    String KEYS_DESTROYED = "frontdoor_keys_destroyed";
}
