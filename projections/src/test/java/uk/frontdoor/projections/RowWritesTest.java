package uk.frontdoor.projections;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row writes held back for a processor batch, on a real PostgreSQL. */
class RowWritesTest {

    private static final String INSERT = "INSERT INTO row_writes_probe (k, v, history) VALUES (?, ?, ?) "
            + "ON CONFLICT (k) DO NOTHING";
    private static final String APPEND = "UPDATE row_writes_probe SET v = ?, history = history || ',' || ? WHERE k = ?";

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final JdbcClient jdbc = database.jdbc();
    private final RowWrites rows = new RowWrites(database.dataSource());

    @BeforeEach
    void emptyProbeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS row_writes_probe (k TEXT PRIMARY KEY, v INT NOT NULL, history TEXT NOT NULL)")
                .update();
        jdbc.sql("DELETE FROM row_writes_probe").update();
    }

    @Test
    void outside_a_unit_of_work_a_write_runs_at_once() {
        rows.write("probe", "a", INSERT, "a", 1, "1");
        assertThat(probe()).containsExactly(Map.of("k", "a", "v", 1, "history", "1"));
    }

    @Test
    void in_a_batch_writes_wait_for_the_commit_and_keep_each_keys_order() {
        UnitOfWork<?> batch = start();
        // Interleaved as a processor's batch interleaves contacts: each key's writes must apply in order.
        rows.write("probe", "a", INSERT, "a", 1, "1");
        rows.write("probe", "b", INSERT, "b", 1, "1");
        rows.write("probe", "a", APPEND, 2, "2", "a");
        rows.write("probe", "c", INSERT, "c", 1, "1");
        rows.write("probe", "a", APPEND, 3, "3", "a");
        rows.write("probe", "b", APPEND, 2, "2", "b");
        // A second projection's writes in the same unit of work are its own.
        rows.write("other", "d", INSERT, "d", 7, "7");
        assertThat(probe()).isEmpty();

        batch.commit();

        assertThat(probe()).containsExactly(
                Map.of("k", "a", "v", 3, "history", "1,2,3"),
                Map.of("k", "b", "v", 2, "history", "1,2"),
                Map.of("k", "c", "v", 1, "history", "1"),
                Map.of("k", "d", "v", 7, "history", "7"));
    }

    @Test
    void a_batch_rolled_back_writes_nothing() {
        UnitOfWork<?> batch = start();
        rows.write("probe", "a", INSERT, "a", 1, "1");
        batch.rollback();
        assertThat(probe()).isEmpty();
    }

    @Test
    void a_failing_write_fails_the_batch_commit() {
        UnitOfWork<?> batch = start();
        rows.write("probe", "a", "INSERT INTO row_writes_probe (k, v, history) VALUES (?, ?, ?)", "a", null, "1");
        assertThatThrownBy(batch::commit).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(probe()).isEmpty();
    }

    @Test
    void a_flush_sends_the_writes_made_so_far_and_the_later_ones_wait_for_the_commit() {
        UnitOfWork<?> batch = start();
        rows.insert("probe", "row_writes_probe", "a", INSERT, "a", 1, "1");
        rows.write("probe", "b", INSERT, "b", 1, "1");
        rows.flush("probe");
        assertThat(probe()).as("sent by the flush").containsExactly(
                Map.of("k", "a", "v", 1, "history", "1"),
                Map.of("k", "b", "v", 1, "history", "1"));
        // The insert is stored: a change of its row is a statement now, not folded into values already sent.
        rows.change("probe", "row_writes_probe", "a", values -> values[1] = 99, APPEND, 2, "2", "a");
        rows.write("probe", "b", APPEND, 2, "2", "b");
        assertThat(probe()).as("written after the flush: waiting for the commit").containsExactly(
                Map.of("k", "a", "v", 1, "history", "1"),
                Map.of("k", "b", "v", 1, "history", "1"));

        batch.commit();

        assertThat(probe()).containsExactly(
                Map.of("k", "a", "v", 2, "history", "1,2"),
                Map.of("k", "b", "v", 2, "history", "1,2"));
    }

    private static final String COPY_PROBE = """
            CREATE TABLE IF NOT EXISTS row_writes_copy_probe (k TEXT PRIMARY KEY, n BIGINT, at TIMESTAMPTZ, t TEXT,
                                                              flag BOOLEAN)""";
    private static final String APPENDED = "INSERT INTO row_writes_copy_probe (k, n, at, t, flag) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (k) DO NOTHING";

    @Test
    void in_a_bulk_page_appended_rows_go_by_copy_before_the_pages_other_writes_and_read_back_as_the_statement_writes_them() {
        jdbc.sql(COPY_PROBE).update();
        jdbc.sql("DELETE FROM row_writes_copy_probe").update();
        // Text that COPY's format must escape, nulls, a timestamp to the microsecond, numbers and booleans.
        List<Object[]> values = List.of(
                new Object[]{"tab", 1L, java.sql.Timestamp.from(java.time.Instant.parse("2026-12-07T12:00:00.123456Z")),
                        "a\ttab and\tanother", true},
                new Object[]{"lines", 2L, java.sql.Timestamp.from(java.time.Instant.parse("1999-03-28T00:30:00Z")),
                        "line\nbreak\r\nback\\slash \\N and \\.", false},
                new Object[]{"nulls", null, null, null, null},
                new Object[]{"empty", -3L, java.sql.Timestamp.from(java.time.Instant.parse("2026-06-01T23:59:59.999999Z")),
                        "", true},
                new Object[]{"unicode", Long.MAX_VALUE, java.sql.Timestamp.from(java.time.Instant.EPOCH), "£ ü — 子", false});
        values.forEach(row -> rows.append("probe", (String) row[0], "row_writes_copy_probe", "k, n, at, t, flag",
                APPENDED, row));
        List<Map<String, Object>> byStatement = copyProbe();
        assertThat(byStatement).hasSize(values.size());
        jdbc.sql("DELETE FROM row_writes_copy_probe").update();

        UnitOfWork<?> page = start();
        BulkPage.attach(page, List.of(GenericEventMessage.asEventMessage("page")));
        values.forEach(row -> rows.append("probe", (String) row[0], "row_writes_copy_probe", "k, n, at, t, flag",
                APPENDED, row));
        // A deletion after the page's other writes (an erasure's) follows the copied rows, whatever the order made.
        rows.writeAfter("probe", "DELETE FROM row_writes_copy_probe WHERE k = ?", "nulls");
        assertThat(copyProbe()).isEmpty();
        page.commit();

        assertThat(copyProbe()).isEqualTo(byStatement.stream().filter(row -> !"nulls".equals(row.get("k"))).toList());
    }

    @Test
    void a_row_appended_twice_in_a_bulk_page_fails_the_page_whole() {
        jdbc.sql(COPY_PROBE).update();
        jdbc.sql("DELETE FROM row_writes_copy_probe").update();
        jdbc.sql("INSERT INTO row_writes_copy_probe (k) VALUES ('stored')").update();
        UnitOfWork<?> page = start();
        BulkPage.attach(page, List.of(GenericEventMessage.asEventMessage("page")));
        rows.append("probe", "new", "row_writes_copy_probe", "k, n, at, t, flag", APPENDED, "new", 1L, null, "x", true);
        rows.append("probe", "stored", "row_writes_copy_probe", "k, n, at, t, flag", APPENDED, "stored", 1L, null, "x",
                true);
        assertThatThrownBy(page::commit).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(copyProbe()).extracting(row -> row.get("k")).containsExactly("stored");
    }

    private List<Map<String, Object>> copyProbe() {
        return jdbc.sql("SELECT k, n, at, t, flag FROM row_writes_copy_probe ORDER BY k").query().listOfRows();
    }

    private static UnitOfWork<?> start() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
    }

    private List<Map<String, Object>> probe() {
        return jdbc.sql("SELECT k, v, history FROM row_writes_probe ORDER BY k").query().listOfRows();
    }
}
