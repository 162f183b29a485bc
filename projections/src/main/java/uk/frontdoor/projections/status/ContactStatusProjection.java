package uk.frontdoor.projections.status;

import uk.frontdoor.triage.api.ChildErased;
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
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.BulkPage;
import uk.frontdoor.projections.ReadModelUpdates;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.UnreadPersonalFields;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.vocabulary.PartnerAnswers;
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

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where each contact stands: what its referrer may ask about, and for staff the rules' assessment
 * and the whole triage work on it. Each row remembers the last event of the child's stream it
 * applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ContactStatusProjection.PROCESSING_GROUP)
// The status reads the staff's words on a contact, none of what the referrer submitted but its id.
@UnreadPersonalFields({
        @UnreadPersonalFields.Of(type = ContactSubmission.class,
                fields = {"referrer", "child", "household", "actionsTaken"}),
        @UnreadPersonalFields.Of(type = ContactSubmission.Concerns.class, fields = "narrative"),
        @UnreadPersonalFields.Of(type = ContactSubmission.Consent.class, fields = "reason")})
class ContactStatusProjection {

    static final String PROCESSING_GROUP = "contact-status";

    private final JdbcClient jdbc;
    private final JdbcTemplate batchWriter;
    private final ObjectMapper json;
    private final Clock clock;
    private final QueryUpdateEmitter updates;

    ContactStatusProjection(JdbcClient jdbc, DataSource dataSource, ObjectMapper json, Clock clock,
                            QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.batchWriter = new JdbcTemplate(dataSource);
        this.json = json;
        this.clock = clock;
        this.updates = updates;
    }

    @EventHandler
    void on(ContactReceived event, @SequenceNumber long sequence) {
        inBatch(rows -> {
            if (rows.row(event.contactId()) == null) {
                // A row already there (a redelivered event) is kept, as ON CONFLICT DO NOTHING did.
                ObjectNode work = json.createObjectNode().put("childId", event.childId().value());
                rows.received(new Row(event.contactId().value(), event.agency().value(),
                        event.submission().submissionId(), ContactStatus.RECEIVED.name(),
                        Timestamp.from(event.receivedAt()), event.childId().value(), work, sequence, null));
            }
        });
        changed(event.contactId());
    }

    @EventHandler
    void on(ThresholdAssessed event, @SequenceNumber long sequence) throws JsonProcessingException {
        change(event.contactId(), sequence, ContactStatus.ASSESSED, work -> {
            work.put("priority", event.threshold().priority().name());
            work.set("responseDueAt", json.valueToTree(event.threshold().responseDueAt()));
            if (event.completeness() != null) {
                work.set("completeness", json.valueToTree(event.completeness()));
            }
        });
        String threshold = json.writeValueAsString(event.threshold());
        inBatch(rows -> rows.threshold(event.contactId(), threshold));
    }

