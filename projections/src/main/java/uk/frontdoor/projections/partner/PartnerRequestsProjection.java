package uk.frontdoor.projections.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.query.FindPartnerAction;
import uk.frontdoor.triage.api.query.FindPartnerActions;
import uk.frontdoor.triage.api.query.PartnerActions;
import uk.frontdoor.triage.api.query.FindPartnerRequestHistory;
import uk.frontdoor.triage.api.query.PartnerRequestHistory;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;

/**
 * Partner checks as each agency sees them: its requests, most urgent first, with the child's details to search
 * its own systems by. Every write is keyed by its contact, so a contact's events are applied in order.
 */
@Component
@ProcessingGroup(PartnerRequestsProjection.PROCESSING_GROUP)
class PartnerRequestsProjection {

    static final String PROCESSING_GROUP = "partner-requests";

    private static final String SELECT = """
            SELECT r.*, s.submission FROM partner_requests r
            JOIN contact_submissions s ON s.contact_id = r.contact_id
            """;

    private static final String ACTIONS = """
            SELECT a.*, s.submission FROM partner_actions a
            JOIN contact_submissions s ON s.contact_id = a.contact_id
            """;
    /** A reply typed in by the front door's staff, as the history names it. */
    static final String REPLIED_BY_STAFF = "REPLIED_BY_STAFF";
    /** A page's worth: an agency's list is a work list, not an archive. */
    static final int MOST_ACTIONS = 200;

    private final JdbcClient jdbc;
    private final RowWrites rows;
    private final ObjectMapper json;

    PartnerRequestsProjection(JdbcClient jdbc, RowWrites rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
    }

