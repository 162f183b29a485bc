package uk.frontdoor.projections.queue;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
    /** A withheld record's or a withheld contact's row; takes the withheld child ids, then contact ids. */
    private static final String WITHHELD = "(child_id = ANY (?::varchar[]) OR contact_id = ANY (?::varchar[]))";
    private static final String NOT_WITHHELD = "NOT " + WITHHELD;

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
        Withheld withheld = query.withheld();
        if (query.leavesOutWithheld()) {
            // Narrowed by what a placeholder withholds: a withheld record is left out, not shown as a placeholder
            // (listed under an agency or a category, it would say that much of itself), and not counted.
            conditions.add(NOT_WITHHELD);
            params.add(childIds(withheld));
            params.add(contactIds(withheld));
        }
        String where = String.join(" AND ", conditions);

        TriageQueueProjection.Page page = TriageQueueProjection.Page.of(where, params, query.after(), query.before(),
                query.offset(), query.limit());
        List<TriageQueue.Item> items = jdbc.sql(page.sql()).params(page.params())
                .query(TriageQueueProjection::item)
                .list();
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, 0L);
        }
        long[] unassessed = {0};
        long[] matchingShape = {0};
        long[] matchingUnclaimed = {0};
        Set<AgencyCode> waitingAgencies = new TreeSet<>(Comparator.comparing(AgencyCode::value));
        Map<String, Long> waitingIn = new HashMap<>();
        Set<String> anyOf = elements(String.join(",", query.factors()));
        // The whole queue's shape, by RAG and agency, from the tally the queue's triggers keep (V22, V62): a few
        // hundred rows (one per rating, agency and set of categories, V57), however many contacts wait.
        jdbc.sql("SELECT priority, agency, factors, waiting, unclaimed FROM triage_queue_tally WHERE waiting > 0")
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
                    waitingIn.merge(agency, waiting, Long::sum);
                    if ((query.priority() == null || query.priority().name().equals(priority))
                            && (query.agency() == null || query.agency().value().equals(agency))
                            && (query.factors().isEmpty() || anyIn(rs.getString("factors"), anyOf))) {
                        matchingShape[0] += waiting;
                        matchingUnclaimed[0] += rs.getLong("unclaimed");
                    }
                });
        long total = byPriority.values().stream().mapToLong(Long::longValue).sum() + unassessed[0];
        if (withheld.any()) {
            // The agencies offered as filters are the agencies of what the worker may read: an agency whose
            // waiting contacts are all withheld is not offered (its name would say who sent them).
            Map<String, Long> withheldByAgency = new HashMap<>();
            jdbc.sql("SELECT agency, count(*) AS withheld FROM triage_queue WHERE " + WAITING + " AND " + WITHHELD
                            + " GROUP BY agency")
                    .params(childIds(withheld), contactIds(withheld))
                    .query(rs -> {
                        withheldByAgency.put(rs.getString("agency"), rs.getLong("withheld"));
                    });
            waitingAgencies.removeIf(agency -> waitingIn.getOrDefault(agency.value(), 0L)
                    <= withheldByAgency.getOrDefault(agency.value(), 0L));
        }
        // No count of rows when the answer is known: filtered by RAG, agency, categories and unclaimed alone, the
        // tally has it (unless withheld records are left out: the tally counts them); a page found by skipping
        // contacts and shorter than the limit ends the matches (unless it is empty past the first page: then it says
        // nothing of how many there are). A page found by a cursor knows nothing of how many came before it.
        boolean tallied = query.claimedBy() == null && !query.leavesOutWithheld();
        boolean byCursor = query.after() != null || query.before() != null;
        long matching = tallied ? (query.unclaimed() ? matchingUnclaimed[0] : matchingShape[0])
                : !byCursor && items.size() < query.limit() && (!items.isEmpty() || query.offset() == 0)
                ? query.offset() + items.size()
                : jdbc.sql("SELECT count(*) FROM triage_queue WHERE " + where).params(params).query(Long.class).single();
        List<AgencyCode> agencies = List.copyOf(waitingAgencies);
        return new WaitingContacts(items, matching, total, byPriority, unassessed[0], agencies);
    }

    /** The categories a queue row's {@code factors} holds, split as {@code string_to_array(factors, ',')} splits them. */
    private static Set<String> elements(String factors) {
        return factors.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(factors.split(",", -1)));
    }

    /** Whether a set of categories, as stored, has one of {@code anyOf}: the filter's {@code &&}. */
    private static boolean anyIn(String factors, Set<String> anyOf) {
        return !factors.isEmpty() && Arrays.stream(factors.split(",", -1)).anyMatch(anyOf::contains);
    }

    private static String[] childIds(Withheld withheld) {
        return withheld.children().stream().map(ChildId::value).toArray(String[]::new);
    }

    private static String[] contactIds(Withheld withheld) {
        return withheld.contacts().stream().map(ContactId::value).toArray(String[]::new);
    }
}
