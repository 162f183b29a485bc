package uk.frontdoor.projections;

import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.triage.api.value.ChildId;

/**
 * Writes a link between two records of one child, both ways round, into a links table keyed by
 * (child_id, linked_child_id).
 *
 * <p>A link is recorded in both children's streams, so two segments of one processor can handle
 * the two copies at the same moment. Both rows go in one statement, lower id first, so every
 * writer takes the two key locks in the same order and the two copies cannot deadlock.
 */
public final class ChildLinkRows {

    private ChildLinkRows() {
    }

    /** {@code table} is a name from the projection's own code, never from input. */
    public static void insertBothWays(JdbcClient jdbc, String table, ChildId one, ChildId other) {
        String first = one.value().compareTo(other.value()) <= 0 ? one.value() : other.value();
        String second = first.equals(one.value()) ? other.value() : one.value();
        jdbc.sql("INSERT INTO " + table + " (child_id, linked_child_id) VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING")
                .params(first, second, second, first)
                .update();
    }

    /** A link undone: both rows go, in one statement, as they came. */
    public static void deleteBothWays(JdbcClient jdbc, String table, ChildId one, ChildId other) {
        jdbc.sql("DELETE FROM " + table + " WHERE (child_id, linked_child_id) IN ((?, ?), (?, ?))")
                .params(one.value(), other.value(), other.value(), one.value())
                .update();
    }

    /**
     * {@link #insertBothWays}, held back with the batch's other writes ({@link RowWrites}), keyed by the pair; never
     * for a child whose record has been erased ({@code erased_children}, kept with the erasure's events). In a
     * replay the other child's copy of the link can be handled by another segment after the erased child's
     * {@code ChildErased} has deleted the pair, and would bring the link back: a rebuilt read model held two rows
     * the live one did not (found by the chronology and family replay tests in the full suite).
     */
    public static void insertBothWays(RowWrites rows, String projection, String table, ChildId one, ChildId other) {
        String first = one.value().compareTo(other.value()) <= 0 ? one.value() : other.value();
        String second = first.equals(one.value()) ? other.value() : one.value();
        rows.write(projection, pair(table, first, second),
                "INSERT INTO " + table + " (child_id, linked_child_id) SELECT link.child_id, link.linked_child_id"
                        + " FROM (VALUES (?, ?), (?, ?)) AS link (child_id, linked_child_id)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM erased_children WHERE child_id IN (?, ?))"
                        + " ON CONFLICT DO NOTHING",
                first, second, second, first, first, second);
    }

    /** {@link #deleteBothWays}, held back with the batch's other writes, after any earlier write of the pair. */
    public static void deleteBothWays(RowWrites rows, String projection, String table, ChildId one, ChildId other) {
        String first = one.value().compareTo(other.value()) <= 0 ? one.value() : other.value();
        String second = first.equals(one.value()) ? other.value() : one.value();
        rows.write(projection, pair(table, first, second),
                "DELETE FROM " + table + " WHERE (child_id, linked_child_id) IN ((?, ?), (?, ?))",
                first, second, second, first);
    }

    private static String pair(String table, String first, String second) {
        return table + "/" + first + "/" + second;
    }
}
