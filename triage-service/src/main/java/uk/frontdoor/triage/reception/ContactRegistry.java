package uk.frontdoor.triage.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

    Optional<ContactId> findBySubmission(AgencyCode agency, String submissionId) {
        return jdbc.sql("SELECT contact_id FROM contact_registry WHERE agency = ? AND submission_id = ?")
                .params(agency.value(), submissionId)
                .query((rs, row) -> ContactId.of(rs.getString(1)))
                .optional();
    }

    /** @return false when the agency already registered this submission id (and nothing was written) */
    boolean claimSubmission(ContactId contactId, AgencyCode agency, String submissionId, Instant receivedAt) {
        int inserted = jdbc.sql("""
                        INSERT INTO contact_registry (contact_id, agency, submission_id, received_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (agency, submission_id) DO NOTHING""")
                .params(contactId.value(), agency.value(), submissionId, Timestamp.from(receivedAt))
                .update();
        return inserted == 1;
    }

    void assignChild(ContactId contactId, ChildId childId) {
        jdbc.sql("UPDATE contact_registry SET child_id = ? WHERE contact_id = ?")
                .params(childId.value(), contactId.value())
                .update();
    }

    /** The stream of the child with this NHS number, creating the link for a child not seen before. */
    ChildId childWithNhsNumber(String nhsNumber) {
        ChildId candidate = ChildId.random();
        jdbc.sql("INSERT INTO child_identity (nhs_number, child_id) VALUES (?, ?) ON CONFLICT (nhs_number) DO NOTHING")
                .params(nhsNumber, candidate.value())
                .update();
        // Under READ COMMITTED this statement sees a row committed by a concurrent winner.
        return jdbc.sql("SELECT child_id FROM child_identity WHERE nhs_number = ?")
                .param(nhsNumber)
                .query((rs, row) -> ChildId.of(rs.getString(1)))
                .single();
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

    /**
     * Children already known with the same name, date of birth and postcode, other than this one,
     * whose NHS number (where both are known) does not contradict the contact's.
     */
    List<ChildId> possibleMatches(ChildId childId, ContactSubmission.Child child) {
        return Demographics.of(child).map(key -> jdbc.sql("""
                                SELECT DISTINCT child_id FROM child_demographics
                                WHERE date_of_birth = ? AND family_name = ? AND given_name = ? AND postcode = ?
                                  AND child_id <> ? AND (nhs_number IS NULL OR ?::char(10) IS NULL OR nhs_number = ?)
                                ORDER BY child_id""")
                        .params(key.dateOfBirth(), key.familyName(), key.givenName(), key.postcode(),
                                childId.value(), child.nhsNumber(), child.nhsNumber())
                        .query((rs, row) -> ChildId.of(rs.getString(1)))
                        .list())
                .orElse(List.of());
    }

    /** Remembers who this child record is, so later contacts without an NHS number can be matched. */
    void remember(ChildId childId, ContactSubmission.Child child) {
        Demographics.of(child).ifPresent(key -> jdbc.sql("""
                        INSERT INTO child_demographics (child_id, family_name, given_name, date_of_birth, postcode, nhs_number)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT child_demographics_unique DO NOTHING""")
                .params(childId.value(), key.familyName(), key.givenName(), key.dateOfBirth(), key.postcode(),
                        child.nhsNumber())
                .update());
    }

    /** The normalised matching key; none for an unborn baby or a child without name, birth date or postcode. */
    record Demographics(String familyName, String givenName, LocalDate dateOfBirth, String postcode) {

        static Optional<Demographics> of(ContactSubmission.Child child) {
            String postcode = child.address() == null ? null : child.address().postcode();
            if (child.familyName() == null || child.givenName() == null || child.dateOfBirth() == null
                    || postcode == null) {
                return Optional.empty();
            }
            return Optional.of(new Demographics(normalise(child.familyName()), normalise(child.givenName()),
                    child.dateOfBirth(), normalise(postcode)));
        }

        private static String normalise(String text) {
            return text.replaceAll("[\\s'’-]", "").toLowerCase(Locale.ROOT);
        }
    }
}
