package uk.frontdoor.infra.axon;

import org.axonframework.common.IdentifierFactory;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Axon's message identifiers: random (version 4) UUIDs, as Axon's default makes them, but each thread drawing from
 * a generator of its own.
 * <p>
 * Why: Axon gives every message an identifier, including the result message its batching unit of work makes for
 * each event a processor handles, so every read model's worker asks for one per event. The default,
 * {@link UUID#randomUUID()}, draws from the JDK's one shared {@code SecureRandom} ({@code NativePRNG} on Linux), whose
 * draws are serialised on one lock: in a profile of the intake at 100 contacts a second, the read side's workers
 * waited about 32 s on it in a 95 s window (docs/benchmarks.md). A per-thread DRBG keeps identifiers
 * unguessable and as unlikely to collide (122 random bits), with no lock shared between threads.
 * <p>
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class PerThreadRandomIdentifiers extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PerThreadRandomIdentifiers::drbg);

    @Override
    public String generateIdentifier() {
        return randomUuid(RANDOM.get()).toString();
    }

    /** A version 4, IETF variant UUID from 16 bytes of {@code random}, as {@link UUID#randomUUID()} builds it. */
    static UUID randomUuid(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static SecureRandom drbg() {
        try {
            // DRBG locks only its own instance; seeded from the operating system's entropy like the default.
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("the JDK's DRBG SecureRandom is missing", absent);
        }
    }
}
