package uk.frontdoor.infra.wakeup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.messaging.MetaData;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Stored events this instance has recently deserialised (and whose personal fields it has decrypted), shared by
 * every event processor that reads them: each read model's processor reads the store on its own stream, and
 * without this each one deserialised and decrypted every event again.
 * <p>
 * A decoded event holds a child's personal data in plain text, so it is served only while that child's data key
 * is still held ({@link PersonalDataKeys#forReading}), checked on every use: once the key is destroyed (erasure;
 * this instance forgets the key at once, the others when the destroying transaction commits) the event is decoded
 * again from what is stored, and reads as erased. A destroyed key's child is also dropped from here when the
 * notification arrives ({@link #forget}), so the plain text does not stay in memory until it ages out. Entries
 * are bounded in number and in age.
 */
public final class DecodedEvents {

    private final Cache<String, Decoded> decoded;
    private final PersonalDataKeys keys;

    /** A stored event's payload and meta data as read, and the child whose key opened it (null: not a child's). */
    record Decoded(Object payload, MetaData metaData, String childId) {
    }

    public DecodedEvents(PersonalDataKeys keys, long maximumSize, Duration expireAfter) {
        this.keys = keys;
        this.decoded = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfter).build();
    }

    /**
     * The event decoded once for all its readers: held, if it is still readable, otherwise decoded now (by one
     * reader, others asking for the same event meanwhile wait for it).
     */
    Decoded decoded(String key, Supplier<Decoded> decode) {
        Decoded held = decoded.get(key, k -> decode.get());
        if (readable(held)) {
            return held;
        }
        // Decoded before the child's key was destroyed: never served again. Decoded afresh, the personal fields
        // read as erased; not kept (an erased child's events are rare, and this keeps the rule simple).
        decoded.asMap().remove(key, held);
        return decode.get();
    }

    /** The child's key was destroyed (on any instance): its decoded events go. */
    public void forget(String childId) {
        decoded.asMap().values().removeIf(event -> childId.equals(event.childId()));
    }

    /** Some destructions may have gone unheard: everything goes. */
    public void forgetAll() {
        decoded.invalidateAll();
    }

    /** Whether any decoded event of this child is held. */
    boolean holds(String childId) {
        return decoded.asMap().values().stream().anyMatch(event -> childId.equals(event.childId()));
    }

    private boolean readable(Decoded event) {
        return event.childId() == null || keys.forReading(event.childId()).isPresent();
    }

    static Decoded of(Object payload, MetaData metaData) {
        return new Decoded(payload, metaData, payload instanceof ChildEvent event ? event.childId().value() : null);
    }
}
