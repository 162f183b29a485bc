package uk.frontdoor.projections.performance;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.query.AgencyReferralQuality;
import uk.frontdoor.triage.api.query.FindAgencyReferralQuality;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agency's monthly referral figures from the performance facts ({@code performance_contacts}, kept by
 * {@link PerformanceProjection}): a query of its own, beside the managers' report, so each partner agency reads
 * its own figures and no other's.
 */
@Component
class AgencyReferralQualityQuery {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    AgencyReferralQualityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AgencyReferralQuality handle(FindAgencyReferralQuality query) {
        Map<YearMonth, AgencyReferralQuality.Month> months = new LinkedHashMap<>();
        for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
            months.put(month, new AgencyReferralQuality.Month(month, 0, Ratio.NONE, Ratio.NONE, Ratio.NONE));
        }
        Timestamp start = Timestamp.from(query.from().atDay(1).atStartOfDay(ENGLAND).toInstant());
        Timestamp end = Timestamp.from(query.to().plusMonths(1).atDay(1).atStartOfDay(ENGLAND).toInstant());
        jdbc.sql("""
                        SELECT (date_trunc('month', c.received_at AT TIME ZONE 'Europe/London'))::date AS month,
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
                                     AND earlier.received_at >= c.received_at - INTERVAL '12 months')) AS re_referrals
                        FROM performance_contacts c
                        WHERE c.agency = ? AND c.received_at >= ? AND c.received_at < ?
                        GROUP BY 1""")
                .params(query.agency(), start, end)
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    long contacts = rs.getLong("contacts");
                    long referrals = rs.getLong("referrals");
                    months.put(month, new AgencyReferralQuality.Month(month, contacts,
                            new Ratio(rs.getLong("followed_up"), contacts),
                            new Ratio(referrals, rs.getLong("decided")),
                            new Ratio(rs.getLong("re_referrals"), referrals)));
                });
        return new AgencyReferralQuality(query.agency(), List.copyOf(months.values()));
    }
}
