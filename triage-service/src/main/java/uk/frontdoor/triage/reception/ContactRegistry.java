package uk.frontdoor.triage.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The write side's set checks: one contact per agency and submission id, one stream per NHS number.
 * Written in the same transaction as the child's events (Axon's unit of work joins the Spring
 * transaction), so a contact is either registered and in its stream, or neither.
 *
 * <p>Races are settled by PostgreSQL's unique indexes: {@code INSERT ... ON CONFLICT DO NOTHING}
 * waits for a concurrent insert of the same key to commit or roll back, then reports whether this
 * one won.
 */
@Repository
class ContactRegistry {

    private final JdbcClient jdbc;

    ContactRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * @param contentHash the submission's {@link SubmissionFingerprint}, or null when there is no partner
     *                    submission to compare a resend with
     * @return false when the agency already registered this submission id (and nothing was written)
     */
    boolean claimSubmission(ContactId contactId, AgencyCode agency, String submissionId, byte[] contentHash,
                            Instant receivedAt) {
        int inserted = jdbc.sql("""
                        INSERT INTO contact_registry (contact_id, agency, submission_id, content_hash, received_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (agency, submission_id) DO NOTHING""")
                .params(contactId.value(), agency.value(), submissionId, contentHash, Timestamp.from(receivedAt))
                .update();
        return inserted == 1;
    }

    void assignChild(ContactId contactId, ChildId childId) {
        jdbc.sql("UPDATE contact_registry SET child_id = ? WHERE contact_id = ?")
                .params(childId.value(), contactId.value())
                .update();
    }

    /** The stream of the child already known by this NHS number, if any. */
    Optional<ChildId> childByNhsNumber(String nhsNumber) {
        return jdbc.sql("SELECT child_id FROM child_identity WHERE nhs_number = ?")
                .param(nhsNumber)
                .query((rs, row) -> ChildId.of(rs.getString(1)))
                .optional();
    }

    /**
     * Records that this NHS number is the child's ({@code proposed}: a child matched by name, date of birth
     * and address, or a new one), unless a concurrent contact with the same number got there first: then
     * the winner's stream, so one NHS number never has two.
     */
    ChildId claimNhsNumber(String nhsNumber, ChildId proposed) {
        Optional<ChildId> claimed = jdbc.sql("""
                        INSERT INTO child_identity (nhs_number, child_id) VALUES (?, ?)
                        ON CONFLICT (nhs_number) DO NOTHING RETURNING child_id""")
                .params(nhsNumber, proposed.value())
                .query((rs, row) -> ChildId.of(rs.getString(1)))
                .optional();
        // Under READ COMMITTED the lookup sees the row a concurrent winner committed.
        return claimed.or(() -> childByNhsNumber(nhsNumber)).orElseThrow();
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
