package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a batch of contacts (the Kafka listener's) must keep however its contacts reach their children's streams:
 * each contact stored once, with its threshold decision and its clocks, and each clock's deadlines scheduled; the
 * same events, in the same order and with the same meta data, as the contact would have alone; and a contact that
 * fails at its child's stream (after its clocks' deadlines were asked for) leaves nothing behind, neither in its
 * batch nor alone, while the others of its batch are stored.
 *
 * <p>The failing contact is a real one: a PostgreSQL trigger on the event store refuses the events of one
 * submission, as a constraint would, and is dropped afterwards. It fails when its child's events are stored, after
 * its handling asked for its clocks' deadlines; deadlines are told apart by the child in their scope.
 */
class BatchGuaranteesIntegrationTest extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final String DLQ = "contact-submissions.dlq";

    @Autowired
    ContactIntake intake;

    @AfterEach
    void dropPoison() {
        jdbc.sql("DROP TRIGGER IF EXISTS batch_guarantees_poison ON domainevententry").update();
    }

    @Test
    void a_contact_failing_at_its_childs_stream_fails_its_batch_and_then_alone_and_leaves_no_deadline_behind() {
        ObjectNode first = submission();
        ObjectNode sameChild = withChildOf(submission(), first);
        ObjectNode poison = withChildOf(submission(), first);
        ObjectNode other = submission();
        poisonEventsOf(poison.get("submissionId").asText());
        long eventsBefore = storedEvents();
        long deadlinesBefore = deadlines();

        assertThatThrownBy(() -> intake.storeAll(List.of(contact(first), contact(sameChild), contact(poison),
                contact(other)))).isInstanceOf(RuntimeException.class);

        for (ObjectNode submission : List.of(first, sameChild, poison, other)) {
            assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isZero();
        }
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(deadlines()).isEqualTo(deadlinesBefore);

        // As the Kafka listener falls back: one at a time, in order.
        String firstId = intake.store(contact(first)).contactId().value();
        String sameChildId = intake.store(contact(sameChild)).contactId().value();
        assertThatThrownBy(() -> intake.store(contact(poison))).isInstanceOf(RuntimeException.class);
        String otherId = intake.store(contact(other)).contactId().value();

        assertThat(contactsWithSubmissionId(poison.get("submissionId").asText())).isZero();
        String childId = childOf(firstId);
        assertThat(childOf(sameChildId)).isEqualTo(childId);
        assertThat(eventsAbout(childId, "ContactReceived")).containsExactly(firstId, sameChildId);
        assertDecidedWithClocks(childId, firstId, sameChildId);
        assertDecidedWithClocks(childOf(otherId), otherId);
        // The failed contact's clocks were asked for on the same child: none of their deadlines was written.
        assertThat(deadlinesOf(childId)).isEqualTo(scheduleIdsOf(childId));
        assertThat(deadlinesOf(childOf(otherId))).isEqualTo(scheduleIdsOf(childOf(otherId)));
        assertThat(deadlines()).isEqualTo(deadlinesBefore + scheduleIdsOf(childId).size()
                + scheduleIdsOf(childOf(otherId)).size());
    }

    @Test
    void each_contact_of_a_batch_has_the_events_and_meta_data_it_would_have_alone() {
        ObjectNode batchFirst = submission();
        ObjectNode batchSecond = withChildOf(submission(), batchFirst);
        ObjectNode batchOther = submission();
        ObjectNode aloneFirst = submission();
        ObjectNode aloneSecond = withChildOf(submission(), aloneFirst);

        List<ContactAccepted> batch = intake.storeAll(List.of(contact(batchFirst), contact(batchSecond),
                contact(batchOther)));
        String aloneFirstId = intake.store(contact(aloneFirst)).contactId().value();
        String aloneSecondId = intake.store(contact(aloneSecond)).contactId().value();

        String batchChild = childOf(batch.get(0).contactId().value());
        String aloneChild = childOf(aloneFirstId);
        assertThat(childOf(batch.get(1).contactId().value())).isEqualTo(batchChild);
        assertThat(childOf(aloneSecondId)).isEqualTo(aloneChild);
        List<StoredEvent> inBatch = stream(batchChild);
        List<StoredEvent> alone = stream(aloneChild);
        // The same kinds of events in the same order, numbered from 0 without a gap, whichever way they came.
        assertThat(inBatch.stream().map(StoredEvent::type).toList())
                .isEqualTo(alone.stream().map(StoredEvent::type).toList())
                .startsWith("ContactReceived");
        for (List<StoredEvent> events : List.of(inBatch, alone)) {
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i);
            }
        }
        assertThat(inBatch.stream().map(StoredEvent::contactId).distinct().toList())
                .containsExactly(batch.get(0).contactId().value(), batch.get(1).contactId().value());
        // Meta data: each contact's events (and only they) share a correlation id, and every contact of one
        // batch, or one submission alone, shares the trace id of what was sent.
        List<StoredEvent> other = stream(childOf(batch.get(2).contactId().value()));
        assertCorrelatedByContact(inBatch);
        assertCorrelatedByContact(alone);
        assertCorrelatedByContact(other);
        assertThat(inBatch).extracting(StoredEvent::traceId).containsOnly(inBatch.get(0).traceId());
        assertThat(other).extracting(StoredEvent::traceId).containsOnly(inBatch.get(0).traceId());
        assertThat(inBatch.get(0).correlationId()).isNotEqualTo(other.get(0).correlationId());
        Set<String> aloneTraces = new HashSet<>();
        alone.forEach(event -> aloneTraces.add(event.traceId()));
        assertThat(aloneTraces).hasSize(2);
        for (String childId : List.of(batchChild, aloneChild)) {
            assertThat(deadlinesOf(childId)).isEqualTo(scheduleIdsOf(childId)).isNotEmpty();
        }
    }

    @Test
    void a_batch_delivered_again_stores_nothing_more_and_a_repeat_within_it_is_one_contact() {
        ObjectNode first = submission();
        ObjectNode second = withChildOf(submission(), first);
        List<ReceiveContact> sent = List.of(contact(first), contact(second), contact(first));

        List<ContactAccepted> accepted = intake.storeAll(sent);
        long events = storedEvents();
        long deadlines = deadlines();
        List<ContactAccepted> again = intake.storeAll(List.of(contact(first), contact(second), contact(first)));

        assertThat(accepted.get(2)).isEqualTo(new ContactAccepted(accepted.get(0).contactId(), true));
        assertThat(again).containsExactly(new ContactAccepted(accepted.get(0).contactId(), true),
                new ContactAccepted(accepted.get(1).contactId(), true),
                new ContactAccepted(accepted.get(0).contactId(), true));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(deadlines()).isEqualTo(deadlines);
        assertThat(contactsWithSubmissionId(first.get("submissionId").asText())).isEqualTo(1);
        assertThat(contactsWithSubmissionId(second.get("submissionId").asText())).isEqualTo(1);
        String childId = childOf(accepted.get(0).contactId().value());
        assertDecidedWithClocks(childId, accepted.get(0).contactId().value(), accepted.get(1).contactId().value());
    }

    @Test
    void over_kafka_a_contact_failing_at_its_childs_stream_is_dead_lettered_alone_without_deadlines() throws Exception {
        String run = UUID.randomUUID().toString();
        ObjectNode first = submission();
        ObjectNode poison = withChildOf(submission(), first);
        ObjectNode after = withChildOf(submission(), first);
        poisonEventsOf(poison.get("submissionId").asText());

        sendInOrder(TOPIC, run, List.of(first, poison, after));

        String firstId = awaitContactId("demo-police", first.get("submissionId").asText());
        await().atMost(Duration.ofSeconds(90))
                .until(() -> contactsWithSubmissionId(after.get("submissionId").asText()) == 1);
        awaitDeadLettered(DLQ, run, poison, "PROCESSING_FAILED");
        assertThat(contactsWithSubmissionId(poison.get("submissionId").asText())).isZero();
        String childId = childOf(firstId);
        String afterId = awaitContactId("demo-police", after.get("submissionId").asText());
        assertThat(eventsAbout(childId, "ContactReceived")).containsExactly(firstId, afterId);
        assertDecidedWithClocks(childId, firstId, afterId);
        assertThat(deadlinesOf(childId)).isEqualTo(scheduleIdsOf(childId));
    }

    /**
     * A batch's contacts are all decided (matched, their children chosen) before any is recorded on its child's
     * stream: each still joins the child it would alone and its child's stream gets the events it would have alone,
     * in the contacts' order, whether the child was held in memory from an earlier command (checked against the
     * store with the batch), known by NHS number, or started by an earlier contact of the same batch.
     */
    @Test
    void contacts_decided_before_they_are_recorded_join_and_record_what_they_would_one_at_a_time() {
        Contacts inBatch = contactsAboutHeldKnownAndNewChildren();
        Contacts oneAtATime = contactsAboutHeldKnownAndNewChildren();

        List<ContactAccepted> batch = intake.storeAll(inBatch.contacts().stream().map(this::contact).toList());
        List<ContactAccepted> alone = oneAtATime.contacts().stream()
                .map(submission -> intake.store(contact(submission))).toList();

        assertThat(batch).extracting(ContactAccepted::alreadyReceived)
                .containsExactly(false, false, false, false, false, true)
                .isEqualTo(alone.stream().map(ContactAccepted::alreadyReceived).toList());
        assertThat(batch.get(5).contactId()).isEqualTo(batch.get(1).contactId());
        List<String> batchChildren = batch.stream().map(accepted -> childOf(accepted.contactId().value())).toList();
        List<String> aloneChildren = alone.stream().map(accepted -> childOf(accepted.contactId().value())).toList();
        // Joined: the held child (0, 4), the child known by NHS number (2), the child started by contact 1 (3).
        assertThat(roles(batchChildren)).isEqualTo(roles(aloneChildren)).containsExactly(0, 1, 2, 1, 0, 1);
        assertThat(batchChildren.get(0)).isEqualTo(childOf(inBatch.heldBefore()));
        assertThat(batchChildren.get(2)).isEqualTo(childOf(inBatch.nhsBefore()));
        assertThat(aloneChildren.get(0)).isEqualTo(childOf(oneAtATime.heldBefore()));
        assertThat(aloneChildren.get(2)).isEqualTo(childOf(oneAtATime.nhsBefore()));
        for (int i : new int[]{0, 1, 2}) {
            assertThat(recorded(batchChildren.get(i), batch, batchChildren))
                    .isEqualTo(recorded(aloneChildren.get(i), alone, aloneChildren))
                    .isNotEmpty();
        }
        for (String childId : new HashSet<>(batchChildren)) {
            List<StoredEvent> events = stream(childId);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i);
            }
            assertThat(deadlinesOf(childId)).isEqualTo(scheduleIdsOf(childId)).isNotEmpty();
        }
    }

    /** Six contacts to send, and the two contacts stored before them (their ids). */
    private record Contacts(List<ObjectNode> contacts, String heldBefore, String nhsBefore) {
    }

    /**
     * Stores, one at a time, a contact about a child of its own (then held in memory) and one about a child with an
     * NHS number; returns six contacts: the held child, a new child, the NHS child, the new child again, the held
     * child again, and the second contact once more (a repeat).
     */
    private Contacts contactsAboutHeldKnownAndNewChildren() {
        ChildIdentity held = ChildIdentity.fresh();
        ChildIdentity started = ChildIdentity.fresh();
        ObjectNode heldBefore = aChildOfItsOwn(submission(), held);
        ObjectNode nhsBefore = submission();
        String heldBeforeId = intake.store(contact(heldBefore)).contactId().value();
        String nhsBeforeId = intake.store(contact(nhsBefore)).contactId().value();
        ObjectNode newChild = aChildOfItsOwn(submission(), started);
        return new Contacts(List.of(aChildOfItsOwn(submission(), held), newChild, withChildOf(submission(), nhsBefore),
                aChildOfItsOwn(submission(), started), aChildOfItsOwn(submission(), held), newChild),
                heldBeforeId, nhsBeforeId);
    }

    /** Each contact's child as the index of the first contact that joined it. */
    private static List<Integer> roles(List<String> children) {
        return children.stream().map(children::indexOf).toList();
    }

    /**
     * What the contacts recorded on this child's stream, in its order: each event's type, the contact's index, and
     * for a match its outcome and the contact index of the child it names first; for a threshold decision its level
     * and the rules fired; for a clock its type. Ids, times and sealed fields aside.
     */
    private List<String> recorded(String childId, List<ContactAccepted> accepted, List<String> children) {
        List<String> contactIds = accepted.stream().map(contact -> contact.contactId().value()).toList();
        return jdbc.sql("""
                        SELECT payloadtype, convert_from(payload, 'UTF8') AS payload FROM domainevententry
                        WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(childId).query((row, n) -> {
                    String type = row.getString("payloadtype");
                    JsonNode payload = tree(row.getString("payload"));
                    StringBuilder what = new StringBuilder(type.substring(type.lastIndexOf('.') + 1));
                    what.append(" contact ").append(contactIds.indexOf(payload.path("contactId").asText(null)));
                    JsonNode match = payload.path("match");
                    if (!match.isMissingNode()) {
                        what.append(' ').append(match.path("outcome").asText()).append(" first ")
                                .append(children.indexOf(match.path("candidates").path(0).path("childId").asText("")))
                                .append(" of ").append(match.path("candidates").size());
                    }
                    JsonNode threshold = payload.path("threshold");
                    if (!threshold.isMissingNode()) {
                        what.append(" level ").append(threshold.path("level").asText())
                                .append(' ').append(threshold.path("rulesFired").findValuesAsText("id"));
                    }
                    if (payload.has("type")) {
                        what.append(' ').append(payload.path("type").asText());
                    }
                    return what.toString();
                }).list();
    }

    /** Each contact has its threshold decision and at least its decision clock, whose two deadlines are waiting. */
    private void assertDecidedWithClocks(String childId, String... contactIds) {
        assertThat(eventsAbout(childId, "ThresholdAssessed")).containsExactly(contactIds);
        assertThat(eventsAbout(childId, "ClockStarted")).contains(contactIds);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                        AND payloadtype = 'uk.frontdoor.triage.api.ClockStarted'
                        AND convert_from(payload, 'UTF8')::jsonb ->> 'type' = 'CONTACT_DECISION'""")
                .param(childId).query(Long.class).single()).isEqualTo(contactIds.length);
    }

    private static void assertCorrelatedByContact(List<StoredEvent> events) {
        Map<String, String> correlationOf = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            assertThat(event.correlationId()).isNotBlank();
            String before = correlationOf.putIfAbsent(event.contactId(), event.correlationId());
            assertThat(before == null ? event.correlationId() : before).isEqualTo(event.correlationId());
        }
        assertThat(new HashSet<>(correlationOf.values())).hasSize(correlationOf.size());
    }

    private ObjectNode withChildOf(ObjectNode submission, ObjectNode of) {
        submission.set("child", of.get("child").deepCopy());
        return submission;
    }

    private ReceiveContact contact(ObjectNode submission) {
        return new ReceiveContact(AgencyCode.of("demo-police"), Channel.KAFKA, intake.read(Channel.KAFKA,
                bytes(submission)));
    }

    /** Makes the event store refuse the events of this submission (its id is in its ContactReceived). */
    private void poisonEventsOf(String submissionId) {
        refuseInserts("batch_guarantees_poison", "domainevententry",
                "position(convert_to(TG_ARGV[0], 'UTF8') IN NEW.payload) > 0", submissionId);
    }

    private long deadlines() {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(Long.class).single();
    }

    /** The waiting deadlines scheduled on this child (its identifier is in their scope). */
    private Set<String> deadlinesOf(String childId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT task_instance FROM scheduled_tasks WHERE task_name = 'AxonDeadline'
                        AND position(convert_to(?, 'UTF8') IN task_data) > 0""")
                .param(childId).query(String.class).list());
    }

    /** Every deadline the child's started clocks say they scheduled. */
    private Set<String> scheduleIdsOf(String childId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT jsonb_array_elements_text(convert_from(payload, 'UTF8')::jsonb -> 'scheduleIds')
                        FROM domainevententry WHERE aggregateidentifier = ?
                        AND payloadtype = 'uk.frontdoor.triage.api.ClockStarted'""")
                .param(childId).query(String.class).list());
    }

    private record StoredEvent(long sequence, String type, String contactId, String correlationId, String traceId) {
    }

    private List<StoredEvent> stream(String childId) {
        return jdbc.sql("""
                        SELECT sequencenumber, payloadtype, convert_from(payload, 'UTF8') AS payload,
                        convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(childId).query((row, n) -> {
                    JsonNode payload = tree(row.getString("payload"));
                    JsonNode metaData = tree(row.getString("metadata"));
                    String type = row.getString("payloadtype");
                    return new StoredEvent(row.getLong("sequencenumber"), type.substring(type.lastIndexOf('.') + 1),
                            payload.path("contactId").asText(null), metaData.path("correlationId").asText(null),
                            metaData.path("traceId").asText(null));
                }).list();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
