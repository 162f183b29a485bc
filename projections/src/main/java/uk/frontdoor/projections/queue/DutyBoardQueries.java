package uk.frontdoor.projections.queue;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.query.FindProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.FindQueueHealth;
import uk.frontdoor.triage.api.query.ProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.QueueHealth;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The duty manager's view of the triage queue, from the table {@link TriageQueueProjection} keeps:
 * its health (waiting by RAG and age, and overdue) and the proposals waiting for a manager. Counts
 * and contact ids only.
 */
@Component
class DutyBoardQueries {

    private final JdbcClient jdbc;

    DutyBoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One pass over the waiting contacts (the partial index's rows), grouped by RAG rating. */
    @QueryHandler
    QueueHealth handle(FindQueueHealth query) {
        Instant asOf = query.asOf();
        List<Duration> bands = QueueHealth.AGE_BANDS;
        StringBuilder sql = new StringBuilder("SELECT priority, count(*) AS waiting, "
                + "count(*) FILTER (WHERE response_due_at < ?) AS overdue, min(received_at) AS oldest");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(asOf)));
        // Band i holds contacts received after (asOf - bound i) and at or before (asOf - bound i-1).
        for (int band = 0; band <= bands.size(); band++) {
            List<String> conditions = new ArrayList<>();
            if (band < bands.size()) {
                conditions.add("received_at > ?");
                params.add(Timestamp.from(asOf.minus(bands.get(band))));
            }
            if (band > 0) {
                conditions.add("received_at <= ?");
                params.add(Timestamp.from(asOf.minus(bands.get(band - 1))));
            }
            sql.append(", count(*) FILTER (WHERE ").append(String.join(" AND ", conditions))
                    .append(") AS age_").append(band);
        }
        sql.append(" FROM triage_queue WHERE status <> 'DECIDED' GROUP BY priority");
        List<QueueHealth.Line> lines = new ArrayList<>(jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> {
                    List<Long> byAge = new ArrayList<>();
                    for (int band = 0; band <= bands.size(); band++) {
                        byAge.add(rs.getLong("age_" + band));
                    }
                    String priority = rs.getString("priority");
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new QueueHealth.Line(priority == null ? null : Priority.valueOf(priority),
                            rs.getLong("waiting"), rs.getLong("overdue"), byAge,
                            oldest == null ? null : oldest.toInstant());
                })
                .list());
        // Most urgent first; not yet assessed last (the queue itself shows those first, to be looked at).
        lines.sort(Comparator.comparing(QueueHealth.Line::priority, Comparator.nullsLast(Comparator.naturalOrder())));
        return new QueueHealth(asOf, lines);
    }

    @QueryHandler
    ProposalsAwaitingAuthorisation handle(FindProposalsAwaitingAuthorisation query) {
        List<ProposalsAwaitingAuthorisation.Item> items = jdbc.sql("""
                        SELECT contact_id, priority, level, proposed_outcome, proposed_by, proposed_at, response_due_at
                        FROM triage_queue WHERE status = 'PROPOSED'
                        ORDER BY proposed_at, contact_id LIMIT ?""")
                .param(query.limit())
                .query((rs, row) -> {
                    String priority = rs.getString("priority");
                    String outcome = rs.getString("proposed_outcome");
                    Timestamp proposedAt = rs.getTimestamp("proposed_at");
                    Timestamp due = rs.getTimestamp("response_due_at");
                    return new ProposalsAwaitingAuthorisation.Item(
                            ContactId.of(rs.getString("contact_id")),
                            priority == null ? null : Priority.valueOf(priority),
                            rs.getObject("level", Integer.class),
                            outcome == null ? null : DecisionOutcome.valueOf(outcome),
                            rs.getString("proposed_by"),
                            proposedAt == null ? null : proposedAt.toInstant(),
                            due == null ? null : due.toInstant());
                })
                .list();
        long total = jdbc.sql("SELECT count(*) FROM triage_queue WHERE status = 'PROPOSED'")
                .query(Long.class).single();
        return new ProposalsAwaitingAuthorisation(items, total);
    }
}
