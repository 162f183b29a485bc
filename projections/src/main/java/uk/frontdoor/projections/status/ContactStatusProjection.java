package uk.frontdoor.projections.status;

import uk.frontdoor.triage.api.ThresholdReassessed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.ReadModelUpdates;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where each contact stands: what its referrer may ask about, and for staff the rules' assessment
 * and the whole triage work on it. Each row remembers the last event of the child's stream it
 * applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ContactStatusProjection.PROCESSING_GROUP)
class ContactStatusProjection {

    static final String PROCESSING_GROUP = "contact-status";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final QueryUpdateEmitter updates;

    ContactStatusProjection(JdbcClient jdbc, ObjectMapper json, Clock clock, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.updates = updates;
    }

    @EventHandler
    void on(ContactReceived event, @SequenceNumber long sequence) {
        ObjectNode work = json.createObjectNode().put("childId", event.childId().value());
        jdbc.sql("""
                        INSERT INTO contact_status (contact_id, agency, submission_id, status, received_at, child_id,
                                                    work, applied_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                        ON CONFLICT (contact_id) DO NOTHING""")
                .params(event.contactId().value(), event.agency().value(), event.submission().submissionId(),
                        ContactStatus.RECEIVED.name(), Timestamp.from(event.receivedAt()), event.childId().value(),
                        work.toString(), sequence)
                .update();
        changed(event.contactId());
    }

    @EventHandler
    void on(ThresholdAssessed event, @SequenceNumber long sequence) throws JsonProcessingException {
        change(event.contactId(), sequence, ContactStatus.ASSESSED, work -> {
            work.put("priority", event.threshold().priority().name());
            work.set("responseDueAt", json.valueToTree(event.threshold().responseDueAt()));
        });
        jdbc.sql("UPDATE contact_status SET threshold = CAST(? AS jsonb) WHERE contact_id = ?")
                .params(json.writeValueAsString(event.threshold()), event.contactId().value())
                .update();
    }

    /** Assessed again with a changed history: the contact shows the new threshold and rating; its status stays. */
    @EventHandler
    void on(ThresholdReassessed event, @SequenceNumber long sequence) throws JsonProcessingException {
        change(event.contactId(), sequence, null, work -> {
            work.put("priority", event.threshold().priority().name());
            work.set("responseDueAt", json.valueToTree(event.threshold().responseDueAt()));
        });
        jdbc.sql("UPDATE contact_status SET threshold = CAST(? AS jsonb) WHERE contact_id = ?")
                .params(json.writeValueAsString(event.threshold()), event.contactId().value())
                .update();
    }