    @EventHandler
    void on(PartnerCheckRequested event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        INSERT INTO partner_requests (check_id, child_id, contact_id, agency, question, requested_at,
                                                      due_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (check_id) DO NOTHING""",
                event.checkId(), event.childId().value(), event.contactId().value(), event.agency(),
                event.question(), Timestamp.from(event.at()), Timestamp.from(event.dueAt()));
    }

    /**
     * The check's clock says the contact's RAG rating when it was asked; an action's clock, when the action falls
     * due (the office's close on its due date).
     */
    @EventHandler
    void on(ClockStarted event) {
        if (event.type() == ClockType.PARTNER_CHECK && event.reference() != null && event.priority() != null) {
            rows.write(PROCESSING_GROUP, event.contactId().value(),
                    "UPDATE partner_requests SET priority = ? WHERE check_id = ?",
                    event.priority().name(), event.reference());
        }
        int hash = event.reference() == null ? -1 : event.reference().lastIndexOf('#');
        if (event.type() == ClockType.STRATEGY_ACTION && hash > 0) {
            rows.write(PROCESSING_GROUP, event.contactId().value(),
                    "UPDATE partner_actions SET due_at = ? WHERE discussion_id = ? AND action_no = ?",
                    Timestamp.from(event.dueAt()), event.reference().substring(0, hash),
                    Integer.parseInt(event.reference().substring(hash + 1)));
        }
    }

    /** Each action agreed is its owning agency's to do. */
    @EventHandler
    void on(StrategyDiscussionHeld event) {
        for (int i = 0; i < event.actions().size(); i++) {
            StrategyDiscussionHeld.Action action = event.actions().get(i);
            rows.write(PROCESSING_GROUP, event.contactId().value(), """
                            INSERT INTO partner_actions (discussion_id, action_no, child_id, contact_id, agency,
                                                         description, owner, due_date, held_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (discussion_id, action_no) DO NOTHING""",
                    event.discussionId(), i + 1, event.childId().value(), event.contactId().value(),
                    action.agency().toUpperCase(Locale.ROOT), action.description(), action.owner(),
                    java.sql.Date.valueOf(action.dueDate()), Timestamp.from(event.heldAt()));
        }
    }

    @EventHandler
    void on(StrategyActionDone event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        UPDATE partner_actions SET done_at = ?, done_note = ?, done_by = ?
                        WHERE discussion_id = ? AND action_no = ? AND done_at IS NULL""",
                Timestamp.from(event.doneAt()), event.note(),
                // The agency's system names the person who did it; staff on the pages are who they signed in as.
                event.doneBy() == null ? event.actor().userId() : event.doneBy(), event.discussionId(),
                event.action());
    }

    @EventHandler
    void on(PartnerCheckAnswered event) {
        String by = event.answeredBy() == null ? null
                : event.answeredBy().userId() != null ? event.answeredBy().userId() : event.answeredBy().agency();
        answered(event.contactId(), event.checkId(), event.at(), event.answer().name(), by, event.late());
    }

    @EventHandler
    void on(PartnerCheckReplied event) {
        answered(event.contactId(), event.checkId(), event.at(), REPLIED_BY_STAFF, event.actor().userId(),
                event.late());
    }

    private void answered(ContactId contactId, String checkId, java.time.Instant at, String answer, String by,
                          boolean late) {
        rows.write(PROCESSING_GROUP, contactId.value(), """
                        UPDATE partner_requests SET answered_at = ?, answer = ?, answered_by = ?, late = ?
                        WHERE check_id = ? AND answered_at IS NULL""",
                Timestamp.from(at), answer, by, late, checkId);
    }

    /** A decided contact needs no more answers: its unanswered checks leave the agencies' lists. */
    @EventHandler
    void on(ProposalAuthorised event) {
        rows.write(PROCESSING_GROUP, event.contactId().value(), """
                        UPDATE partner_requests SET closed_at = ?
                        WHERE contact_id = ? AND answered_at IS NULL AND closed_at IS NULL""",
                Timestamp.from(event.at()), event.contactId().value());
    }

    /** The child's record was erased: their rows go, after the batch's other writes (a replay's too). */
    @EventHandler
    void on(ChildErased event) {
        rows.writeAfter(PROCESSING_GROUP, "DELETE FROM partner_requests WHERE child_id = ?", event.childId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM partner_requests").update();
        jdbc.sql("DELETE FROM partner_actions").update();
    }

    @QueryHandler
    PartnerRequests handle(FindPartnerRequests query) {
        return new PartnerRequests(jdbc.sql(SELECT + """
                        WHERE r.agency = ? AND r.answered_at IS NULL AND r.closed_at IS NULL
                        ORDER BY r.due_at, r.requested_at, r.check_id""")
                .param(query.agency())
                .query(this::request)
                .list());
    }

    @QueryHandler
    Optional<PartnerRequests.Request> handle(FindPartnerRequest query) {
        var select = query.agency() == null
                ? jdbc.sql(SELECT + "WHERE r.check_id = ?").param(query.requestId())
                : jdbc.sql(SELECT + "WHERE r.check_id = ? AND r.agency = ?").params(query.requestId(), query.agency());
        return select.query(this::request).optional();
    }

    @QueryHandler
    PartnerRequestHistory handle(FindPartnerRequestHistory query) {
        return new PartnerRequestHistory(jdbc.sql(SELECT + """
                        WHERE r.agency = ? AND (r.answered_at IS NOT NULL OR r.closed_at IS NOT NULL)
                        ORDER BY r.requested_at DESC, r.check_id LIMIT """ + " " + MOST_ACTIONS)
                .param(query.agency())
                .query((rs, row) -> {
                    String priority = rs.getString("priority");
                    Timestamp answeredAt = rs.getTimestamp("answered_at");
                    Timestamp closedAt = rs.getTimestamp("closed_at");
                    boolean late = rs.getBoolean("late");
                    Boolean lateOrNull = rs.wasNull() ? null : late;
                    return new PartnerRequestHistory.Past(rs.getString("check_id"), rs.getString("agency"),
                            rs.getString("question"), priority == null ? null : Priority.valueOf(priority),
                            rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                            answeredAt == null ? null : answeredAt.toInstant(), rs.getString("answer"),
                            rs.getString("answered_by"), lateOrNull,
                            answeredAt != null || closedAt == null ? null : closedAt.toInstant(), subject(rs),
                            ChildId.of(rs.getString("child_id")), ContactId.of(rs.getString("contact_id")));
                })
                .list());
    }

    @QueryHandler
    PartnerActions handle(FindPartnerActions query) {
        return new PartnerActions(jdbc.sql(ACTIONS + (query.done()
                        ? "WHERE a.agency = ? AND a.done_at IS NOT NULL ORDER BY a.done_at DESC, a.discussion_id, a.action_no"
                        : "WHERE a.agency = ? AND a.done_at IS NULL ORDER BY a.due_date, a.held_at, a.discussion_id, a.action_no")
                        + " LIMIT " + MOST_ACTIONS)
                .param(query.agency().toUpperCase(Locale.ROOT))
                .query(this::action)
                .list());
    }

    @QueryHandler
    Optional<PartnerActions.Action> handle(FindPartnerAction query) {
        return jdbc.sql(ACTIONS + "WHERE a.discussion_id = ? AND a.action_no = ? AND a.agency = ?")
                .params(query.discussionId(), query.action(), query.agency().toUpperCase(Locale.ROOT))
                .query(this::action)
                .optional();
    }

    private PartnerActions.Action action(ResultSet rs, int row) throws SQLException {
        Timestamp dueAt = rs.getTimestamp("due_at");
        Timestamp doneAt = rs.getTimestamp("done_at");
        return new PartnerActions.Action(rs.getString("discussion_id"), rs.getInt("action_no"),
                ChildId.of(rs.getString("child_id")), ContactId.of(rs.getString("contact_id")), rs.getString("agency"),
                rs.getString("description"), rs.getString("owner"), rs.getObject("due_date", java.time.LocalDate.class),
                dueAt == null ? null : dueAt.toInstant(), rs.getTimestamp("held_at").toInstant(),
                doneAt == null ? null : doneAt.toInstant(), rs.getString("done_note"), rs.getString("done_by"),
                subject(rs));
    }

    private PartnerRequests.Subject subject(ResultSet rs) throws SQLException {
        ContactSubmission submission = submission(rs);
        ContactSubmission.Child child = submission.child();
        return child == null ? null : new PartnerRequests.Subject(child.givenName(), child.familyName(),
                child.dateOfBirth(), child.expectedDateOfBirth(), child.sex(), child.nhsNumber(), child.address(),
                submission.household());
    }

    private ContactSubmission submission(ResultSet rs) throws SQLException {
        try {
            return json.readValue(rs.getString("submission"), ContactSubmission.class);
        } catch (JsonProcessingException e) {
            // The class name only: the parser's message can quote the child's details.
            throw new IllegalStateException("contact_submissions row of contact " + rs.getString("contact_id")
                    + " does not read back (" + e.getClass().getSimpleName() + ")");
        }
    }

    private PartnerRequests.Request request(ResultSet rs, int row) throws SQLException {
        ContactSubmission submission;
        try {
            submission = json.readValue(rs.getString("submission"), ContactSubmission.class);
        } catch (JsonProcessingException e) {
            // The class name only: the parser's message can quote the child's details.
            throw new IllegalStateException("contact_submissions row of contact " + rs.getString("contact_id")
                    + " does not read back (" + e.getClass().getSimpleName() + ")");
        }
        ContactSubmission.Child child = submission.child();
        String priority = rs.getString("priority");
        return new PartnerRequests.Request(rs.getString("check_id"), ChildId.of(rs.getString("child_id")),
                ContactId.of(rs.getString("contact_id")), rs.getString("agency"), rs.getString("question"),
                priority == null ? null : Priority.valueOf(priority), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("answered_at") != null,
                rs.getTimestamp("closed_at") != null,
                child == null ? null : new PartnerRequests.Subject(child.givenName(), child.familyName(),
                        child.dateOfBirth(), child.expectedDateOfBirth(), child.sex(), child.nhsNumber(),
                        child.address(), submission.household()));
    }
}
