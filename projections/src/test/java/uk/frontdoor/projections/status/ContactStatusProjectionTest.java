package uk.frontdoor.projections.status;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
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
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.assessed;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;
import static uk.frontdoor.projections.ChildEvents.received;

/** The contact view (status and the whole triage work on a contact), alone on a real PostgreSQL. */
class ContactStatusProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    /** Two days on: the check due after one day and never answered is overdue. */
    private static final Clock NOW = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final ContactStatusProjection projection = new ContactStatusProjection(database.jdbc(),
            database.dataSource(), ReadModelDatabase.json(), NOW, SimpleQueryUpdateEmitter.builder().build());
    private ProjectionFeed feed;

    private final ChildId child = child();
    private final ChildId known = child();
    private final ContactId contact = contact();

    @BeforeEach
    void emptyTable() {
        projection.reset();
        feed = new ProjectionFeed(projection);
    }

    @Test
    void the_whole_work_on_a_contact_is_kept_and_a_replay_writes_the_same_row() {
        feed.apply(T0, received(child, contact, "demo-police", "6", T0, "3A"),
                assessed(child, contact, 4, Priority.AMBER, T0, T0.plus(Duration.ofHours(8)), "STRATEGY_DISCUSSION_REQUIRED"),
                new PossibleMatchFound(child, contact, List.of(known), T0.plusSeconds(1)),
                new PossibleMatchResolved(child, contact, known, false, "Different school", SW1, T0.plusSeconds(60)),
                new ContactClaimed(child, contact, SW1, T0.plusSeconds(120)),
                new ConsentRecorded(child, contact, ConsentRecorded.Decision.NOT_SOUGHT, "Risk to the child", SW1,
                        T0.plusSeconds(180)),
                new PartnerCheckRequested(child, contact, "check-1", "POLICE", "Any call-outs?", T0.plus(Duration.ofDays(1)),
                        SW1, T0.plusSeconds(240)),
                new PartnerCheckRequested(child, contact, "check-2", "HEALTH", "Known to the GP?", T0.plus(Duration.ofDays(1)),
                        SW1, T0.plusSeconds(240)),
                new PartnerCheckReplied(child, contact, "check-1", "POLICE", "Two call-outs in May", false, SW1,
                        T0.plusSeconds(3600)),
                new PriorityChanged(child, contact, Priority.AMBER, Priority.RED, T0.plus(Duration.ofHours(2)), "Injury seen",
                        SW1, T0.plusSeconds(4000)),
                new DecisionProposed(child, contact, DecisionOutcome.ASSESSMENT, "Needs assessing", List.of("POLICE"), false,
                        SW1, T0.plusSeconds(5000)),
                new ProposalReturned(child, contact, "Strategy discussion first", MANAGER1, T0.plusSeconds(5500)),
                new StrategyDiscussionRequired(child, contact, "sd-1", List.of(StrategyDiscussionRequired.RULES_FLAGGED),
                        Priority.RED, T0.plusSeconds(5600)),
                new StrategyDiscussionConvened(child, contact, "sd-1", T0.plus(Duration.ofHours(3)), List.of("POLICE", "HEALTH"),
                        MANAGER1, T0.plusSeconds(5700)),
                new StrategyDiscussionHeld(child, contact, "sd-1", T0.plus(Duration.ofHours(3)), StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(new StrategyDiscussionHeld.Attendee("Dee Officer", "POLICE", "DC")),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Joint visit agreed",
                        List.of(new StrategyDiscussionHeld.Action("Joint visit", "sw1", "demo-council", LocalDate.of(2026, 6, 2))),
                        List.of(StrategyDiscussionHeld.HEALTH_ABSENT), T0.plus(Duration.ofDays(15)), MANAGER1,
                        T0.plus(Duration.ofHours(4))),
                new DecisionProposed(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, "Section 47", List.of(), false, SW1,
                        T0.plus(Duration.ofHours(5))),
                new ProposalAuthorised(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, "sw1", 4, false, null, true,
                        MANAGER1, T0.plus(Duration.ofHours(6))),
                new FeedbackSent(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, FeedbackSent.Method.SECURE_EMAIL,
                        T0.plus(Duration.ofHours(7)), "Told the officer", SW1, T0.plus(Duration.ofHours(7))),
                new InitialConferenceHeld(child, contact, "sd-1", T0.plus(Duration.ofDays(10)),
                        InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN, "Plan under neglect", SW1,
                        T0.plus(Duration.ofDays(10))),
                new DutyCompleted(child, contact, ClockType.RETURN_HOME_INTERVIEW, T0.plus(Duration.ofDays(1)), "Seen at school",
                        SW1, T0.plus(Duration.ofDays(1))));

        ContactStatusView view = projection.handle(new FindContactStatus(contact)).orElseThrow();
        assertThat(view.status()).isEqualTo(ContactStatus.DECIDED);
        assertThat(view.agency()).isEqualTo(AgencyCode.of("demo-police"));
        assertThat(view.threshold().level()).isEqualTo(4);
        assertThat(view.threshold().flags()).containsExactly("STRATEGY_DISCUSSION_REQUIRED");
        ContactWorkView work = view.work();
        assertThat(work.childId()).isEqualTo(child);
        assertThat(work.heldBy()).isNull();
        assertThat(work.priority()).isEqualTo(Priority.RED);
        assertThat(work.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(work.identity().possibleMatches()).isEmpty();
        assertThat(work.identity().resolutions()).singleElement().satisfies(resolution -> {
            assertThat(resolution.candidate()).isEqualTo(known);
            assertThat(resolution.sameChild()).isFalse();
        });
        assertThat(work.consent().decision()).isEqualTo(ConsentRecorded.Decision.NOT_SOUGHT);
        assertThat(work.partnerChecks()).extracting(ContactWorkView.PartnerCheck::checkId, ContactWorkView.PartnerCheck::reply,
                        ContactWorkView.PartnerCheck::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("check-1", "Two call-outs in May", false),
                        org.assertj.core.groups.Tuple.tuple("check-2", null, true));
        assertThat(work.priorityChanges()).singleElement().extracting(ContactWorkView.PriorityChange::to)
                .isEqualTo(Priority.RED);
        // The proposal that was authorised stays beside the decision; the returned one is in the returns.
        assertThat(work.proposal().outcome()).isEqualTo(DecisionOutcome.STRATEGY_DISCUSSION);
        assertThat(work.returns()).singleElement().extracting(ContactWorkView.Returned::outcome)
                .isEqualTo(DecisionOutcome.ASSESSMENT);
        assertThat(work.decision().outcome()).isEqualTo(DecisionOutcome.STRATEGY_DISCUSSION);
        assertThat(work.decision().auditSample()).isTrue();
        assertThat(work.feedback()).singleElement().extracting(ContactWorkView.Feedback::method)
                .isEqualTo(FeedbackSent.Method.SECURE_EMAIL);
        assertThat(work.strategyDiscussion().invitedAgencies()).containsExactly("POLICE", "HEALTH");
        assertThat(work.strategyDiscussion().held().outcome()).isEqualTo(StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY);
        assertThat(work.strategyDiscussion().held().attendees()).extracting(StrategyDiscussionHeld.Attendee::name)
                .containsExactly("Dee Officer");
        assertThat(work.conference().outcome()).isEqualTo(InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN);
        assertThat(work.dutiesDone()).singleElement().extracting(ContactWorkView.DutyDone::duty)
                .isEqualTo(ClockType.RETURN_HOME_INTERVIEW);

        List<Map<String, Object>> rows = database.rows("contact_status", "contact_id");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("applied_sequence", 19L));
        feed.replay();
        assertThat(database.rows("contact_status", "contact_id")).isEqualTo(rows);
        assertThat(projection.handle(new FindContactStatus(contact))).contains(view);
        // Replayed as one processor batch: the row is read once, changed in memory and written once.
        feed.replayInOneBatch();
        assertThat(database.rows("contact_status", "contact_id")).isEqualTo(rows);
        assertThat(projection.handle(new FindContactStatus(contact))).contains(view);
    }

    @Test
    void a_rebuild_in_bulk_pages_writes_the_rows_the_live_path_writes() {
        // Text that COPY's format must escape, inside the work document's JSON; a second contact received between.
        String awkward = "tab\there, line\nbreak\r\nback\\slash \\N \\. £ ü — 子 \"quoted\"";
        ContactId other = contact();
        feed.apply(T0, received(child, contact, "demo-police", "6", T0, "3A"),
                assessed(child, contact, 4, Priority.AMBER, T0, T0.plus(Duration.ofHours(8))),
                new ContactClaimed(child, contact, SW1, T0.plusSeconds(60)),
                received(known, other, "demo-school", "2A", T0.plusSeconds(90), "16A"),
                new PriorityChanged(child, contact, Priority.AMBER, Priority.RED, T0.plus(Duration.ofHours(2)), awkward,
                        SW1, T0.plusSeconds(120)),
                new DecisionProposed(child, contact, DecisionOutcome.ASSESSMENT, awkward, List.of("POLICE"), false,
                        SW1, T0.plusSeconds(200)),
                new ProposalReturned(child, contact, awkward, MANAGER1, T0.plusSeconds(300)),
                new ContactClaimed(known, other, SW1, T0.plusSeconds(400)));
        List<Map<String, Object>> rows = database.rows("contact_status", "contact_id");
        assertThat(projection.handle(new FindContactStatus(contact)).orElseThrow().work().returns())
                .singleElement().extracting(ContactWorkView.Returned::reason).isEqualTo(awkward);
        for (int size : new int[]{1, 2, 3, 5, 100}) {
            feed.replayInBulkPagesOf(size, database.dataSource());
            assertThat(database.rows("contact_status", "contact_id")).as("bulk pages of %d", size).isEqualTo(rows);
        }
    }

    @Test
    void an_event_already_applied_to_a_row_is_not_applied_twice() {
        feed.apply(T0, received(child, contact, "demo-police", "6", T0, "3A"),
                new PartnerCheckRequested(child, contact, "check-1", "POLICE", "Any call-outs?", T0.plus(Duration.ofDays(1)),
                        SW1, T0.plusSeconds(60)));
        feed.redeliverLast();
        assertThat(projection.handle(new FindContactStatus(contact)).orElseThrow().work().partnerChecks()).hasSize(1);
    }

    @Test
    void a_claim_and_a_release_are_who_holds_the_contact() {
        feed.apply(T0, received(child, contact, "demo-police", "6", T0, "3A"),
                new ContactClaimed(child, contact, SW1, T0.plusSeconds(60)));
        assertThat(projection.handle(new FindContactStatus(contact)).orElseThrow().work().heldBy()).isEqualTo("sw1");
        feed.apply(T0, new ContactReleased(child, contact, "sw1", MANAGER1, T0.plusSeconds(120)));
        assertThat(projection.handle(new FindContactStatus(contact)).orElseThrow().work().heldBy()).isNull();
        assertThat(projection.handle(new FindContactStatus(contact)).orElseThrow().status()).isEqualTo(ContactStatus.RECEIVED);
    }

    @Test
    void an_event_for_a_contact_never_received_fails_rather_than_being_lost() {
        assertThatThrownBy(() -> feed.apply(T0, new ContactClaimed(child, contact, SW1, T0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ContactReceived");
        assertThat(projection.handle(new FindContactStatus(contact))).isEmpty();
    }
}
