package uk.frontdoor.projections.performance;

import uk.frontdoor.triage.api.query.AgencyReferralQuality;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.Completeness;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.GapCount;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.Outcomes;
import uk.frontdoor.triage.api.query.FindReferralQualityOfKind;
import uk.frontdoor.triage.api.query.FindReferralScorecard;
import uk.frontdoor.triage.api.query.ReferralScorecard;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.query.FindAgencyReferralQuality;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.PerformanceReport.AgencyQuality;
import uk.frontdoor.triage.api.query.PerformanceReport.LevelOutcome;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.PerformanceReport.StrategyDiscussions;
import uk.frontdoor.triage.api.query.PerformanceReport.WorkerOutcome;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;
import static uk.frontdoor.projections.ChildEvents.received;

/** The managers' figures alone on a real PostgreSQL: facts in, the week's figures out. */
class PerformanceProjectionTest {

    /** Monday 1 June 2026, 10:00 in England. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T09:00:00Z");
    private static final FindPerformance THAT_WEEK = new FindPerformance(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7));

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final PerformanceProjection projection = new PerformanceProjection(database.jdbc(),
            new RowWrites(database.dataSource()));
    private ProjectionFeed feed;

    private final ChildId police = child();
    private final ChildId health = child();
    private final ChildId school = child();
    private final ChildId schoolEarlierRecord = child();
    private final ContactId fromPolice = contact();
    private final ContactId fromHealth = contact();
    private final ContactId fromSchool = contact();
    private final ContactId earlier = contact();

    @BeforeEach
    void aWeekOfContacts() {
        projection.reset();
        feed = new ProjectionFeed(projection);
        // In March, a referral about a record later found to be the school's child.
        feed.apply(MONDAY, received(schoolEarlierRecord, earlier, "demo-school", "2B", Instant.parse("2026-03-02T10:00:00Z")),
                authorised(schoolEarlierRecord, earlier, DecisionOutcome.ASSESSMENT, 3, "sw2",
                        Instant.parse("2026-03-03T10:00:00Z")));
        // The police's contact needed a partner check back to the police; decided in time, a referral.
        feed.apply(MONDAY, received(police, fromPolice, "demo-police", "6", MONDAY),
                new PartnerCheckRequested(police, fromPolice, "check-1", "POLICE", "Any call-outs?", null, SW1, MONDAY),
                done(police, fromPolice, "decision-1", ClockType.CONTACT_DECISION, false, MONDAY.plus(Duration.ofHours(5))),
                authorised(police, fromPolice, DecisionOutcome.ASSESSMENT, 3, "sw1", MONDAY.plus(Duration.ofHours(5))));
        // Health's contact: decided late, no further action; a rescheduled clock is not a figure.
        feed.apply(MONDAY, received(health, fromHealth, "demo-health", "3A", MONDAY.plusSeconds(60)),
                new ClockStopped(health, fromHealth, "decision-2", ClockType.CONTACT_DECISION, ClockStopped.Reason.RESCHEDULED,
                        MONDAY, MONDAY.plus(Duration.ofHours(4)), null, false, Duration.ZERO, MONDAY.plusSeconds(120)),
                done(health, fromHealth, "decision-3", ClockType.CONTACT_DECISION, true, MONDAY.plus(Duration.ofDays(2))),
                authorised(health, fromHealth, DecisionOutcome.NO_FURTHER_ACTION, 2, "sw1", MONDAY.plus(Duration.ofDays(2))));
        // The school's contact: a strategy discussion with all three agencies, held in time; a re-referral,
        // since the record linked to this child was referred in March.
        feed.apply(MONDAY, received(school, fromSchool, "demo-school", "2A", MONDAY.plusSeconds(120)),
                new ChildRecordLinked(school, schoolEarlierRecord, "Same NHS number", MANAGER1, MONDAY.plusSeconds(180)),
                authorised(school, fromSchool, DecisionOutcome.STRATEGY_DISCUSSION, 4, "sw2", MONDAY.plus(Duration.ofHours(1))),
                new StrategyDiscussionHeld(school, fromSchool, "sd-1", MONDAY.plus(Duration.ofHours(3)),
                        StrategyDiscussionHeld.Mode.VIDEO, List.of(
                        new StrategyDiscussionHeld.Attendee("Dee Officer", "police", "DC"),
                        new StrategyDiscussionHeld.Attendee("Nurse Ray", "HEALTH", "school nurse"),
                        new StrategyDiscussionHeld.Attendee("Sam Worker", "SOCIAL_CARE", "social worker")),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Joint visit", List.of(), List.of(), null,
                        MANAGER1, MONDAY.plus(Duration.ofHours(3))),
                done(school, fromSchool, "discussion-1", ClockType.STRATEGY_DISCUSSION, false, MONDAY.plus(Duration.ofHours(3))));
        // Two assessments completed that week: March's referral's late (its 45 working days ran out in May), the
        // police referral's in time.
        feed.apply(MONDAY, done(schoolEarlierRecord, earlier, "assessment-1", ClockType.ASSESSMENT, true,
                        MONDAY.plus(Duration.ofHours(4))),
                done(police, fromPolice, "assessment-2", ClockType.ASSESSMENT, false, MONDAY.plus(Duration.ofHours(6))));
    }

    @Test
    void the_week_figures_come_from_the_facts_and_a_replay_counts_nothing_twice() {
        PerformanceReport report = projection.handle(THAT_WEEK);

        assertThat(report.weeks()).singleElement().satisfies(week -> {
            assertThat(week.weekStart()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(week.contacts()).isEqualTo(3);
            assertThat(week.conversion()).isEqualTo(new Ratio(2, 3));
            assertThat(week.decidedInOneWorkingDay()).isEqualTo(new Ratio(1, 2));
        });
        assertThat(report.contactsBySource()).containsExactlyInAnyOrderEntriesOf(Map.of(ReferralSourceGroup.POLICE, 1L,
                ReferralSourceGroup.HEALTH, 1L, ReferralSourceGroup.EDUCATION, 1L));
        assertThat(report.reReferrals()).isEqualTo(new Ratio(1, 2));
        assertThat(report.strategyDiscussions()).isEqualTo(new StrategyDiscussions(1, 1, 1));
        assertThat(report.assessmentsInTime()).isEqualTo(new Ratio(1, 2));
        assertThat(report.referralQuality()).containsExactlyInAnyOrder(
                new AgencyQuality(ReferralSourceGroup.POLICE, new Ratio(1, 1), true),
                new AgencyQuality(ReferralSourceGroup.HEALTH, new Ratio(0, 1), true),
                new AgencyQuality(ReferralSourceGroup.EDUCATION, new Ratio(0, 1), true));
        assertThat(report.outcomesByLevel()).containsExactly(new LevelOutcome(2, DecisionOutcome.NO_FURTHER_ACTION, 1),
                new LevelOutcome(3, DecisionOutcome.ASSESSMENT, 1), new LevelOutcome(4, DecisionOutcome.STRATEGY_DISCUSSION, 1));
        assertThat(report.outcomesByWorker()).containsExactly(new WorkerOutcome("sw1", DecisionOutcome.ASSESSMENT, 1),
                new WorkerOutcome("sw1", DecisionOutcome.NO_FURTHER_ACTION, 1),
                new WorkerOutcome("sw2", DecisionOutcome.STRATEGY_DISCUSSION, 1));

        Map<String, List<Map<String, Object>>> tables = tables();
        feed.redeliverLast();
        assertThat(tables()).isEqualTo(tables);
        feed.replay();
        assertThat(tables()).isEqualTo(tables);
        assertThat(projection.handle(THAT_WEEK)).isEqualTo(report);
    }

    @Test
    void each_agency_reads_its_own_figures_month_by_month() {
        var query = new AgencyReferralQualityQuery(database.jdbc());
        YearMonth march = YearMonth.of(2026, 3);
        YearMonth june = YearMonth.of(2026, 6);

        AgencyReferralQuality school = query.handle(new FindAgencyReferralQuality("demo-school", march, june));
        assertThat(school.months()).extracting(AgencyReferralQuality.Month::month)
                .containsExactly(march, YearMonth.of(2026, 4), YearMonth.of(2026, 5), june);
        assertThat(school.months().get(0)).isEqualTo(new AgencyReferralQuality.Month(march, 1, new Ratio(0, 1),
                new Ratio(1, 1), new Ratio(0, 1), Completeness.NONE, decided(1)));
        // A month with nothing sent has no figure rather than zero per cent.
        assertThat(school.months().get(1).contacts()).isZero();
        assertThat(school.months().get(1).becameReferrals().percent()).isNull();
        // June's referral is a re-referral: the record linked to this child was referred in March.
        assertThat(school.months().get(3)).isEqualTo(new AgencyReferralQuality.Month(june, 1, new Ratio(0, 1),
                new Ratio(1, 1), new Ratio(1, 1), Completeness.NONE, decided(1)));

        // The police's own month: the front door had to ask the police again; nothing of the school's.
        assertThat(query.handle(new FindAgencyReferralQuality("demo-police", june, june)).months()).containsExactly(
                new AgencyReferralQuality.Month(june, 1, new Ratio(1, 1), new Ratio(1, 1), new Ratio(0, 1),
                        Completeness.NONE, decided(1)));
        assertThat(query.handle(new FindAgencyReferralQuality("demo-health", june, june)).months()).containsExactly(
                new AgencyReferralQuality.Month(june, 1, new Ratio(0, 1), new Ratio(0, 1), Ratio.NONE,
                        Completeness.NONE, new Outcomes(new Ratio(1, 1), new Ratio(0, 1), new Ratio(0, 1))));
    }

    /**
     * Completeness and outcomes, from contacts scored against the referral standard: each agency its own months and
     * commonest gaps, partner staff their kind of agency's, managers every agency side by side.
     */
    @Test
    void completeness_gaps_and_outcomes_by_agency_by_kind_and_side_by_side() {
        projection.reset();
        feed = new ProjectionFeed(projection);
        ChildId a = child();
        ChildId b = child();
        ChildId c = child();
        ContactId first = contact();
        ContactId second = contact();
        ContactId third = contact();
        feed.apply(MONDAY, received(a, first, "demo-school", "2A", MONDAY),
                scored(a, first, 8, 10, "ACTIONS_TAKEN", "ETHNICITY"),
                authorised(a, first, DecisionOutcome.EARLY_HELP, 2, "sw1", MONDAY.plusSeconds(3_600)));
        feed.apply(MONDAY, received(b, second, "demo-school", "2A", MONDAY.plusSeconds(60)),
                scored(b, second, 9, 10, "ACTIONS_TAKEN"),
                authorised(b, second, DecisionOutcome.NO_FURTHER_ACTION, 1, "sw1", MONDAY.plusSeconds(7_200)));
        // Another school, and a contact from before the standard was in use (not scored).
        feed.apply(MONDAY, received(c, third, "demo-academy", "2B", MONDAY.plusSeconds(120)),
                scored(c, third, 10, 10));
        feed.apply(MONDAY, received(c, contact(), "demo-police", "6", MONDAY.plusSeconds(180)));
        YearMonth june = YearMonth.of(2026, 6);
        var query = new AgencyReferralQualityQuery(database.jdbc());

        AgencyReferralQuality school = query.handle(new FindAgencyReferralQuality("demo-school", june, june));
        assertThat(school.months()).singleElement().satisfies(month -> {
            assertThat(month.completeness()).isEqualTo(new Completeness(2, 85.0, new Ratio(0, 2)));
            assertThat(month.outcomes()).isEqualTo(new Outcomes(new Ratio(1, 2), new Ratio(0, 2), new Ratio(1, 2)));
        });
        assertThat(school.commonGaps()).containsExactly(new GapCount("ACTIONS_TAKEN", new Ratio(2, 2)),
                new GapCount("ETHNICITY", new Ratio(1, 2)));

        // Education as a kind: both schools, nothing of the police's.
        AgencyReferralQuality education = query.handle(new FindReferralQualityOfKind(ReferralSourceGroup.EDUCATION,
                june, june));
        assertThat(education.agency()).isEqualTo("EDUCATION");
        assertThat(education.months()).singleElement().satisfies(month -> {
            assertThat(month.contacts()).isEqualTo(3);
            assertThat(month.completeness()).isEqualTo(new Completeness(3, 90.0, new Ratio(1, 3)));
        });
        assertThat(education.commonGaps()).first().isEqualTo(new GapCount("ACTIONS_TAKEN", new Ratio(2, 3)));

        ReferralScorecard scorecard = query.handle(new FindReferralScorecard(june, june));
        assertThat(scorecard.agencies()).extracting(ReferralScorecard.Agency::agency)
                .containsExactly("demo-school", "demo-academy", "demo-police");
        assertThat(scorecard.agencies().get(0)).isEqualTo(new ReferralScorecard.Agency("demo-school", "EDUCATION", 2,
                new Completeness(2, 85.0, new Ratio(0, 2)), new Ratio(0, 2), new Ratio(0, 2), Ratio.NONE,
                new Outcomes(new Ratio(1, 2), new Ratio(0, 2), new Ratio(1, 2)),
                List.of(new GapCount("ACTIONS_TAKEN", new Ratio(2, 2)), new GapCount("ETHNICITY", new Ratio(1, 2)))));
        assertThat(scorecard.agencies().get(1).kind()).isEqualTo("EDUCATION");
        assertThat(scorecard.agencies().get(2)).satisfies(police -> {
            assertThat(police.kind()).isEqualTo("POLICE");
            assertThat(police.completeness()).isEqualTo(Completeness.NONE);
            assertThat(police.commonGaps()).isEmpty();
        });

        // A replay counts nothing twice.
        feed.replay();
        assertThat(query.handle(new FindReferralScorecard(june, june))).isEqualTo(scorecard);
    }

