package uk.frontdoor.triage.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;

import java.sql.Timestamp;
import java.time.Instant;
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
 * <p>Receptions take turns ({@link #receiveAlone}), so nothing they check changes under them; the unique
 * indexes still guard both sets: a submission claimed by a step-up or a concurrent delivery is reported
 * as taken ({@code INSERT ... ON CONFLICT DO NOTHING}), and an NHS number claimed twice fails the
 * transaction.
 */
@Repository
class ContactRegistry {

    /** The advisory lock key of {@link #receiveAlone}: "FRONTDOR" in ASCII, unused by anything else. */
    private static final long RECEPTION_LOCK = 0x46524f4e54444f52L;

    private final JdbcClient jdbc;

    ContactRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes this transaction the only one receiving contacts until it ends, on every instance: taken first,
     * held to commit. Matching decides which child a contact is by what earlier contacts left in
     * {@code child_identity_variant}; two transactions receiving contacts about one new child side by side
     * would not see each other's rows and would start two records for one child. It also spares concurrent
     * batches the lock waits and deadlocks of claiming one NHS number each (measured: 4 consumers spent 155 s
     * of 134 waiting on each other's {@code child_identity} rows, and rolled batches back, for 4,000 contacts).
     */
    void receiveAlone() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(RECEPTION_LOCK).query(Object.class).list();
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
     * receptions take turns ({@link #receiveAlone}), so none of these can have been claimed meanwhile: if
     * one was, the transaction is failed rather than a number given two streams.
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
