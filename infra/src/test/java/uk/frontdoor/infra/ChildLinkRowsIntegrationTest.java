package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.projections.ChildLinkRows;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link is in both children's streams, so two segments of one projection write the same two rows
 * at the same moment, each starting from its own child. On the real database, many such pairs
 * written at once from opposite ends must all land, both ways round, without a deadlock.
 */
class ChildLinkRowsIntegrationTest extends IntegrationTestSupport {

    private static final int PAIRS = 150;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void the_two_copies_of_a_link_written_at_once_from_opposite_ends_never_deadlock() throws Exception {
        List<ChildId[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(new ChildId[]{new ChildId(UUID.randomUUID().toString()), new ChildId(UUID.randomUUID().toString())});
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> fromFirst = writers.submit(() -> writeAll(pairs, together, false));
            Future<?> fromSecond = writers.submit(() -> writeAll(pairs, together, true));
            fromFirst.get(5, TimeUnit.MINUTES);
            fromSecond.get(5, TimeUnit.MINUTES);
        } finally {
            writers.shutdownNow();
        }

        List<String> ids = pairs.stream().flatMap(pair -> java.util.stream.Stream.of(pair[0].value(), pair[1].value()))
                .toList();
        for (String table : List.of("child_links", "performance_child_links")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE child_id IN (:ids)")
                    .param("ids", ids).query(Long.class).single()).isEqualTo(2L * PAIRS);
            // These rows come from no event: leave the read models as the event store would rebuild them.
            jdbc.sql("DELETE FROM " + table + " WHERE child_id IN (:ids)").param("ids", ids).update();
        }
    }

    private Void writeAll(List<ChildId[]> pairs, CyclicBarrier together, boolean fromSecond) throws Exception {
        for (ChildId[] pair : pairs) {
            ChildId from = fromSecond ? pair[1] : pair[0];
            ChildId to = fromSecond ? pair[0] : pair[1];
            // Bounded, so that when one writer fails the other is not left waiting for it.
            together.await(30, TimeUnit.SECONDS);
            // As a projection handles one event: the chronology's links, then (another processor) performance's.
            transactions.executeWithoutResult(status -> ChildLinkRows.insertBothWays(jdbc, "child_links", from, to));
            transactions.executeWithoutResult(status ->
                    ChildLinkRows.insertBothWays(jdbc, "performance_child_links", from, to));
        }
        return null;
    }
}
