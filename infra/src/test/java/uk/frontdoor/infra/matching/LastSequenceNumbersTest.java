package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.triage.StoreCheckedCache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child cache's check against the store ({@link StoreCheckedCache#lastSequenceNumbers}), against the real
 * embedded PostgreSQL and the event store's own table: each stream's last sequence number is what the greatest of
 * its entries ({@code max ... GROUP BY}, as it was read before) says, for streams of one entry, of a few, of a long
 * history, with entries appended out of order, asked twice, and never appended to (absent).
 */
class LastSequenceNumbersTest {

    @RegisterExtension
    static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();

    @Test
    void eachStreamsLastSequenceNumberIsItsGreatest() {
        Map<String, Integer> lengths = Map.of("one", 1, "few", 4, "long", 1_500, "other", 7);
        lengths.forEach((stream, length) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                order.add(i);
            }
            // Appended out of order (a stream's entries are not stored in sequence order in general).
            java.util.Collections.reverse(order.subList(0, length / 2));
            for (int sequence : order) {
                database.jdbc().sql("""
                                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                    payload, payloadtype, timestamp)
                                VALUES (?, ?, 'Child', ?, ?, 'x', '2026-12-07T00:00:00Z')""")
                        .params(stream, sequence, stream + "-" + sequence, new byte[]{1}).update();
            }
        });
        database.jdbc().sql("ANALYZE domainevententry").update();
        List<String> asked = List.of("one", "few", "long", "never", "few");

        Map<String, Long> last = StoreCheckedCache.lastSequenceNumbers(new JdbcTemplate(database.dataSource()), asked);

        Map<String, Long> greatest = new HashMap<>();
        database.jdbc().sql("""
                        SELECT aggregateidentifier, max(sequencenumber) FROM domainevententry
                        WHERE aggregateidentifier = ANY (?) GROUP BY aggregateidentifier""")
                .param(asked.toArray(String[]::new))
                .query(rs -> {
                    greatest.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(last).isEqualTo(greatest).containsOnlyKeys("one", "few", "long")
                .containsEntry("one", 0L).containsEntry("few", 3L).containsEntry("long", 1_499L);
        assertThat(StoreCheckedCache.lastSequenceNumbers(new JdbcTemplate(database.dataSource()), List.of())).isEmpty();
    }
}
