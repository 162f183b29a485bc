package uk.frontdoor.projections.queue;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.query.WaitingContacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The triage queue narrowed by a worker's filters, read from the table {@link TriageQueueProjection}
 * keeps. Filters are bound parameters, never spliced into the SQL.
 */
@Component
class WaitingContactsQuery {

    private static final String WAITING = TriageQueueProjection.WAITING;

    private final JdbcClient jdbc;

    WaitingContactsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    WaitingContacts handle(FindWaitingContacts query) {
        List<String> conditions = new ArrayList<>(List.of(WAITING));
        List<Object> params = new ArrayList<>();
        if (query.priority() != null) {
            conditions.add("priority = ?");
            params.add(query.priority().name());
        }
        if (query.agency() != null) {
            conditions.add("agency = ?");
            params.add(query.agency().value());
        }
        if (!query.factors().isEmpty()) {
            // factors is a comma-separated list of census codes: any one in common is a match.
            conditions.add("string_to_array(factors, ',') && string_to_array(?, ',')");
            params.add(String.join(",", query.factors()));
        }
        if (query.claimedBy() != null) {
            conditions.add("claimed_by = ?");
            params.add(query.claimedBy());
        }
        if (query.unclaimed()) {
            conditions.add("claimed_by IS NULL");
        }
        String where = String.join(" AND ", conditions);

        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.offset());
        pageParams.add(query.limit());
        List<TriageQueue.Item> items = jdbc.sql(TriageQueueProjection.page(where))
                .params(pageParams)
                .query(TriageQueueProjection::item)
                .list();
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, 0L);
        }
        long[] unassessed = {0};
        long[] matchingShape = {0};
        Set<AgencyCode> waitingAgencies = new TreeSet<>(Comparator.comparing(AgencyCode::value));
        // The whole queue's shape, by RAG and agency, from the tally the queue's triggers keep (V22): a few
        // dozen rows, however many contacts wait.
        jdbc.sql("SELECT priority, agency, sum(waiting) AS waiting FROM triage_queue_tally"
                        + " GROUP BY priority, agency HAVING sum(waiting) > 0")
                .query(rs -> {
                    String priority = rs.getString("priority");
                    String agency = rs.getString("agency");
                    long waiting = rs.getLong("waiting");
                    if (priority.isEmpty()) {
                        unassessed[0] += waiting;
                    } else {
                        byPriority.merge(Priority.valueOf(priority), waiting, Long::sum);
                    }
                    waitingAgencies.add(AgencyCode.of(agency));
                    if ((query.priority() == null || query.priority().name().equals(priority))
                            && (query.agency() == null || query.agency().value().equals(agency))) {
                        matchingShape[0] += waiting;
                    }
                });
        long total = byPriority.values().stream().mapToLong(Long::longValue).sum() + unassessed[0];
        // No count of rows when the answer is known: filtered by RAG and agency alone, the tally has it; a
        // page shorter than the limit ends the matches (unless it is empty past the first page: then it
        // says nothing of how many there are).
        boolean shapeOnly = query.factors().isEmpty() && query.claimedBy() == null && !query.unclaimed();
        long matching = shapeOnly ? matchingShape[0]
                : items.size() < query.limit() && (!items.isEmpty() || query.offset() == 0) ? query.offset() + items.size()
                : jdbc.sql("SELECT count(*) FROM triage_queue WHERE " + where).params(params).query(Long.class).single();
        List<AgencyCode> agencies = List.copyOf(waitingAgencies);
        return new WaitingContacts(items, matching, total, byPriority, unassessed[0], agencies);
    }
}