    @EventHandler
    void on(PossibleMatchFound event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> {
            ObjectNode identity = identity(work);
            event.candidates().forEach(candidate -> identity.withArray("possibleMatches").add(candidate.value()));
        });
    }

    @EventHandler
    void on(PossibleMatchResolved event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> {
            ObjectNode identity = identity(work);
            ArrayNode candidates = identity.withArray("possibleMatches");
            for (int i = candidates.size() - 1; i >= 0; i--) {
                if (candidates.get(i).asText().equals(event.candidate().value())) {
                    candidates.remove(i);
                }
            }
            identity.withArray("resolutions").add(json.valueToTree(new ContactWorkView.Resolution(
                    event.candidate(), event.sameChild(), event.reason(), event.actor(), event.at())));
        });
    }

    @EventHandler
    void on(ContactClaimed event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.put("heldBy", event.actor().userId()));
    }

    @EventHandler
    void on(ContactReleased event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.putNull("heldBy"));
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.set("consent", json.valueToTree(
                new ContactWorkView.Consent(event.decision(), event.reason(), event.actor(), event.at()))));
    }

    @EventHandler
    void on(PartnerCheckRequested event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("partnerChecks").add(json.valueToTree(
                new ContactWorkView.PartnerCheck(event.checkId(), event.agency(), event.question(), event.actor(),
                        event.at(), event.dueAt(), null, null, null, false, false))));
    }

    @EventHandler
    void on(PartnerCheckReplied event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("partnerChecks").forEach(check -> {
            if (check.path("checkId").asText().equals(event.checkId())) {
                ((ObjectNode) check).put("reply", event.information())
                        .put("late", event.late())
                        .set("repliedBy", json.valueToTree(event.actor()));
                ((ObjectNode) check).set("repliedAt", json.valueToTree(event.at()));
            }
        }));
    }

    @EventHandler
    void on(PriorityChanged event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> {
            work.put("priority", event.to().name());
            work.set("responseDueAt", json.valueToTree(event.responseDueAt()));
            work.withArray("priorityChanges").add(json.valueToTree(new ContactWorkView.PriorityChange(
                    event.from(), event.to(), event.rationale(), event.actor(), event.at())));
        });
    }

    @EventHandler
    void on(DecisionProposed event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, ContactStatus.PROPOSED, work -> work.set("proposal", json.valueToTree(
                new ContactWorkView.Proposal(event.outcome(), event.rationale(), event.agenciesChecked(),
                        event.socialCareInformationOnly(), event.actor(), event.at()))));
    }

    @EventHandler
    void on(ProposalReturned event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, ContactStatus.ASSESSED, work -> {
            JsonNode proposal = work.path("proposal");
            work.withArray("returns").add(json.valueToTree(new ContactWorkView.Returned(
                    proposal.hasNonNull("outcome")
                            ? json.convertValue(proposal.get("outcome"), DecisionOutcome.class)
                            : null,
                    event.reason(), event.actor(), event.at())));
            work.putNull("proposal");
        });
    }

    @EventHandler
    void on(ProposalAuthorised event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, ContactStatus.DECIDED, work -> {
            work.set("decision", json.valueToTree(new ContactWorkView.Decision(event.outcome(), event.proposedBy(),
                    event.thresholdLevel(), event.belowThreshold(), event.reason(), event.auditSample(),
                    event.actor(), event.at())));
            work.putNull("heldBy");
        });
    }

    @EventHandler
    void on(FeedbackSent event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("feedback").add(json.valueToTree(
                new ContactWorkView.Feedback(event.outcome(), event.method(), event.sentAt(), event.summary(),
                        event.actor()))));
    }

    @EventHandler
    void on(StrategyDiscussionRequired event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.set("strategyDiscussion", json.valueToTree(
                new ContactWorkView.StrategyDiscussion(event.discussionId(), event.reasons(), event.at(), null,
                        null, null))));
    }

    @EventHandler
    void on(StrategyDiscussionConvened event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> {
            ObjectNode discussion = work.with("strategyDiscussion");
            discussion.set("plannedAt", json.valueToTree(event.plannedAt()));
            discussion.set("invitedAgencies", json.valueToTree(event.invitedAgencies()));
        });
    }

    @EventHandler
    void on(StrategyDiscussionHeld event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.with("strategyDiscussion").set("held",
                json.valueToTree(new ContactWorkView.Held(event.heldAt(), event.mode(), event.attendees(),
                        event.outcome(), event.summary(), event.actions(), event.flags(), event.conferenceDueAt(),
                        event.actor()))));
    }

    @EventHandler
    void on(InitialConferenceHeld event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.set("conference", json.valueToTree(
                new ContactWorkView.Conference(event.heldAt(), event.outcome(), event.summary(), event.actor(),
                        event.at()))));
    }

    @EventHandler
    void on(DutyCompleted event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("dutiesDone").add(json.valueToTree(
                new ContactWorkView.DutyDone(event.duty(), event.doneAt(), event.note(), event.actor(), event.at()))));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM contact_status").update();
    }

    @QueryHandler
    Optional<ContactStatusView> handle(FindContactStatus query) {
        return jdbc.sql("SELECT * FROM contact_status WHERE contact_id = ?")
                .param(query.contactId().value())
                .query(this::view)
                .optional();
    }

    /**
     * Applies one event's change to a contact's work document, once: an event at or before the
     * row's applied sequence was applied already.
     */
    private void change(ContactId contactId, long sequence, ContactStatus status, Consumer<ObjectNode> change) {
        Optional<Map<String, Object>> row = jdbc.sql(
                        "SELECT work, applied_sequence FROM contact_status WHERE contact_id = ? FOR UPDATE")
                .param(contactId.value())
                .query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            throw new IllegalStateException("No contact_status row for contact " + contactId
                    + ": its ContactReceived event was not applied");
        }
        if (sequence <= ((Number) row.get().get("applied_sequence")).longValue()) {
            return;
        }
        ObjectNode work;
        try {
            work = (ObjectNode) json.readTree(row.get().get("work").toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact_status.work of contact " + contactId + " does not read back", e);
        }
        change.accept(work);
        jdbc.sql("""
                        UPDATE contact_status SET work = CAST(? AS jsonb), applied_sequence = ?,
                               status = COALESCE(?, status)
                        WHERE contact_id = ?""")
                .params(work.toString(), sequence, status == null ? null : status.name(), contactId.value())
                .update();
        changed(contactId);
    }

    /** A page waiting for a change it made to show (a subscription query) is sent the contact's view. */
    private void changed(ContactId contactId) {
        ReadModelUpdates.afterCommit(updates, FindContactStatus.class, query -> query.contactId().equals(contactId),
                () -> handle(new FindContactStatus(contactId)));
    }

    private static ObjectNode identity(ObjectNode work) {
        return work.with("identity");
    }

    private ContactStatusView view(ResultSet rs, int row) throws SQLException {
        String threshold = rs.getString("threshold");
        try {
            return new ContactStatusView(
                    ContactId.of(rs.getString("contact_id")),
                    AgencyCode.of(rs.getString("agency")),
                    rs.getString("submission_id"),
                    ContactStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("received_at").toInstant(),
                    threshold == null ? null : json.readValue(threshold, ThresholdAssessed.Threshold.class),
                    withOverdueChecks(json.readValue(rs.getString("work"), ContactWorkView.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact_status of contact " + rs.getString("contact_id")
                    + " does not read back", e);
        }
    }

    /** An unanswered check past its due time is overdue now, whenever now is. */
    private ContactWorkView withOverdueChecks(ContactWorkView work) {
        if (work.partnerChecks() == null) {
            return work;
        }
        Instant now = clock.instant();
        var checks = work.partnerChecks().stream()
                .map(check -> new ContactWorkView.PartnerCheck(check.checkId(), check.agency(), check.question(),
                        check.requestedBy(), check.requestedAt(), check.dueAt(), check.reply(), check.repliedBy(),
                        check.repliedAt(), check.late(), check.repliedAt() == null && now.isAfter(check.dueAt())))
                .toList();
        return new ContactWorkView(work.childId(), work.heldBy(), work.priority(), work.responseDueAt(),
                work.consent(), checks, work.priorityChanges(), work.proposal(), work.returns(), work.decision(),
                work.feedback(), work.strategyDiscussion(), work.identity(), work.conference(), work.dutiesDone());
    }
}
