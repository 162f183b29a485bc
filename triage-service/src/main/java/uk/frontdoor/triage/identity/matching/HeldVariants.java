package uk.frontdoor.triage.identity.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Known children's variants held in memory between searches, as parsed facts, so that a child found again is not read
 * from {@code child_identity_variant}'s JSON and parsed again, nor merged again while its variants are the same.
 * <p>
 * Held by content: a variant's fingerprint is the MD5 of its facts' JSON, so the facts held for a child and fingerprint
 * are the facts stored under them, whoever wrote them (another instance too) and whenever. Which variants a child has,
 * and in which order (most recently seen first), is read from the store at every search and never taken from here:
 * a child that has changed (a variant added or seen again, on any instance) is merged again, and a variant deleted
 * (erasure) is never used. What this holds is personal data, so it is dropped whenever the data-key store has heard of a
 * key destroyed ({@link uk.frontdoor.triage.dataprotection.PersonalDataKeys#destructionsHeard}, on this instance or
 * announced by another), and a child unused for {@code idle} is dropped too.
 */
final class HeldVariants {

    /**
     * One child's variants held: each parsed facts by fingerprint, and the last merge with the fingerprints it merged,
     * most recently seen first (null if none yet).
     */
    record Held(Map<String, IdentityFacts> byFingerprint, List<String> mergedOrder, Candidate merged) {

        IdentityFacts facts(String fingerprint) {
            return byFingerprint.get(fingerprint);
        }
    }

    private final Cache<String, Held> children;
    private final LongSupplier destructionsHeard;
    private final Object lock = new Object();
    private long destructionsSeen;

    /**
     * @param destructionsHeard the data-key store's count of destructions heard; a negative count means it does not
     *                          count them, and nothing is held
     */
    HeldVariants(long maximumSize, Duration idle, LongSupplier destructionsHeard) {
        this.children = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).softValues().build();
        this.destructionsHeard = destructionsHeard;
        this.destructionsSeen = destructionsHeard.getAsLong();
    }

    /**
     * The count of destructions heard, after dropping everything held if it moved since last asked: to be passed to
     * {@link #keep} with what is read after this call. Negative: nothing may be held.
     */
    long current() {
        long heard = destructionsHeard.getAsLong();
        if (heard < 0) {
            return heard;
        }
        synchronized (lock) {
            if (heard != destructionsSeen) {
                children.invalidateAll();
                destructionsSeen = heard;
            }
        }
        return heard;
    }

    Held get(String childId) {
        return children.getIfPresent(childId);
    }

    /**
     * Holds this for the child, unless a destruction was heard since {@code heardAt} ({@link #current}): then nothing
     * read since may be held, and everything is dropped.
     */
    void keep(String childId, Held held, long heardAt) {
        if (heardAt < 0) {
            return;
        }
        children.put(childId, held);
        if (destructionsHeard.getAsLong() != heardAt) {
            current();
            children.invalidate(childId);
        }
    }

    /** Adds a variant just written for the child to what is held of it (its merge is left to the next search). */
    void add(String childId, String fingerprint, IdentityFacts facts, long heardAt) {
        if (heardAt < 0) {
            return;
        }
        Held before = children.getIfPresent(childId);
        if (before != null && before.byFingerprint().containsKey(fingerprint)) {
            return;
        }
        Map<String, IdentityFacts> byFingerprint = before == null ? new HashMap<>(2)
                : new HashMap<>(before.byFingerprint());
        byFingerprint.put(fingerprint, facts);
        keep(childId, new Held(Map.copyOf(byFingerprint), before == null ? null : before.mergedOrder(),
                before == null ? null : before.merged()), heardAt);
    }

    /** How many children are held (for tests). */
    long size() {
        children.cleanUp();
        return children.estimatedSize();
    }
}
