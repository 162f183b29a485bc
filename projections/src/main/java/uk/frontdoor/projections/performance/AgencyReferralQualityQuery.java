package uk.frontdoor.projections.performance;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.query.AgencyReferralQuality;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.Completeness;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.GapCount;
import uk.frontdoor.triage.api.query.AgencyReferralQuality.Outcomes;
import uk.frontdoor.triage.api.query.FindAgencyReferralQuality;
import uk.frontdoor.triage.api.query.FindReferralQualityOfKind;
import uk.frontdoor.triage.api.query.FindReferralScorecard;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.ReferralScorecard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Referral figures from the performance facts ({@code performance_contacts}, kept by {@link PerformanceProjection}):
 * one agency's months (its API key), one kind of agency's months (its seconded staff), and every agency side by
 * side (managers). One set of figures, grouped three ways, so the scorecard and each agency's own page agree.
 */
@Component
class AgencyReferralQualityQuery {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** How many of an agency's commonest gaps the scorecard shows. */
    static final int SCORECARD_GAPS = 3;

    private final JdbcClient jdbc;

    AgencyReferralQualityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AgencyReferralQuality handle(FindAgencyReferralQuality query) {
        return months(query.agency(), "c.agency", query.agency(), query.from(), query.to());
    }

    @QueryHandler
    AgencyReferralQuality handle(FindReferralQualityOfKind query) {
        return months(query.kind().name(), "c.source_group", query.kind().name(), query.from(), query.to());
    }