    private static ThresholdAssessed scored(ChildId child, ContactId contact, int met, int of, String... gaps) {
        return new ThresholdAssessed(child, contact, MONDAY, new ThresholdAssessed.Threshold(2,
                ThresholdAssessed.Priority.GREEN, MONDAY, MONDAY, List.of(),
                new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"), List.of()),
                new ThresholdAssessed.Completeness(new ThresholdAssessed.ReferralStandard("demo", "1"), "EDUCATION",
                        met, of, java.util.Arrays.stream(gaps).map(gap -> new ThresholdAssessed.Gap(gap, "words"))
                        .toList()));
    }

    private static Outcomes decided(int decided) {
        return new Outcomes(new Ratio(0, decided), new Ratio(0, decided), new Ratio(0, decided));
    }

    @Test
    void a_week_with_nothing_decided_has_no_figure_rather_than_zero() {
        PerformanceReport before = projection.handle(new FindPerformance(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 31)));
        assertThat(before.weeks()).singleElement().satisfies(week -> {
            assertThat(week.contacts()).isZero();
            assertThat(week.conversion().percent()).isNull();
        });
        assertThat(before.reReferrals().percent()).isNull();
    }

    @Test
    void a_replay_in_one_batch_or_in_batches_of_any_size_writes_the_rows_handling_one_event_at_a_time_writes() {
        // Contacts scored on arrival (ThresholdAssessed with completeness, folded into the row's insert when it is in
        // the same batch), one sent back to its own kind of agency and one checked with another kind.
        ChildId scoredChild = child();
        ContactId scoredAndChecked = contact();
        ContactId scoredElsewhere = contact();
        feed.apply(MONDAY, received(scoredChild, scoredAndChecked, "demo-school", "2A", MONDAY.plusSeconds(240)),
                scored(scoredChild, scoredAndChecked, 7, 10, "ACTIONS_TAKEN", "ETHNICITY"),
                new PartnerCheckRequested(scoredChild, scoredAndChecked, "check-2", "EDUCATION", "Attendance?", null, SW1,
                        MONDAY.plusSeconds(300)),
                authorised(scoredChild, scoredAndChecked, DecisionOutcome.EARLY_HELP, 2, "sw2", MONDAY.plusSeconds(360)),
                received(scoredChild, scoredElsewhere, "demo-health", "3A", MONDAY.plusSeconds(420)),
                scored(scoredChild, scoredElsewhere, 10, 10),
                new PartnerCheckRequested(scoredChild, scoredElsewhere, "check-3", "POLICE", "Call-outs?", null, SW1,
                        MONDAY.plusSeconds(480)));
        Map<String, List<Map<String, Object>>> live = tables();
        assertThat(live.get("contacts")).filteredOn(row -> scoredAndChecked.value().equals(row.get("contact_id")))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("completeness_met")).isEqualTo(7);
                    assertThat(row.get("completeness_gaps")).isEqualTo("ACTIONS_TAKEN ETHNICITY");
                    assertThat(row.get("needed_follow_up")).isEqualTo(true);
                    assertThat(row.get("outcome")).isEqualTo("EARLY_HELP");
                });
        assertThat(live.get("contacts")).filteredOn(row -> scoredElsewhere.value().equals(row.get("contact_id")))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("completeness_of")).isEqualTo(10);
                    assertThat(row.get("needed_follow_up")).isEqualTo(false);
                    assertThat(row.get("decided_at")).isNull();
                });

        feed.replayInOneBatch();
        assertThat(tables()).as("replayed in one batch").isEqualTo(live);
        for (int size = 1; size <= 25; size++) {
            feed.replayInBatchesOf(size);
            assertThat(tables()).as("replayed in batches of %d", size).isEqualTo(live);
        }
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of("contacts", database.rows("performance_contacts", "contact_id"),
                "clocks", database.rows("performance_clocks", "clock_id"),
                "discussions", database.rows("performance_strategy_discussions", "discussion_id"),
                "links", database.rows("performance_child_links", "child_id, linked_child_id"));
    }

    private static ProposalAuthorised authorised(ChildId child, ContactId contact, DecisionOutcome outcome, int level,
                                                 String proposedBy, Instant at) {
        return new ProposalAuthorised(child, contact, outcome, proposedBy, level, false, null, false, MANAGER1, at);
    }

    private static ClockStopped done(ChildId child, ContactId contact, String clockId, ClockType type, boolean late,
                                     Instant at) {
        return new ClockStopped(child, contact, clockId, type, ClockStopped.Reason.DONE, MONDAY, MONDAY.plus(Duration.ofDays(1)),
                at, late, Duration.between(MONDAY, at), at);
    }
}
