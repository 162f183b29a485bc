package uk.frontdoor.projections.family;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.query.FindFamily;
import uk.frontdoor.triage.api.value.ChildId;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the children related to one child from the match keys {@link FamilyProjection} keeps: each of
 * the child's keys (and its linked records' keys) is looked up in the key index, so the cost grows with
 * the size of the family, not with the number of children known.
 */
@Component
class FamilyQueries {

    /** "This month": contacts about the household received in the last 30 days. */
    static final Duration HOUSEHOLD_WINDOW = Duration.ofDays(30);
    /** Related records listed at most; an address shared by a large block without flat numbers can reach many. */
    static final int MAX_RELATED_RECORDS = 50;

    /**
     * Records sharing a key with the child's records ({@code :own}), with why. A named sibling's key is
     * looked up among children's own keys and the other way round; addresses and parents among their kind.
     * An address given by more than {@code :addressLimit} records (a hostel, "no fixed abode", a police
     * station) says nothing about who lives with whom and is left out; counting stops one past the limit,
     * so a crowded address costs no more than an ordinary one.
     */
    private static final String RELATED = """
            own AS (SELECT DISTINCT kind, match_key FROM family_key f WHERE child_id IN (:own)
                    AND (kind <> 'ADDRESS' OR (SELECT count(*) FROM (
                            SELECT 1 FROM family_key shared WHERE shared.kind = 'ADDRESS'
                               AND shared.match_key = f.match_key LIMIT :addressLimit + 1) sharing) <= :addressLimit)),
            pairs (own_kind, other_kind, ground) AS (VALUES
                ('NAMED_SIBLING', 'CHILD', 'NAMED_SIBLING'),
                ('CHILD', 'NAMED_SIBLING', 'NAMED_SIBLING'),
                ('ADDRESS', 'ADDRESS', 'SAME_ADDRESS'),
                ('PARENT', 'PARENT', 'SAME_PARENT')),
            related AS (
                SELECT k.child_id, p.ground
                FROM own o
                JOIN pairs p ON p.own_kind = o.kind
                JOIN family_key k ON k.kind = p.other_kind AND k.match_key = o.match_key
                WHERE k.child_id NOT IN (:own))
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int addressLimit;

    /**
     * @param addressLimit the most records that may share an address for it still to make them a household
     *                     ({@code frontdoor.family.max-records-per-address}, 20 by default)
     */
    FamilyQueries(JdbcClient jdbc, Clock clock,
                  @Value("${frontdoor.family.max-records-per-address:20}") int addressLimit) {
        if (addressLimit < 1) {
            throw new IllegalArgumentException("frontdoor.family.max-records-per-address must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.addressLimit = addressLimit;
    }

    @QueryHandler
    Optional<Family> handle(FindFamily query) {
        String childId = query.childId().value();
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM family_contact WHERE child_id = ?)")
                .param(childId).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        List<String> own = linkedRecords(List.of(childId)).stream().map(pair -> pair[1]).distinct().toList();
        List<String> ownWithChild = new ArrayList<>(own);
        if (!ownWithChild.contains(childId)) {
            ownWithChild.add(childId);
        }

        // Siblings first, then the most recently contacted; one more than listed, to know if there are more.
        Map<String, Set<Family.Ground>> related = new LinkedHashMap<>();
        jdbc.sql("WITH " + RELATED + """
                        SELECT r.child_id, array_agg(DISTINCT r.ground) AS grounds
                        FROM related r
                        GROUP BY r.child_id
                        ORDER BY bool_or(r.ground = 'NAMED_SIBLING') DESC,
                                 (SELECT max(c.received_at) FROM family_contact c WHERE c.child_id = r.child_id) DESC NULLS LAST,
                                 r.child_id
                        LIMIT :limit""")
                .param("own", ownWithChild)
                .param("addressLimit", addressLimit)
                .param("limit", MAX_RELATED_RECORDS + 1)
                .query(rs -> {
                    Set<Family.Ground> grounds = EnumSet.noneOf(Family.Ground.class);
                    Array array = rs.getArray("grounds");
                    for (Object ground : (Object[]) array.getArray()) {
                        grounds.add(Family.Ground.valueOf((String) ground));
                    }
                    related.put(rs.getString("child_id"), grounds);
                });
        boolean truncated = related.size() > MAX_RELATED_RECORDS;
        if (truncated) {
            String last = new ArrayList<>(related.keySet()).get(MAX_RELATED_RECORDS);
            related.remove(last);
        }

        List<Set<String>> children = sameChildGroups(related.keySet());
        Map<String, RecordSummary> summaries = summaries(children.stream().flatMap(Set::stream).toList());
        List<Family.Member> members = new ArrayList<>();
        for (Set<String> records : children) {
            members.add(member(records, related, summaries));
        }
        members.sort(Comparator.comparing(Family.Member::relationship)
                .thenComparing(Family.Member::latestContactAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(member -> member.childId().value()));

        Instant since = (query.asOf() == null ? clock.instant() : query.asOf()).minus(HOUSEHOLD_WINDOW);
        List<String> counted = new ArrayList<>(ownWithChild);
        children.forEach(counted::addAll);
        // Counted over every related record, listed or not. The records are found first and their
        // contacts looked up by record: an OR of the two sets would read every contact in the window.
        long inWindow = jdbc.sql("WITH " + RELATED + """
                        ,
                        counted AS (SELECT child_id FROM related
                                    UNION
                                    SELECT child_id FROM family_contact WHERE child_id IN (:counted))
                        SELECT count(*) FROM family_contact c JOIN counted ON c.child_id = counted.child_id
                        WHERE c.received_at >= :since""")
                .param("own", ownWithChild)
                .param("addressLimit", addressLimit)
                .param("counted", counted)
                .param("since", Timestamp.from(since))
                .query(Long.class).single();

        List<ChildId> linked = ownWithChild.stream().filter(id -> !id.equals(childId)).sorted().map(ChildId::of).toList();
        return Optional.of(new Family(query.childId(), linked, members, since, inWindow, truncated));
    }

    /**
     * Pairs (start, record) for every record linked to each start, however many links away, the start
     * included (every start is a record with a contact). UNION stops at a cycle.
     */
    private List<String[]> linkedRecords(List<String> starts) {
        if (starts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH RECURSIVE linked (start_id, child_id) AS (
                            SELECT child_id, child_id FROM family_contact WHERE child_id IN (:starts) GROUP BY child_id
                            UNION
                            SELECT linked.start_id, l.linked_child_id
                            FROM family_link l JOIN linked ON l.child_id = linked.child_id
                        )
                        SELECT start_id, child_id FROM linked""")
                .param("starts", starts)
                .query((rs, row) -> new String[]{rs.getString("start_id"), rs.getString("child_id")})
                .list();
    }

    /** The related records grouped into children: records linked as one child are one member. */
    private List<Set<String>> sameChildGroups(Set<String> relatedRecords) {
        Map<String, Set<String>> groupOf = new HashMap<>();
        List<Set<String>> groups = new ArrayList<>();
        Map<String, Set<String>> byStart = new LinkedHashMap<>();
        for (String[] pair : linkedRecords(List.copyOf(relatedRecords))) {
            byStart.computeIfAbsent(pair[0], start -> new TreeSet<>()).add(pair[1]);
        }
        for (String start : relatedRecords) {
            if (groupOf.containsKey(start)) {
                continue;
            }
            // Links are symmetric and followed transitively, so a start's set is its whole child.
            Set<String> child = byStart.getOrDefault(start, Set.of(start));
            Set<String> records = new LinkedHashSet<>(child);
            records.add(start);
            groups.add(records);
            records.forEach(record -> groupOf.put(record, records));
        }
        return groups;
    }

    private Map<String, RecordSummary> summaries(List<String> records) {
        Map<String, RecordSummary> summaries = new HashMap<>();
        if (records.isEmpty()) {
            return summaries;
        }
        jdbc.sql("""
                        SELECT c.child_id,
                               count(*) FILTER (WHERE NOT c.decided) AS open_contacts,
                               max(c.level) FILTER (WHERE NOT c.decided) AS highest_open_level,
                               min(c.urgency) FILTER (WHERE NOT c.decided) AS open_urgency,
                               max(c.received_at) AS latest,
                               (array_agg(c.given_name ORDER BY c.received_at DESC, c.contact_id DESC))[1] AS given_name,
                               (array_agg(c.family_name ORDER BY c.received_at DESC, c.contact_id DESC))[1] AS family_name,
                               (array_agg(c.date_of_birth ORDER BY c.received_at DESC, c.contact_id DESC))[1] AS date_of_birth
                        FROM family_contact c
                        WHERE c.child_id IN (:records)
                        GROUP BY c.child_id""")
                .param("records", records)
                .query(rs -> {
                    Date born = rs.getDate("date_of_birth");
                    summaries.put(rs.getString("child_id"), new RecordSummary(
                            rs.getInt("open_contacts"),
                            rs.getObject("highest_open_level", Integer.class),
                            rs.getObject("open_urgency", Integer.class),
                            rs.getTimestamp("latest").toInstant(),
                            displayName(rs.getString("given_name"), rs.getString("family_name")),
                            born == null ? null : born.toLocalDate()));
                });
        return summaries;
    }

    private static Family.Member member(Set<String> records, Map<String, Set<Family.Ground>> related,
                                        Map<String, RecordSummary> summaries) {
        Set<Family.Ground> grounds = EnumSet.noneOf(Family.Ground.class);
        int open = 0;
        Integer highest = null;
        Integer urgency = null;
        String latestRecord = null;
        RecordSummary latest = null;
        for (String record : records) {
            grounds.addAll(related.getOrDefault(record, Set.of()));
            RecordSummary summary = summaries.get(record);
            if (summary == null) {
                continue;
            }
            open += summary.openContacts();
            highest = max(highest, summary.highestOpenLevel());
            urgency = min(urgency, summary.openUrgency());
            if (latest == null || summary.latest().isAfter(latest.latest())
                    || summary.latest().equals(latest.latest()) && record.compareTo(latestRecord) > 0) {
                latest = summary;
                latestRecord = record;
            }
        }
        String shown = latestRecord == null ? records.iterator().next() : latestRecord;
        List<ChildId> others = records.stream().filter(record -> !record.equals(shown)).sorted().map(ChildId::of).toList();
        Family.Relationship relationship = grounds.contains(Family.Ground.NAMED_SIBLING)
                ? Family.Relationship.SIBLING : Family.Relationship.HOUSEHOLD;
        return new Family.Member(ChildId.of(shown), others,
                latest == null ? null : latest.displayName(), latest == null ? null : latest.dateOfBirth(),
                relationship, List.copyOf(grounds), open, highest,
                urgency == null ? null : priority(urgency), latest == null ? null : latest.latest());
    }

    private static Priority priority(int urgency) {
        for (Priority priority : Priority.values()) {
            if (priority.urgency() == urgency) {
                return priority;
            }
        }
        throw new IllegalStateException("No priority of urgency " + urgency);
    }

    /**
     * The higher of two levels, either of which may be absent. Not one conditional expression: with
     * {@code Math.max} in it, Java unboxes both arms, and two absent levels threw (found by the staff API fuzz
     * test: the family of a child whose relatives have no open contact was a 500; the urgency beside it too).
     */
    static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.max(a, b);
    }

    /** The lower of two urgencies, either of which may be absent (written out for the reason {@link #max} is). */
    static Integer min(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }

    private static String displayName(String given, String family) {
        String name = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        return name.isEmpty() ? null : name;
    }

    private record RecordSummary(int openContacts, Integer highestOpenLevel, Integer openUrgency, Instant latest,
                                 String displayName, LocalDate dateOfBirth) {
    }
}
