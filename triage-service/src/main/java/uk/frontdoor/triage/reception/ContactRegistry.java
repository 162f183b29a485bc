package uk.frontdoor.triage.reception;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The write side's set checks: one contact per agency and submission id, one stream per NHS number.
 * Written in the same transaction as the child's events (Axon's unit of work joins the Spring
 * transaction), so a contact is either registered and in its stream, or neither.
 *
 * <p>Receptions whose contacts matching could join take turns ({@link #receiveWith}, or all of them with
 * {@link #receiveAlone}), so nothing they check changes under them: an NHS number is one of the keys. The unique
 * indexes still guard both sets: a submission claimed by a step-up or a concurrent delivery is reported
 * as taken ({@code INSERT ... ON CONFLICT DO NOTHING}, which waits for a concurrent claim of the same submission
 * to commit or roll back), and an NHS number claimed twice fails the transaction.
 */
@Repository
class ContactRegistry {

    /** The advisory lock key of {@link #receiveAlone}: "FRONTDOR" in ASCII, unused by anything else. */
    private static final long RECEPTION_LOCK = 0x46524f4e54444f52L;
    /** The high half of {@link #receiveWith}'s advisory lock keys: "FDRK" in ASCII, so they are told apart. */
    private static final long KEY_LOCKS = 0x4644524bL << 32;

    private final JdbcClient jdbc;
    private final ReceptionLockProperties settings;
    /** This database's secret for hashing lock keys (V70), read once. */
    private volatile SecretKeySpec secret;
    private final Counter alone;
    private final Counter aloneWaited;
    private final Counter byKeys;
    private final Counter byKeysWaited;
    private final DistributionSummary keysLocked;

    ContactRegistry(JdbcClient jdbc, ReceptionLockProperties settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.settings = settings;
        String transactions = "frontdoor.reception.transactions";
        String description = "Reception transactions, by the lock they took and whether they waited for it";
        this.alone = Counter.builder(transactions).tag("lock", "alone").tag("waited", "false")
                .description(description).register(meters);
        this.aloneWaited = Counter.builder(transactions).tag("lock", "alone").tag("waited", "true")
                .description(description).register(meters);
        this.byKeys = Counter.builder(transactions).tag("lock", "keys").tag("waited", "false")
                .description(description).register(meters);
        this.byKeysWaited = Counter.builder(transactions).tag("lock", "keys").tag("waited", "true")
                .description(description).register(meters);
        this.keysLocked = DistributionSummary.builder("frontdoor.reception.lock.keys")
                .description("Keys a reception transaction locked (distinct hashes)").register(meters);
    }

    /** Whether receptions lock matching's keys ({@link #receiveWith}) rather than all take turns. */
    boolean locksKeys() {
        return settings.mode() == ReceptionLockProperties.Mode.KEYS;
    }

    /**
     * Makes this transaction the only one receiving contacts with any of these keys until it ends, on every
     * instance: taken first, held to commit ({@code MatchingLockKeys} says why keys suffice). Another transaction
     * with a key in common waits for this one to end; one with none runs beside it. A transaction with more than
     * {@code frontdoor.intake.reception-lock.max-keys} keys {@link #receiveAlone receives alone} instead.
     *
     * <p>The keys are personal data: each is hashed with this database's secret (HMAC-SHA-256, V70), and only the
     * hash's first 32 bits are locked, below a marker ({@code FDRK}). Two keys with one hash (about one pair in
     * 4 billion) only serialise two transactions that could have run side by side. Every transaction also takes
     * the global reception lock shared, so that one receiving alone excludes them all; the global lock first, then
     * the keys in ascending order, in one statement ({@code reception_lock}, V70): every transaction takes its
     * locks in that one order, so none can hold a lock another waits for while waiting for one that other holds.
     */
    void receiveWith(java.util.Collection<String> keys) {
        Mac mac = mac();
        long[] hashes = keys.stream().mapToLong(key -> hash(mac, key)).sorted().distinct().toArray();
        if (hashes.length > settings.maxKeys()) {
            receiveAlone();
            return;
        }
        Long[] sorted = Arrays.stream(hashes).boxed().toArray(Long[]::new);
        int waited = jdbc.sql("SELECT reception_lock(?, CAST(? AS bigint[]))").params(RECEPTION_LOCK, sorted)
                .query(Integer.class).single();
        keysLocked.record(hashes.length);
        (waited > 0 ? byKeysWaited : byKeys).increment();
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reception lock keys cannot be hashed", e);
        }
    }

    /** The key's lock: its keyed hash's first 32 bits below the marker. */
    private static long hash(Mac mac, String key) {
        byte[] digest = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        long low = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return KEY_LOCKS | low;
    }

    private SecretKeySpec secret() {
        SecretKeySpec known = secret;
        if (known == null) {
            String stored = jdbc.sql("SELECT secret FROM reception_lock_secret").query(String.class).single();
            known = new SecretKeySpec(stored.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            secret = known;
        }
        return known;
    }

    /**
     * Makes this transaction the only one receiving contacts until it ends, on every instance: taken first,
     * held to commit. Matching decides which child a contact is by what earlier contacts left in
     * {@code child_identity_variant}; two transactions receiving contacts about one new child side by side
     * would not see each other's rows and would start two records for one child. It also spares concurrent
     * batches the lock waits and deadlocks of claiming one NHS number each (measured: 4 consumers spent 155 s
     * of 134 waiting on each other's {@code child_identity} rows, and rolled batches back, for 4,000 contacts).
     * With {@code frontdoor.intake.reception-lock.mode=global} every reception takes it; otherwise only one with
     * more keys than {@code max-keys} ({@link #receiveWith}), and the others take it shared.
     */
    void receiveAlone() {
        int waited = jdbc.sql("SELECT reception_lock(?, NULL)").param(RECEPTION_LOCK).query(Integer.class).single();
        (waited > 0 ? aloneWaited : alone).increment();
    }

    /**
     * The contact an agency's submission id was first registered as.
     *
     * @param contentHash its {@link SubmissionFingerprint}; null for a contact registered before hashes were
     *                    kept, or one that is not a partner's submission (a step-up)
     */
    record Registered(ContactId contactId, byte[] contentHash) {
    }

    Optional<Registered> findBySubmission(AgencyCode agency, String submissionId) {
        return jdbc.sql("SELECT contact_id, content_hash FROM contact_registry WHERE agency = ? AND submission_id = ?")
                .params(agency.value(), submissionId)
                .query((rs, row) -> new Registered(ContactId.of(rs.getString(1)), rs.getBytes(2)))
                .optional();
    }

    /**
     * A submission to claim: the contact it becomes if it is new.
     *
     * @param contentHash the submission's {@link SubmissionFingerprint}, or null when there is no partner
     *                    submission to compare a resend with (a step-up)
     */
    record Claim(ContactId contactId, AgencyCode agency, String submissionId, byte[] contentHash,
                 Instant receivedAt) {
    }

    /**
     * Claims every submission in one statement; a submission claimed twice in the list is claimed by its first,
     * and one the agency already registered writes nothing.
     *
     * @return the contacts whose submissions were new
     */
    Set<ContactId> claimSubmissions(List<Claim> claims) {
        Set<ContactId> claimed = new HashSet<>();
        jdbc.sql("""
                        INSERT INTO contact_registry (contact_id, agency, submission_id, content_hash, received_at)
                        SELECT c, a, s, decode(h, 'hex'), r
                          FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                      CAST(? AS text[]), CAST(? AS timestamptz[])) AS claim(c, a, s, h, r)
                        ON CONFLICT (agency, submission_id) DO NOTHING
                        RETURNING contact_id""")
                .params(claims.stream().map(claim -> claim.contactId().value()).toArray(String[]::new),
                        claims.stream().map(claim -> claim.agency().value()).toArray(String[]::new),
                        claims.stream().map(Claim::submissionId).toArray(String[]::new),
                        claims.stream().map(claim -> claim.contentHash() == null ? null
                                : HexFormat.of().formatHex(claim.contentHash())).toArray(String[]::new),
                        claims.stream().map(claim -> claim.receivedAt().toString()).toArray(String[]::new))
                .query(rs -> {
                    claimed.add(ContactId.of(rs.getString(1)));
                });
        return claimed;
    }

    /** Records each contact's child, in one statement. */
    void assignChildren(Map<ContactId, ChildId> children) {
        if (!children.isEmpty()) {
            jdbc.sql("""
                            UPDATE contact_registry r SET child_id = v.child_id
                              FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[])) AS v(contact_id, child_id)
                             WHERE r.contact_id = v.contact_id""")
                    .params(children.keySet().stream().map(ContactId::value).toArray(String[]::new),
                            children.values().stream().map(ChildId::value).toArray(String[]::new))
                    .update();
        }
    }

    /** The streams of the children already known by these NHS numbers, in one statement; a map to change. */
    Map<String, ChildId> childrenByNhsNumber(Set<String> nhsNumbers) {
        Map<String, ChildId> known = new HashMap<>();
        if (!nhsNumbers.isEmpty()) {
            jdbc.sql("SELECT nhs_number, child_id FROM child_identity WHERE nhs_number = ANY(CAST(? AS char(10)[]))")
                    .param(nhsNumbers.toArray(String[]::new))
                    .query(rs -> {
                        known.put(rs.getString(1), ChildId.of(rs.getString(2)));
                    });
        }
        return known;
    }

    /**
     * Records that each NHS number is its child's, in one statement. Only a reception claims numbers, and
     * receptions with one NHS number take turns (it is one of their keys, {@link #receiveWith}), so none of these
     * can have been claimed meanwhile: if one was, the transaction is failed rather than a number given two
     * streams.
     */
    void claimNhsNumbers(Map<String, ChildId> claims) {
        if (claims.isEmpty()) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO child_identity (nhs_number, child_id)
                        SELECT * FROM unnest(CAST(? AS char(10)[]), CAST(? AS varchar[]))
                        ON CONFLICT (nhs_number) DO NOTHING""")
                .params(claims.keySet().toArray(String[]::new),
                        claims.values().stream().map(ChildId::value).toArray(String[]::new))
                .update();
        if (inserted != claims.size()) {
            throw new IllegalStateException("an NHS number was claimed by another reception in the meantime");
        }
    }

    Optional<ContactRegistration> find(ContactId contactId) {
        return jdbc.sql("""
                        SELECT contact_id, child_id, agency, submission_id, received_at
                        FROM contact_registry WHERE contact_id = ?""")
                .param(contactId.value())
                .query((rs, row) -> new ContactRegistration(
                        ContactId.of(rs.getString("contact_id")),
                        ChildId.of(rs.getString("child_id")),
                        AgencyCode.of(rs.getString("agency")),
                        rs.getString("submission_id"),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
    }
}
