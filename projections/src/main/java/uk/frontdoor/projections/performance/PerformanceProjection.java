package uk.frontdoor.projections.performance;

import uk.frontdoor.triage.api.ChildRecordUnlinked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.projections.ChildLinkRows;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.PerformanceReport.AgencyQuality;
import uk.frontdoor.triage.api.query.PerformanceReport.LevelOutcome;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.PerformanceReport.StrategyDiscussions;
import uk.frontdoor.triage.api.query.PerformanceReport.Week;
import uk.frontdoor.triage.api.query.PerformanceReport.WorkerOutcome;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The managers' performance figures. Handlers keep small facts tables (one row per contact, stopped
 * clock, strategy discussion and child link), each written by an insert that ignores a row already
 * there or an update that sets the same values again, so a replay or redelivery never counts twice and
 * the tables can be rebuilt from the event store by resetting the processing group. A contact's row is inserted
 * with every column and its later events in the same processor batch (the threshold decision that arrives with it)
 * are folded into the insert ({@link RowWrites#insert}): one row write a contact instead of two. Figures are
 * aggregated by SQL when asked for, grouped by ISO week in England.
 */
@Component
@ProcessingGroup(PerformanceProjection.PROCESSING_GROUP)
class PerformanceProjection {

    static final String PROCESSING_GROUP = "performance";

    /** The ISO week (its Monday) of a timestamp column, in England whatever the database's zone. */
    private static String week(String column) {
        return "(date_trunc('week', " + column + " AT TIME ZONE 'Europe/London'))::date";
    }

    /** The agencies a strategy discussion needs at the least (Working Together 2023). */
    private static final String POLICE = "POLICE";
    private static final String HEALTH = "HEALTH";
    private static final String SOCIAL_CARE = "SOCIAL_CARE";

    private final JdbcClient jdbc;
    private final RowWrites rows;

    PerformanceProjection(JdbcClient jdbc, RowWrites rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    // ----- facts -----

    /** A contact's row, every column; its later events of the same batch are folded into these values. */
    private static final String INSERT_CONTACT = """
            INSERT INTO performance_contacts (contact_id, child_id, received_at, referral_source, source_group, agency,
                                              needed_follow_up, completeness_met, completeness_of, completeness_gaps,
                                              referral_standard, decided_at, outcome, referral, threshold_level,
                                              proposed_by, authorised_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO NOTHING""";
    private static final String CONTACTS_TABLE = "performance_contacts";
    /** The positions in {@link #INSERT_CONTACT}'s values of the columns later events read or change. */
    private static final int SOURCE_GROUP = 4, NEEDED_FOLLOW_UP = 6, COMPLETENESS_MET = 7, COMPLETENESS_OF = 8,
            COMPLETENESS_GAPS = 9, REFERRAL_STANDARD = 10, DECIDED_AT = 11, OUTCOME = 12, REFERRAL = 13,
            THRESHOLD_LEVEL = 14, PROPOSED_BY = 15, AUTHORISED_BY = 16;

    @EventHandler
    void on(ContactReceived event) {
        String source = event.submission().referralSource() == null ? "10" : event.submission().referralSource();
        rows.insert(PROCESSING_GROUP, CONTACTS_TABLE, event.contactId().value(), INSERT_CONTACT,
                event.contactId().value(), event.childId().value(), Timestamp.from(event.receivedAt()),
                source, ReferralSourceGroup.of(source).name(), event.agency().value(), Boolean.FALSE,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** The contact's row changes: folded into its insert if this batch inserts it, else by the statement. */
    private void change(ContactId contact, Consumer<Object[]> inMemory, String sql, Object... args) {
        rows.change(PROCESSING_GROUP, CONTACTS_TABLE, contact.value(), inMemory, sql, args);
    }

    /** How complete the referral was on arrival: met and expected elements, and the ids of those it lacked. */
    @EventHandler
    void on(ThresholdAssessed event) {
        ThresholdAssessed.Completeness completeness = event.completeness();
        if (completeness == null) {
            return;
        }
        String gaps = completeness.gaps().stream().map(ThresholdAssessed.Gap::element)
                .collect(Collectors.joining(" "));
        String standard = completeness.standard().id() + " " + completeness.standard().version();
        change(event.contactId(), row -> {
                    row[COMPLETENESS_MET] = completeness.met();
                    row[COMPLETENESS_OF] = completeness.of();
                    row[COMPLETENESS_GAPS] = gaps;
                    row[REFERRAL_STANDARD] = standard;
                }, """
                        UPDATE performance_contacts SET completeness_met = ?, completeness_of = ?, completeness_gaps = ?,
                                                        referral_standard = ?
                        WHERE contact_id = ?""",
                completeness.met(), completeness.of(), gaps, standard, event.contactId().value());
    }

    /** A partner check to the same kind of agency as the referrer: the contact went back to its sender. */
    @EventHandler
    void on(PartnerCheckRequested event) {
        List<String> groups = Arrays.stream(ReferralSourceGroup.values())
                .filter(group -> group.partnerCheckAgencies().contains(event.agency()))
                .map(Enum::name)
                .toList();
        if (groups.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(groups);
        params.add(event.contactId().value());
        String placeholders = String.join(", ", groups.stream().map(group -> "?").toList());
        change(event.contactId(), row -> {
                    if (groups.contains(row[SOURCE_GROUP])) {
                        row[NEEDED_FOLLOW_UP] = Boolean.TRUE;
                    }
                },
                "UPDATE performance_contacts SET needed_follow_up = TRUE WHERE source_group IN (" + placeholders
                + ") AND contact_id = ?",
                params.toArray());
    }

    @EventHandler
    void on(ProposalAuthorised event) {
        Timestamp at = Timestamp.from(event.at());
        change(event.contactId(), row -> {
                    row[DECIDED_AT] = at;
                    row[OUTCOME] = event.outcome().name();
                    row[REFERRAL] = event.outcome().isReferral();
                    row[THRESHOLD_LEVEL] = event.thresholdLevel();
                    row[PROPOSED_BY] = event.proposedBy();
                    row[AUTHORISED_BY] = event.actor().userId();
                }, """
                        UPDATE performance_contacts SET decided_at = ?, outcome = ?, referral = ?, threshold_level = ?,
                                                        proposed_by = ?, authorised_by = ?
                        WHERE contact_id = ?""",
                at, event.outcome().name(), event.outcome().isReferral(),
                event.thresholdLevel(), event.proposedBy(), event.actor().userId(), event.contactId().value());
    }

    @EventHandler
    void on(ClockStopped event) {
        if (event.reason() != ClockStopped.Reason.DONE || (event.type() != ClockType.CONTACT_DECISION
                && event.type() != ClockType.STRATEGY_DISCUSSION && event.type() != ClockType.ASSESSMENT)) {
            return;
        }
        Instant done = event.doneAt() == null ? event.at() : event.doneAt();
        rows.write(PROCESSING_GROUP, event.clockId(), """
                        INSERT INTO performance_clocks (clock_id, contact_id, type, done_at, late)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (clock_id) DO NOTHING""",
                event.clockId(), event.contactId().value(), event.type().name(), Timestamp.from(done),
                event.late());
    }

    @EventHandler
    void on(StrategyDiscussionHeld event) {
        Set<String> agencies = event.attendees().stream()
                .map(StrategyDiscussionHeld.Attendee::agency)
                .filter(agency -> agency != null)
                .map(agency -> agency.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        rows.write(PROCESSING_GROUP, event.discussionId(), """
                        INSERT INTO performance_strategy_discussions (discussion_id, contact_id, held_at, police, health, social_care)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (discussion_id) DO NOTHING""",
                event.discussionId(), event.contactId().value(), Timestamp.from(event.heldAt()),
                agencies.contains(POLICE), agencies.contains(HEALTH), agencies.contains(SOCIAL_CARE));
    }

    @EventHandler
    void on(ChildRecordLinked event) {
        ChildLinkRows.insertBothWays(rows, PROCESSING_GROUP, "performance_child_links", event.childId(), event.linkedChildId());
    }

    @EventHandler
    void on(ChildRecordUnlinked event) {
        ChildLinkRows.deleteBothWays(rows, PROCESSING_GROUP, "performance_child_links", event.childId(), event.unlinkedChildId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM performance_contacts").update();
        jdbc.sql("DELETE FROM performance_clocks").update();
        jdbc.sql("DELETE FROM performance_strategy_discussions").update();
        jdbc.sql("DELETE FROM performance_child_links").update();
    }

    // ----- figures -----

    @QueryHandler
    PerformanceReport handle(FindPerformance query) {
        Timestamp start = Timestamp.from(query.start());
        Timestamp end = Timestamp.from(query.end());
        Map<LocalDate, WeekFigures> weeks = new HashMap<>();
        query.weeks().forEach(monday -> weeks.put(monday, new WeekFigures()));

        jdbc.sql("SELECT " + week("received_at") + " AS week, source_group, count(*) AS contacts"
                        + " FROM performance_contacts WHERE received_at >= ? AND received_at < ? GROUP BY 1, 2")
                .params(start, end)
                .query(rs -> {
                    weeks.get(rs.getObject("week", LocalDate.class)).bySource
                            .put(ReferralSourceGroup.valueOf(rs.getString("source_group")), rs.getLong("contacts"));
                });

        jdbc.sql("SELECT " + week("decided_at") + " AS week, count(*) AS decided, count(*) FILTER (WHERE referral) AS referrals"
                        + " FROM performance_contacts WHERE decided_at >= ? AND decided_at < ? GROUP BY 1")
                .params(start, end)
                .query(rs -> {
                    weeks.get(rs.getObject("week", LocalDate.class)).conversion =
                            new Ratio(rs.getLong("referrals"), rs.getLong("decided"));
                });

        jdbc.sql("SELECT " + week("done_at") + " AS week, count(*) AS stopped, count(*) FILTER (WHERE NOT late) AS in_time"
                        + " FROM performance_clocks WHERE type = 'CONTACT_DECISION' AND done_at >= ? AND done_at < ?"
                        + " GROUP BY 1")
                .params(start, end)
                .query(rs -> {
                    weeks.get(rs.getObject("week", LocalDate.class)).inOneWorkingDay =
                            new Ratio(rs.getLong("in_time"), rs.getLong("stopped"));
                });

        jdbc.sql("SELECT " + week("k.done_at") + """
                         AS week, count(*) AS held, count(*) FILTER (WHERE NOT k.late) AS in_time,
                               count(*) FILTER (WHERE d.police AND d.health AND d.social_care) AS all_three
                        FROM performance_clocks k
                        LEFT JOIN performance_strategy_discussions d ON d.contact_id = k.contact_id
                        WHERE k.type = 'STRATEGY_DISCUSSION' AND k.done_at >= ? AND k.done_at < ?
                        GROUP BY 1""")
                .params(start, end)
                .query(rs -> {
                    weeks.get(rs.getObject("week", LocalDate.class)).strategy = new StrategyDiscussions(
                            rs.getLong("held"), rs.getLong("in_time"), rs.getLong("all_three"));
                });

        List<Week> weekList = query.weeks().stream().map(monday -> weeks.get(monday).week(monday)).toList();

        Ratio reReferrals = jdbc.sql("""
                        SELECT count(*) AS referrals, count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM performance_contacts earlier
                                   WHERE earlier.referral AND earlier.contact_id <> c.contact_id
                                     AND (earlier.child_id = c.child_id OR earlier.child_id IN (
                                              SELECT linked_child_id FROM performance_child_links WHERE child_id = c.child_id))
                                     AND earlier.received_at < c.received_at
                                     AND earlier.received_at >= c.received_at - INTERVAL '12 months')) AS re_referrals
                        FROM performance_contacts c
                        WHERE c.referral AND c.decided_at >= ? AND c.decided_at < ?""")
                .params(start, end)
                .query((rs, row) -> new Ratio(rs.getLong("re_referrals"), rs.getLong("referrals")))
                .single();

        Map<ReferralSourceGroup, long[]> quality = new EnumMap<>(ReferralSourceGroup.class);
        jdbc.sql("""
                        SELECT source_group, count(*) AS submissions, count(*) FILTER (WHERE needed_follow_up) AS followed_up
                        FROM performance_contacts WHERE received_at >= ? AND received_at < ? GROUP BY source_group""")
                .params(start, end)
                .query(rs -> {
                    quality.put(ReferralSourceGroup.valueOf(rs.getString("source_group")),
                            new long[]{rs.getLong("followed_up"), rs.getLong("submissions")});
                });
        List<AgencyQuality> referralQuality = quality.entrySet().stream()
                .map(entry -> new AgencyQuality(entry.getKey(), new Ratio(entry.getValue()[0], entry.getValue()[1]),
                        entry.getKey().followUpMeasurable()))
                .toList();

        List<LevelOutcome> byLevel = jdbc.sql("""
                        SELECT threshold_level, outcome, count(*) AS decisions FROM performance_contacts
                        WHERE decided_at >= ? AND decided_at < ? GROUP BY threshold_level, outcome
                        ORDER BY threshold_level, outcome""")
                .params(start, end)
                .query((rs, row) -> new LevelOutcome(rs.getInt("threshold_level"),
                        DecisionOutcome.valueOf(rs.getString("outcome")), rs.getLong("decisions")))
                .list();
        List<WorkerOutcome> byWorker = jdbc.sql("""
                        SELECT proposed_by, outcome, count(*) AS decisions FROM performance_contacts
                        WHERE decided_at >= ? AND decided_at < ? GROUP BY proposed_by, outcome
                        ORDER BY proposed_by, outcome""")
                .params(start, end)
                .query((rs, row) -> new WorkerOutcome(rs.getString("proposed_by"),
                        DecisionOutcome.valueOf(rs.getString("outcome")), rs.getLong("decisions")))
                .list();

        Ratio assessmentsInTime = jdbc.sql("""
                        SELECT count(*) AS completed, count(*) FILTER (WHERE NOT late) AS in_time
                        FROM performance_clocks WHERE type = 'ASSESSMENT' AND done_at >= ? AND done_at < ?""")
                .params(start, end)
                .query((rs, row) -> new Ratio(rs.getLong("in_time"), rs.getLong("completed")))
                .single();

        Map<ReferralSourceGroup, Long> bySource = new EnumMap<>(ReferralSourceGroup.class);
        weekList.forEach(w -> w.contactsBySource().forEach((group, count) -> bySource.merge(group, count, Long::sum)));
        return new PerformanceReport(query.from(), query.to(), weekList, bySource,
                sum(weekList.stream().map(Week::conversion).toList()),
                sum(weekList.stream().map(Week::decidedInOneWorkingDay).toList()),
                reReferrals,
                weekList.stream().map(Week::strategyDiscussions).reduce(StrategyDiscussions.NONE,
                        (a, b) -> new StrategyDiscussions(a.held() + b.held(), a.inTime() + b.inTime(),
                                a.allThreeAgencies() + b.allThreeAgencies())),
                referralQuality, byLevel, byWorker, assessmentsInTime);
    }

    private static Ratio sum(List<Ratio> ratios) {
        return new Ratio(ratios.stream().mapToLong(Ratio::count).sum(), ratios.stream().mapToLong(Ratio::of).sum());
    }

    /** One week's figures while they are read. */
    private static final class WeekFigures {
        final Map<ReferralSourceGroup, Long> bySource = new EnumMap<>(ReferralSourceGroup.class);
        Ratio conversion = Ratio.NONE;
        Ratio inOneWorkingDay = Ratio.NONE;
        StrategyDiscussions strategy = StrategyDiscussions.NONE;

        Week week(LocalDate monday) {
            long contacts = bySource.values().stream().mapToLong(Long::longValue).sum();
            return new Week(monday, contacts, bySource, conversion, inOneWorkingDay, strategy);
        }
    }
}