    @QueryHandler
    ReferralScorecard handle(FindReferralScorecard query) {
        Object[] period = period(query.from(), query.to());
        Map<String, List<GapCount>> gaps = new HashMap<>();
        Map<String, Long> scored = new HashMap<>();
        List<ReferralScorecard.Agency> agencies = new ArrayList<>();
        List<Figures> rows = figures("c.agency", "c.agency IS NOT NULL", period);
        rows.forEach(row -> scored.put(row.key(), row.completeness().scored()));
        gaps("c.agency", "c.agency IS NOT NULL", period).forEach((agency, counts) -> gaps.put(agency,
                counts.stream().map(count -> new GapCount(count.element(),
                        new Ratio(count.lacking(), Math.max(count.lacking(), scored.getOrDefault(agency, 0L)))))
                        .limit(SCORECARD_GAPS).toList()));
        Map<String, String> kinds = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (c.agency) c.agency, c.source_group FROM performance_contacts c
                        WHERE c.agency IS NOT NULL AND c.received_at >= ? AND c.received_at < ?
                        GROUP BY c.agency, c.source_group ORDER BY c.agency, count(*) DESC, c.source_group""")
                .params(period)
                .query(rs -> {
                    kinds.put(rs.getString("agency"), rs.getString("source_group"));
                });
        for (Figures row : rows) {
            agencies.add(new ReferralScorecard.Agency(row.key(), kinds.get(row.key()), row.contacts(),
                    row.completeness(), row.neededFollowUp(), row.becameReferrals(), row.reReferrals(),
                    row.outcomes(), gaps.getOrDefault(row.key(), List.of())));
        }
        agencies.sort(Comparator.comparingLong(ReferralScorecard.Agency::contacts).reversed()
                .thenComparing(ReferralScorecard.Agency::agency));
        return new ReferralScorecard(query.from(), query.to(), agencies);
    }

    /** @param column the column {@code value} is matched against, from this class's code */
    private AgencyReferralQuality months(String name, String column, String value, YearMonth from, YearMonth to) {
        String filter = column + " = ?";
        Map<YearMonth, AgencyReferralQuality.Month> months = new LinkedHashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.put(month, new AgencyReferralQuality.Month(month, 0, Ratio.NONE, Ratio.NONE, Ratio.NONE,
                    Completeness.NONE, Outcomes.NONE));
        }
        Object[] period = period(from, to);
        Object[] params = {value, period[0], period[1]};
        String month = "(date_trunc('month', c.received_at AT TIME ZONE 'Europe/London'))::date::text";
        long scored = 0;
        for (Figures row : figures(month, filter, params)) {
            YearMonth key = YearMonth.from(LocalDate.parse(row.key()));
            months.put(key, new AgencyReferralQuality.Month(key, row.contacts(), row.neededFollowUp(),
                    row.becameReferrals(), row.reReferrals(), row.completeness(), row.outcomes()));
            scored += row.completeness().scored();
        }
        long allScored = scored;
        List<GapCount> commonGaps = gaps(column, filter, params).getOrDefault(value, List.of()).stream()
                .map(count -> new GapCount(count.element(), new Ratio(count.lacking(), Math.max(count.lacking(),
                        allScored))))
                .toList();
        return new AgencyReferralQuality(name, List.copyOf(months.values()), commonGaps);
    }

    /** One row of figures per key (a month, an agency). */
    private record Figures(String key, long contacts, Ratio neededFollowUp, Ratio becameReferrals, Ratio reReferrals,
                           Completeness completeness, Outcomes outcomes) {
    }

    /**
     * @param key    a SQL expression of the grouping, from this class's code
     * @param filter a SQL condition on {@code c}, from this class's code, with its parameters first in {@code params}
     */
    private List<Figures> figures(String key, String filter, Object... params) {
        return jdbc.sql("SELECT " + key + " AS key," + """
                               count(*) AS contacts,
                               count(*) FILTER (WHERE c.needed_follow_up) AS followed_up,
                               count(*) FILTER (WHERE c.decided_at IS NOT NULL) AS decided,
                               count(*) FILTER (WHERE c.referral) AS referrals,
                               count(*) FILTER (WHERE c.referral AND EXISTS (
                                   SELECT 1 FROM performance_contacts earlier
                                   WHERE earlier.referral AND earlier.contact_id <> c.contact_id
                                     AND (earlier.child_id = c.child_id OR earlier.child_id IN (
                                              SELECT linked_child_id FROM performance_child_links WHERE child_id = c.child_id))
                                     AND earlier.received_at < c.received_at
                                     AND earlier.received_at >= c.received_at - INTERVAL '12 months')) AS re_referrals,
                               count(*) FILTER (WHERE c.completeness_of IS NOT NULL) AS scored,
                               avg(CASE WHEN c.completeness_of > 0 THEN 100.0 * c.completeness_met / c.completeness_of
                                        WHEN c.completeness_of = 0 THEN 100.0 END) AS average_percent,
                               count(*) FILTER (WHERE c.completeness_of IS NOT NULL
                                                  AND c.completeness_met = c.completeness_of) AS complete,
                               count(*) FILTER (WHERE c.outcome = 'NO_FURTHER_ACTION') AS no_further_action,
                               count(*) FILTER (WHERE c.outcome = 'INFORMATION_AND_ADVICE') AS information_and_advice,
                               count(*) FILTER (WHERE c.outcome = 'EARLY_HELP') AS early_help
                        FROM performance_contacts c
                        WHERE """ + " " + filter + " AND c.received_at >= ? AND c.received_at < ? GROUP BY 1")
                .params(params)
                .query((rs, row) -> figures(rs))
                .list();
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        long contacts = rs.getLong("contacts");
        long decided = rs.getLong("decided");
        long referrals = rs.getLong("referrals");
        long scored = rs.getLong("scored");
        double average = rs.getDouble("average_percent");
        Double averagePercent = rs.wasNull() ? null : Math.round(average * 10.0) / 10.0;
        return new Figures(rs.getString("key"), contacts, new Ratio(rs.getLong("followed_up"), contacts),
                new Ratio(referrals, decided), new Ratio(rs.getLong("re_referrals"), referrals),
                new Completeness(scored, averagePercent, new Ratio(rs.getLong("complete"), scored)),
                new Outcomes(new Ratio(rs.getLong("no_further_action"), decided),
                        new Ratio(rs.getLong("information_and_advice"), decided),
                        new Ratio(rs.getLong("early_help"), decided)));
    }

    private record Lacking(String element, long lacking) {
    }

    /** The gaps of the referrals by key, most frequent first (then by element, so the order is stable). */
    private Map<String, List<Lacking>> gaps(String key, String filter, Object... params) {
        Map<String, List<Lacking>> byKey = new LinkedHashMap<>();
        jdbc.sql("SELECT " + key + " AS key, gap, count(*) AS lacking"
                        + " FROM performance_contacts c CROSS JOIN LATERAL unnest(string_to_array(c.completeness_gaps, ' ')) AS gap"
                        + " WHERE " + filter + " AND c.received_at >= ? AND c.received_at < ? AND gap <> ''"
                        + " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2")
                .params(params)
                .query(rs -> {
                    byKey.computeIfAbsent(rs.getString("key"), k -> new ArrayList<>())
                            .add(new Lacking(rs.getString("gap"), rs.getLong("lacking")));
                });
        return byKey;
    }

    private static Object[] period(YearMonth from, YearMonth to) {
        return new Object[]{Timestamp.from(from.atDay(1).atStartOfDay(ENGLAND).toInstant()),
                Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(ENGLAND).toInstant())};
    }
}