    /** Assessed again with a changed history: the contact shows the new threshold and rating; its status stays. */
    @EventHandler
    void on(ThresholdReassessed event, @SequenceNumber long sequence) throws JsonProcessingException {
        change(event.contactId(), sequence, null, work -> {
            work.put("priority", event.threshold().priority().name());
            work.set("responseDueAt", json.valueToTree(event.threshold().responseDueAt()));
        });
        String threshold = json.writeValueAsString(event.threshold());
        inBatch(rows -> rows.threshold(event.contactId(), threshold));
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
                        event.at(), event.dueAt(), null, null, null, false, false, null, null))));
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
    void on(PartnerCheckAnswered event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("partnerChecks").forEach(check -> {
            if (check.path("checkId").asText().equals(event.checkId())) {
                ((ObjectNode) check).put("reply", PartnerAnswers.inWords(event))
                        .put("late", event.late())
                        .put("answer", event.answer().name())
                        .set("answeredBy", json.valueToTree(event.answeredBy()));
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

    // No migration replays the view for this: no AssessmentCompleted was stored before this handler existed.
    @EventHandler
    void on(AssessmentCompleted event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.set("assessment", json.valueToTree(
                new ContactWorkView.Assessment(event.completedAt(), event.outcome(), event.summary(),
                        event.lateReason(), event.actor(), event.at()))));
    }

    // Nor for this: HandedBackToDayTeam is new.
    @EventHandler
    void on(HandedBackToDayTeam event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.set("handedBack", json.valueToTree(
                new ContactWorkView.HandBack(event.summary(), event.actor(), event.at()))));
    }

    // No migration replays the view for this either: StrategyActionDone is new.
    @EventHandler
    void on(StrategyActionDone event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, null, work -> work.withArray("strategyActionsDone").add(json.valueToTree(
                new ContactWorkView.ActionDone(event.action(), event.doneAt(), event.note(), event.actor(),
                        event.at(), event.doneBy()))));
    }

    /**
     * The child's record was erased: every contact of theirs leaves the contact view, when the batch is written (after
     * the batch's own inserts of them, in a replay).
     */
    @EventHandler
    void on(ChildErased event) {
        inBatch(rows -> rows.erased(event.childId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM contact_status").update();
    }

    @QueryHandler
    Optional<ContactStatusView> handle(FindContactStatus query) {
        return jdbc.sql("SELECT * FROM contact_status WHERE contact_id = ?")
                .param(query.contactId().value())
                .query((rs, row) -> view(rs, query.asOf() == null ? clock.instant() : query.asOf()))
                .optional();
    }

    /**
     * Applies one event's change to a contact's work document, once: an event at or before the
     * row's applied sequence was applied already.
     */
    private void change(ContactId contactId, long sequence, ContactStatus status, Consumer<ObjectNode> change) {
        boolean[] applied = {false};
        inBatch(rows -> {
            Row row = rows.row(contactId);
            if (row == null) {
                throw new IllegalStateException("No contact_status row for contact " + contactId
                        + ": its ContactReceived event was not applied");
            }
            if (sequence <= row.appliedSequence) {
                return;
            }
            change.accept(row.work);
            row.appliedSequence = sequence;
            if (status != null) {
                row.status = status.name();
            }
            rows.changed(row);
            applied[0] = true;
        });
        if (applied[0]) {
            changed(contactId);
        }
    }

    /**
     * Runs a handler's change on the rows of the processor's current batch: read once per batch, changed
     * in memory, written back when the batch commits. A contact's events all change one row (a JSON
     * document), so a batch that carries a contact's arrival, assessment and decision writes that row
     * once instead of reading and rewriting it for each event. Outside a unit of work (a test calling a
     * handler) the batch is this one event, written at once.
     */
    private void inBatch(Consumer<RowBatch> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            RowBatch alone = new RowBatch();
            change.accept(alone);
            alone.flush();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        RowBatch rows = unitOfWork.getOrComputeResource(RowBatch.class.getName(), key -> {
            RowBatch created = new RowBatch();
            unitOfWork.onPrepareCommit(committing -> created.flush());
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
                created.load(batch.getMessages().stream().map(Message::getPayload)
                        .map(ContactStatusProjection::contactIdOf).filter(Objects::nonNull).distinct().toList());
            } else {
                // A rebuild's page (BulkPage) is a plain unit of work: its rows read in one statement too, where
                // each contact was read alone, its receipt included (a statement for every contact rebuilt).
                BulkPage.current().ifPresent(page -> created.load(page.stream().map(Message::getPayload)
                        .map(ContactStatusProjection::contactIdOf).filter(Objects::nonNull).distinct().toList()));
            }
            return created;
        });
        change.accept(rows);
    }

    /** The contact an event is about, if its record says so: only to read a batch's rows in one query. */
    private static String contactIdOf(Object payload) {
        Method accessor = CONTACT_ID.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return ((ContactId) accessor.invoke(payload)).value();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static final ClassValue<Method> CONTACT_ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("contactId") && component.getType() == ContactId.class) {
                    return component.getAccessor();
                }
            }
            return null;
        }
    };

    /** The columns of a new row, in the order {@link RowBatch#flush} gives them. */
    private static final String COLUMNS = "contact_id, agency, submission_id, status, received_at, child_id, work, "
            + "applied_sequence, threshold";

    /** One contact_status row as a batch holds it. */
    private static final class Row {
        final String contactId;
        final String agency;
        final String submissionId;
        final Timestamp receivedAt;
        final String childId;
        final ObjectNode work;
        String status;
        long appliedSequence;
        String threshold;

        Row(String contactId, String agency, String submissionId, String status, Timestamp receivedAt, String childId,
            ObjectNode work, long appliedSequence, String threshold) {
            this.contactId = contactId;
            this.agency = agency;
            this.submissionId = submissionId;
            this.status = status;
            this.receivedAt = receivedAt;
            this.childId = childId;
            this.work = work;
            this.appliedSequence = appliedSequence;
            this.threshold = threshold;
        }
    }

    /** The rows one batch read, received and changed; written back in two JDBC batches. */
    private final class RowBatch {
        private final Map<String, Row> rows = new HashMap<>();
        /** Contacts looked for and not in the table (so not read again). */
        private final Set<String> absent = new HashSet<>();
        private final Map<String, Row> received = new LinkedHashMap<>();
        private final Map<String, Row> changed = new LinkedHashMap<>();
        private final Set<String> erasedChildren = new java.util.LinkedHashSet<>();

        /** Reads the rows of these contacts, locked until the batch commits, as the one-event handler did. */
        void load(List<String> contactIds) {
            List<String> wanted = contactIds.stream()
                    .filter(id -> !rows.containsKey(id) && !absent.contains(id)).toList();
            if (wanted.isEmpty()) {
                return;
            }
            absent.addAll(wanted);
            jdbc.sql("""
                            SELECT contact_id, agency, submission_id, status, received_at, child_id, work,
                                   applied_sequence, threshold
                            FROM contact_status WHERE contact_id = ANY (?) ORDER BY contact_id FOR UPDATE""")
                    .param(wanted.toArray(String[]::new))
                    .query(rs -> {
                        String contactId = rs.getString("contact_id");
                        ObjectNode work;
                        try {
                            work = (ObjectNode) json.readTree(rs.getString("work"));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("contact_status.work of contact " + contactId
                                    + " does not read back", e);
                        }
                        rows.put(contactId, new Row(contactId, rs.getString("agency"), rs.getString("submission_id"),
                                rs.getString("status"), rs.getTimestamp("received_at"), rs.getString("child_id"), work,
                                rs.getLong("applied_sequence"), rs.getString("threshold")));
                        absent.remove(contactId);
                    });
        }

        /** The contact's row: in this batch, or else in the table; null if neither has it. */
        Row row(ContactId contactId) {
            String id = contactId.value();
            if (!rows.containsKey(id) && !absent.contains(id)) {
                load(List.of(id));
            }
            return rows.get(id);
        }

        void received(Row row) {
            rows.put(row.contactId, row);
            absent.remove(row.contactId);
            received.put(row.contactId, row);
        }

        void changed(Row row) {
            if (!received.containsKey(row.contactId)) {
                changed.put(row.contactId, row);
            }
        }

        void threshold(ContactId contactId, String threshold) {
            Row row = row(contactId);
            if (row != null) {
                row.threshold = threshold;
                changed(row);
            }
        }

        void erased(String childId) {
            erasedChildren.add(childId);
        }

        void flush() {
            if (!received.isEmpty() && BulkPage.current().isPresent()) {
                // A rebuild's page: its new rows by one COPY. The page read the stored row of every contact it is
                // about, so none of these is there; should one be all the same, the page fails whole.
                RowWrites.copy(batchWriter, "contact_status", COLUMNS, received.values().stream()
                        .map(row -> new Object[]{row.contactId, row.agency, row.submissionId, row.status,
                                row.receivedAt, row.childId, row.work.toString(), row.appliedSequence, row.threshold})
                        .toList());
            } else if (!received.isEmpty()) {
                batch("""
                                INSERT INTO contact_status (contact_id, agency, submission_id, status, received_at,
                                                            child_id, work, applied_sequence, threshold)
                                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb))
                                ON CONFLICT (contact_id) DO NOTHING""",
                        received.values().stream().map(row -> new Object[]{row.contactId, row.agency, row.submissionId,
                                row.status, row.receivedAt, row.childId, row.work.toString(), row.appliedSequence,
                                row.threshold}).toList());
            }
            if (!changed.isEmpty()) {
                batch("""
                                UPDATE contact_status SET work = CAST(? AS jsonb), applied_sequence = ?, status = ?,
                                                          threshold = CAST(? AS jsonb)
                                WHERE contact_id = ?""",
                        changed.values().stream().map(row -> new Object[]{row.work.toString(), row.appliedSequence,
                                row.status, row.threshold, row.contactId}).toList());
            }
            if (!erasedChildren.isEmpty()) {
                jdbc.sql("DELETE FROM contact_status WHERE child_id = ANY (?)")
                        .param(erasedChildren.toArray(String[]::new)).update();
                rows.values().removeIf(row -> erasedChildren.contains(row.childId));
            }
            received.clear();
            changed.clear();
            erasedChildren.clear();
        }

        private void batch(String sql, List<Object[]> rows) {
            if (rows.size() == 1) {
                jdbc.sql(sql).params(rows.get(0)).update();
            } else {
                batchWriter.batchUpdate(sql, rows);
            }
        }
    }

    /** A page waiting for a change it made to show (a subscription query) is sent the contact's view. */
    private void changed(ContactId contactId) {
        ReadModelUpdates.afterCommit(updates, FindContactStatus.class, query -> query.contactId().equals(contactId),
                () -> handle(new FindContactStatus(contactId)));
    }

    private static ObjectNode identity(ObjectNode work) {
        return work.with("identity");
    }

    private ContactStatusView view(ResultSet rs, Instant now) throws SQLException {
        String threshold = rs.getString("threshold");
        try {
            return new ContactStatusView(
                    ContactId.of(rs.getString("contact_id")),
                    AgencyCode.of(rs.getString("agency")),
                    rs.getString("submission_id"),
                    ContactStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("received_at").toInstant(),
                    threshold == null ? null : json.readValue(threshold, ThresholdAssessed.Threshold.class),
                    withOverdueChecks(json.readValue(rs.getString("work"), ContactWorkView.class), now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact_status of contact " + rs.getString("contact_id")
                    + " does not read back", e);
        }
    }

    /** An unanswered check past its due time is overdue now, whenever now is (for the as-at view, then). */
    private ContactWorkView withOverdueChecks(ContactWorkView work, Instant now) {
        if (work.partnerChecks() == null) {
            return work;
        }
        var checks = work.partnerChecks().stream()
                .map(check -> new ContactWorkView.PartnerCheck(check.checkId(), check.agency(), check.question(),
                        check.requestedBy(), check.requestedAt(), check.dueAt(), check.reply(), check.repliedBy(),
                        check.repliedAt(), check.late(), check.repliedAt() == null && now.isAfter(check.dueAt()),
                        check.answer(), check.answeredBy()))
                .toList();
        return new ContactWorkView(work.childId(), work.heldBy(), work.priority(), work.responseDueAt(),
                work.consent(), checks, work.priorityChanges(), work.proposal(), work.returns(), work.decision(),
                work.feedback(), work.strategyDiscussion(), work.identity(), work.conference(), work.dutiesDone(),
                work.assessment(), work.strategyActionsDone(), work.handedBack(), work.completeness());
    }
}
