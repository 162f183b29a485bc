package uk.frontdoor.triage.erasure;

import org.axonframework.config.EventProcessingConfigurer;
import uk.frontdoor.triage.InTheCommandsTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldLifted;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.value.ChildId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Erasures, pending erasures and legal holds as the pages and the API read them, and the write side's own erasure:
 * on {@link ChildErased} the child leaves every table the command side keeps (the NHS number's stream, the
 * matching variants with names, dates of birth and addresses, the contact facts the rules read for linked records,
 * the links, the restrictions). The read models delete their own rows on the same event.
 *
 * <p>A subscribing processor, as {@code RecordRestrictions} is: the rows change in the transaction that appends
 * the event, so no page shows an erased child after the manager is told it is erased. Not rebuilt by a replay: as
 * durable as the event store it is written with.
 */
@Component
@ProcessingGroup(ErasureRecords.PROCESSING_GROUP)
public class ErasureRecords {

    public static final String PROCESSING_GROUP = "erasure-records";

    private final JdbcClient jdbc;

    ErasureRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        InTheCommandsTransaction.subscribe(processing, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ErasureRequested event) {
        jdbc.sql("""
                        INSERT INTO erasure_requests (child_id, reason, legal_basis, reference, requested_by, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (child_id) DO NOTHING""")
                .params(event.childId().value(), event.reason().name(), event.legalBasis().name(), event.reference(),
                        event.actor().userId(), Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(ChildErased event) {
        String child = event.childId().value();
        jdbc.sql("""
                        INSERT INTO erased_children (child_id, erased_at, reason, legal_basis, reference, requested_by,
                                                     authorised_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (child_id) DO NOTHING""")
                .params(child, Timestamp.from(event.at()), event.reason().name(), event.legalBasis().name(),
                        event.reference(), event.requestedBy().userId(), event.actor().userId())
                .update();
        for (String sql : List.of(
                "DELETE FROM erasure_requests WHERE child_id = ?",
                "DELETE FROM legal_holds WHERE child_id = ?",
                // A new contact with the child's NHS number starts a new record: the erased one is gone.
                "DELETE FROM child_identity WHERE child_id = ?",
                "DELETE FROM child_identity_variant WHERE child_id = ?",
                "DELETE FROM child_contact_facts WHERE child_id = ?",
                "DELETE FROM restricted_records WHERE child_id = ?",
                // A digest of the partner's submission: derived from the child's data, and of no use once it is gone
                // (a resend of the same submission id finds the contact and is answered as already received).
                "UPDATE contact_registry SET content_hash = NULL WHERE child_id = ?")) {
            jdbc.sql(sql).param(child).update();
        }
        jdbc.sql("DELETE FROM child_record_link WHERE child_id = ? OR linked_child_id = ?").params(child, child).update();
    }

    @EventHandler
    void on(LegalHoldPlaced event) {
        jdbc.sql("""
                        INSERT INTO legal_holds (child_id, hold_id, kind, reason, placed_by, placed_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (child_id, hold_id) DO NOTHING""")
                .params(event.childId().value(), event.holdId(), event.kind().name(), event.reason(),
                        event.actor().userId(), Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(LegalHoldLifted event) {
        jdbc.sql("DELETE FROM legal_holds WHERE child_id = ? AND hold_id = ?")
                .params(event.childId().value(), event.holdId())
                .update();
    }

    /** An erased record's decision: what "erased on ... under ..." says. */
    public record Erased(ChildId childId, Instant erasedAt, ErasureRequested.Reason reason,
                         ErasureRequested.LegalBasis legalBasis, String reference, String requestedBy,
                         String authorisedBy) {

        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

        /** "Erased on 6 December 2026 under UK GDPR Article 17(1)(a), no longer necessary." */
        public String inWords() {
            return "Erased on " + DAY.format(erasedAt) + " under "
                    + uk.frontdoor.triage.api.vocabulary.Vocabulary.plainEnglish().word("legal-basis", legalBasis) + ".";
        }
    }

    public record Pending(ChildId childId, ErasureRequested.Reason reason, ErasureRequested.LegalBasis legalBasis,
                          String reference, String requestedBy, Instant requestedAt) {
    }

    public record Hold(ChildId childId, String holdId, LegalHoldPlaced.Kind kind, String reason, String placedBy,
                       Instant placedAt) {
    }

    public Optional<Erased> erased(ChildId child) {
        return jdbc.sql("SELECT * FROM erased_children WHERE child_id = ?").param(child.value())
                .query((rs, row) -> erased(rs)).optional();
    }

    /** The erased record a contact belonged to, if it was erased. */
    public Optional<Erased> erasedWithContact(String contactId) {
        return jdbc.sql("""
                        SELECT e.* FROM erased_children e JOIN contact_registry r ON r.child_id = e.child_id
                        WHERE r.contact_id = ?""")
                .param(contactId).query((rs, row) -> erased(rs)).optional();
    }

    public List<Erased> erasedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM erased_children WHERE erased_at >= ? AND erased_at < ? ORDER BY erased_at")
                .params(Timestamp.from(from), Timestamp.from(to)).query((rs, row) -> erased(rs)).list();
    }

    public Optional<Pending> pending(ChildId child) {
        return jdbc.sql("SELECT * FROM erasure_requests WHERE child_id = ?").param(child.value())
                .query((rs, row) -> pending(rs)).optional();
    }

    /** Every erasure waiting for a second manager, oldest first. */
    public List<Pending> pending() {
        return jdbc.sql("SELECT * FROM erasure_requests ORDER BY requested_at, child_id")
                .query((rs, row) -> pending(rs)).list();
    }

    public List<Hold> holds(ChildId child) {
        return jdbc.sql("SELECT * FROM legal_holds WHERE child_id = ? ORDER BY placed_at, hold_id").param(child.value())
                .query((rs, row) -> new Hold(ChildId.of(rs.getString("child_id")), rs.getString("hold_id"),
                        LegalHoldPlaced.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                        rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    private static Erased erased(ResultSet rs) throws SQLException {
        return new Erased(ChildId.of(rs.getString("child_id")), rs.getTimestamp("erased_at").toInstant(),
                ErasureRequested.Reason.valueOf(rs.getString("reason")),
                ErasureRequested.LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("reference"),
                rs.getString("requested_by"), rs.getString("authorised_by"));
    }

    private static Pending pending(ResultSet rs) throws SQLException {
        return new Pending(ChildId.of(rs.getString("child_id")),
                ErasureRequested.Reason.valueOf(rs.getString("reason")),
                ErasureRequested.LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("reference"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant());
    }
}
