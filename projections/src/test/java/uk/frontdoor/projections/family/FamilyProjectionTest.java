package uk.frontdoor.projections.family;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.assessed;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;
import static uk.frontdoor.projections.ChildEvents.received;

/**
 * The family tables alone on a real PostgreSQL: a contact's row is inserted with its threshold decision and any
 * later change of the same processor batch folded in, and every way of splitting the events into batches gives the
 * rows that handling them one at a time (each write at once, as before the folding) gives.
 */
class FamilyProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final FamilyProjection projection = new FamilyProjection(database.jdbc(),
            new RowWrites(database.dataSource()));
    private ProjectionFeed feed;

    private final ChildId sam = child();
    private final ChildId samEarlierRecord = child();
    private final ChildId erased = child();
    private final ContactId received = contact();
    private final ContactId assessedOnly = contact();
    private final ContactId changedAndDecided = contact();
    private final ContactId reassessed = contact();
    private final ContactId ofErased = contact();

    @BeforeEach
    void contactsInEveryState() {
        projection.reset();
        feed = new ProjectionFeed(projection);
        feed.apply(T0,
                received(sam, received, "demo-police", "6", T0),
                received(sam, assessedOnly, "demo-school", "2A", T0.plusSeconds(60)),
                assessed(sam, assessedOnly, 2, Priority.GREEN, T0.plusSeconds(60), null),
                received(samEarlierRecord, changedAndDecided, "demo-health", "3A", T0.plusSeconds(120)),
                assessed(samEarlierRecord, changedAndDecided, 3, Priority.AMBER, T0.plusSeconds(120), T0.plusSeconds(3600)),
                new PriorityChanged(samEarlierRecord, changedAndDecided, Priority.AMBER, Priority.RED,
                        T0.plusSeconds(1800), "Injury seen", SW1, T0.plusSeconds(180)),
                new ProposalAuthorised(samEarlierRecord, changedAndDecided, DecisionOutcome.ASSESSMENT, "sw1", 3, false,
                        null, false, MANAGER1, T0.plusSeconds(240)),
                received(sam, reassessed, "demo-police", "6", T0.plusSeconds(300)),
                assessed(sam, reassessed, 2, Priority.GREEN, T0.plusSeconds(300), null),
                new ChildRecordLinked(sam, samEarlierRecord, "Same NHS number", MANAGER1, T0.plusSeconds(360)),
                new ThresholdReassessed(sam, reassessed, T0.plusSeconds(360), new ThresholdAssessed.Threshold(3,
                        Priority.AMBER, null, null, List.of(), new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"),
                        List.of()), 2, Priority.GREEN, ThresholdReassessed.Cause.RECORDS_LINKED, samEarlierRecord),
                received(erased, ofErased, "demo-police", "6", T0.plusSeconds(420)),
                assessed(erased, ofErased, 4, Priority.RED, T0.plusSeconds(420), T0.plusSeconds(600)),
                new ChildErased(erased, ErasureRequested.Reason.SUBJECT_REQUEST,
                        ErasureRequested.LegalBasis.NO_LONGER_NECESSARY, "ER-1", MANAGER1, MANAGER1, T0.plusSeconds(480)));
    }

    @Test
    void each_event_handled_alone_sets_the_columns_its_statement_sets() {
        assertThat(database.rows("family_contact", "received_at")).extracting(
                        row -> row.get("contact_id"), row -> row.get("level"), row -> row.get("urgency"),
                        row -> row.get("decided"))
                .containsExactly(
                        tuple(received.value(), null, null, false),
                        tuple(assessedOnly.value(), 2, Priority.GREEN.urgency(), false),
                        tuple(changedAndDecided.value(), 3, Priority.RED.urgency(), true),
                        tuple(reassessed.value(), 3, Priority.AMBER.urgency(), false));
        assertThat(database.rows("family_key", "child_id, kind, match_key"))
                .noneMatch(row -> erased.value().equals(row.get("child_id")));
        assertThat(database.rows("family_link", "child_id")).hasSize(2);
    }

    @Test
    void a_replay_in_one_batch_or_in_batches_of_any_size_writes_the_rows_handling_one_event_at_a_time_writes() {
        Map<String, List<Map<String, Object>>> live = tables();
        feed.replay();
        assertThat(tables()).as("replayed one event at a time").isEqualTo(live);
        feed.replayInOneBatch();
        assertThat(tables()).as("replayed in one batch").isEqualTo(live);
        for (int size = 1; size <= 17; size++) {
            feed.replayInBatchesOf(size);
            assertThat(tables()).as("replayed in batches of %d", size).isEqualTo(live);
        }
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of("contacts", database.rows("family_contact", "contact_id"),
                "keys", database.rows("family_key", "child_id, kind, match_key"),
                "links", database.rows("family_link", "child_id, linked_child_id"));
    }
}
