package uk.frontdoor.projections.partner;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ChildEvents;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.query.FindPartnerAction;
import uk.frontdoor.triage.api.query.FindPartnerActions;
import uk.frontdoor.triage.api.query.PartnerActions;
import uk.frontdoor.triage.api.query.FindPartnerRequestHistory;
import uk.frontdoor.triage.api.query.PartnerRequestHistory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;

/** Partner checks as each agency sees them, alone on a real PostgreSQL. */
class PartnerRequestsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final PartnerRequestsProjection projection = new PartnerRequestsProjection(database.jdbc(),
            new RowWrites(database.dataSource()), ReadModelDatabase.json());
    private ProjectionFeed feed;

    @BeforeEach
    void emptyTables() {
        projection.reset();
        database.jdbc().sql("DELETE FROM contact_submissions").update();
        feed = new ProjectionFeed(projection);
    }

    @Test
    void an_agency_sees_its_own_open_requests_most_urgent_first_with_the_child_to_search_by() throws Exception {
        ChildId child = child();
        ContactId contact = contact();
        submitted(ChildEvents.received(child, contact, "demo-school", "2A", T0));
        feed.apply(T0,
                requested(child, contact, "police-later", "POLICE", T0.plusSeconds(6 * 3600)),
                clock(child, contact, "police-later", Priority.AMBER),
                requested(child, contact, "police-sooner", "POLICE", T0.plusSeconds(2 * 3600)),
                clock(child, contact, "police-sooner", Priority.RED),
                requested(child, contact, "health", "HEALTH", T0.plusSeconds(3600)));

        var police = projection.handle(new FindPartnerRequests("POLICE")).requests();
        assertThat(police).extracting(PartnerRequests.Request::requestId).containsExactly("police-sooner", "police-later");
        PartnerRequests.Request first = police.get(0);
        assertThat(first.priority()).isEqualTo(Priority.RED);
        assertThat(first.question()).isEqualTo("Known to you?");
        assertThat(first.child().givenName()).isEqualTo("Jamie");
        assertThat(first.child().familyName()).isEqualTo("Smith");
        assertThat(first.child().dateOfBirth()).hasToString("2017-03-01");
        assertThat(projection.handle(new FindPartnerRequests("HEALTH")).requests())
                .extracting(PartnerRequests.Request::requestId).containsExactly("health");
        // Another agency's request is not found at all.
        assertThat(projection.handle(new FindPartnerRequest("health", "POLICE"))).isEmpty();
        assertThat(projection.handle(new FindPartnerRequest("health", "HEALTH"))).isPresent();
        // The service itself asks whether the read model knows a check at all, whichever agency it went to.
        assertThat(projection.handle(FindPartnerRequest.toAnyAgency("health")))
                .hasValueSatisfying(found -> assertThat(found.agency()).isEqualTo("HEALTH"));
        assertThat(projection.handle(FindPartnerRequest.toAnyAgency("no-such-check"))).isEmpty();
    }

    @Test
    void answered_and_fallen_away_requests_leave_the_list_and_a_replay_writes_the_same_rows() throws Exception {
        ChildId child = child();
        ContactId contact = contact();
        submitted(ChildEvents.received(child, contact, "demo-police", "6", T0));
        feed.apply(T0,
                requested(child, contact, "answered", "POLICE", T0.plusSeconds(3600)),
                requested(child, contact, "typed-in", "POLICE", T0.plusSeconds(3600)),
                requested(child, contact, "unanswered", "POLICE", T0.plusSeconds(3600)));
        feed.apply(T0.plusSeconds(60),
                new PartnerCheckAnswered(child, contact, "answered", "POLICE", PartnerCheckAnswered.Answer.NONE_HELD,
                        null, null, false, new PartnerCheckAnswered.Answerer(null, "demo-police", Channel.HTTP),
                        T0.plusSeconds(60)),
                new PartnerCheckReplied(child, contact, "typed-in", "POLICE", "Nothing.", false, SW1,
                        T0.plusSeconds(60)));
        assertThat(projection.handle(new FindPartnerRequests("POLICE")).requests())
                .extracting(PartnerRequests.Request::requestId).containsExactly("unanswered");
        assertThat(projection.handle(new FindPartnerRequest("answered", "POLICE")).orElseThrow().answered()).isTrue();

        feed.apply(T0.plusSeconds(120), new ProposalAuthorised(child, contact, DecisionOutcome.NO_FURTHER_ACTION,
                "sw1", 1, false, null, false, MANAGER1, T0.plusSeconds(120)));
        assertThat(projection.handle(new FindPartnerRequests("POLICE")).requests()).isEmpty();
        assertThat(projection.handle(new FindPartnerRequest("unanswered", "POLICE")).orElseThrow().closed()).isTrue();

        // The agency's history: how each was answered and by whom, or that it fell away; most recently asked first.
        var history = projection.handle(new FindPartnerRequestHistory("POLICE")).requests();
        assertThat(history).extracting(PartnerRequestHistory.Past::requestId)
                .containsExactlyInAnyOrder("answered", "typed-in", "unanswered");
        var byId = history.stream().collect(java.util.stream.Collectors.toMap(PartnerRequestHistory.Past::requestId,
                past -> past));
        assertThat(byId.get("answered").answer()).isEqualTo("NONE_HELD");
        assertThat(byId.get("answered").answeredBy()).isEqualTo("demo-police");
        assertThat(byId.get("answered").late()).isFalse();
        assertThat(byId.get("typed-in").answer()).isEqualTo("REPLIED_BY_STAFF");
        assertThat(byId.get("typed-in").answeredBy()).isEqualTo("sw1");
        assertThat(byId.get("unanswered").answer()).isNull();
        assertThat(byId.get("unanswered").closedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(projection.handle(new FindPartnerRequestHistory("HEALTH")).requests()).isEmpty();

        List<Map<String, Object>> rows = database.rows("partner_requests", "check_id");
        feed.redeliverLast();
        assertThat(database.rows("partner_requests", "check_id")).isEqualTo(rows);
        feed.replay();
        assertThat(database.rows("partner_requests", "check_id")).isEqualTo(rows);
    }

    /**
     * Each action a strategy discussion agrees is listed for its owning agency, soonest due first, with its due time
     * and the child; done, it moves to the agency's done list; another agency's is not found.
     */
    @Test
    void each_agency_sees_the_strategy_actions_given_to_it_open_then_done() throws Exception {
        ChildId child = child();
        ContactId contact = contact();
        submitted(ChildEvents.received(child, contact, "demo-school", "2A", T0));
        LocalDate tomorrow = LocalDate.of(2026, 6, 2);
        LocalDate friday = LocalDate.of(2026, 6, 5);
        feed.apply(T0, new StrategyDiscussionHeld(child, contact, "sd-1", T0, StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(), StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Joint visit", List.of(
                        new StrategyDiscussionHeld.Action("Check the police national computer", "DS Example", "POLICE",
                                friday),
                        new StrategyDiscussionHeld.Action("Visit the child at school", "sw1", "SOCIAL_CARE", tomorrow),
                        new StrategyDiscussionHeld.Action("Share the domestic abuse history", "DC Bee", "police",
                                tomorrow)),
                        List.of(), null, SW1, T0),
                new ClockStarted(child, contact, "clock-a1", ClockType.STRATEGY_ACTION, "sd-1#1", "POLICE", null, T0,
                        T0.plusSeconds(3600), Instant.parse("2026-06-05T16:00:00Z"), List.of()));

        var police = projection.handle(new FindPartnerActions("POLICE", false)).actions();
        assertThat(police).extracting(PartnerActions.Action::actionId).containsExactly("sd-1-3", "sd-1-1");
        PartnerActions.Action pnc = police.get(1);
        assertThat(pnc.description()).isEqualTo("Check the police national computer");
        assertThat(pnc.dueDate()).isEqualTo(friday);
        assertThat(pnc.dueAt()).isEqualTo(Instant.parse("2026-06-05T16:00:00Z"));
        assertThat(pnc.child().givenName()).isEqualTo("Jamie");
        assertThat(pnc.childId()).isEqualTo(child);
        assertThat(projection.handle(new FindPartnerAction("sd-1", 2, "POLICE"))).isEmpty();
        assertThat(projection.handle(new FindPartnerAction("sd-1", 2, "SOCIAL_CARE"))).isPresent();

        var police1 = new uk.frontdoor.triage.api.value.Actor("police1",
                uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "POLICE");
        feed.apply(T0.plusSeconds(600), new StrategyActionDone(child, contact, "sd-1", 1, T0.plusSeconds(300),
                "Nothing held on the PNC.", police1, T0.plusSeconds(600)));
        assertThat(projection.handle(new FindPartnerActions("POLICE", false)).actions())
                .extracting(PartnerActions.Action::actionId).containsExactly("sd-1-3");
        assertThat(projection.handle(new FindPartnerActions("POLICE", true)).actions()).singleElement()
                .satisfies(done -> {
                    assertThat(done.actionId()).isEqualTo("sd-1-1");
                    assertThat(done.doneAt()).isEqualTo(T0.plusSeconds(300));
                    assertThat(done.note()).isEqualTo("Nothing held on the PNC.");
                    assertThat(done.doneBy()).isEqualTo("police1");
                    assertThat(done.open()).isFalse();
                });

        List<Map<String, Object>> rows = database.rows("partner_actions", "discussion_id, action_no");
        feed.redeliverLast();
        assertThat(database.rows("partner_actions", "discussion_id, action_no")).isEqualTo(rows);
        feed.replay();
        assertThat(database.rows("partner_actions", "discussion_id, action_no")).isEqualTo(rows);
    }

    private void submitted(ContactReceived received) throws Exception {
        database.jdbc().sql("""
                        INSERT INTO contact_submissions (contact_id, child_id, agency, channel, received_at, submission)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(received.contactId().value(), received.childId().value(), received.agency().value(),
                        received.channel().name(), Timestamp.from(received.receivedAt()),
                        ReadModelDatabase.json().writeValueAsString(received.submission()))
                .update();
    }

    private static PartnerCheckRequested requested(ChildId child, ContactId contact, String checkId, String agency,
                                                   Instant dueAt) {
        return new PartnerCheckRequested(child, contact, checkId, agency, "Known to you?", dueAt, SW1, T0);
    }

    private static ClockStarted clock(ChildId child, ContactId contact, String checkId, Priority priority) {
        return new ClockStarted(child, contact, "clock-" + checkId, ClockType.PARTNER_CHECK, checkId, "MASH", priority,
                T0, T0.plusSeconds(1800), T0.plusSeconds(3600), List.of());
    }
}
