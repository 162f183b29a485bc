package uk.frontdoor.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A projection's row writes, held back until the processor's batch is about to commit and then sent as
 * JDBC batches: one round trip per statement shape instead of one per event. A replay of a million events
 * spent most of its time in those round trips.
 *
 * <p>Each write names the key of what it changes (a contact, a child's chronology, a pair of linked
 * records). Writes with the same key run in the order they were made; writes with different keys must
 * not depend on each other's order, which is true of the projections that use this: every statement
 * changes only its own key's rows, and none reads the tables it writes while handling an event (a
 * projection that reads its own rows in a handler must not defer its writes). At the flush the writes
 * run in rounds: the first write of every key, then the second of every key that has one, and so on;
 * within a round, one JDBC batch per statement, its rows in key order, so two segments that touch a
 * shared row (a link between two children's records) take their locks in the same order.
 *
 * <p>The flush is registered on the batch's unit of work, before its commit, so the rows, the
 * processor's token and anything else the batch wrote commit in one transaction, or none of them do
 * and the whole batch is handled again (the statements are idempotent, as they were before). Outside a
 * unit of work (a test calling a handler) a write runs at once.
 */
@Component
public class RowWrites {

    private static final Logger log = LoggerFactory.getLogger(RowWrites.class);

    private final JdbcTemplate jdbc;

    public RowWrites(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * @param projection the processing group writing (names the held-back writes of this batch)
     * @param key        what the statement changes; writes of one key keep their order
     * @param sql        a statement from the projection's own code, never built from input
     * @param args       read when the batch is flushed, not before: the caller may still change them until then
     *                   (the triage queue folds a contact's later events of the batch into the row it inserts)
     */
    public void write(String projection, String key, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        pending(projection).add(key, sql, args);
    }

    /**
     * Inserts a row, as {@link #write}: in a batch, its values stay open to the batch's later {@link #change}s of the
     * same table and key, which are folded into them instead of updating the row once written (a contact received and
     * assessed in one batch: one insert instead of an insert and an update). Only for a statement that inserts the
     * row or, if it is already stored, changes nothing ({@code ON CONFLICT DO NOTHING}): a processor commits its
     * rows and its token in one transaction, so a batch never inserts a row that an earlier batch of the same events
     * stored, and a reset deletes the rows before a replay.
     *
     * @param table  the table the row is in; with {@code key}, what {@link #change} names
     * @param values the statement's arguments, in its order; read at the flush, changed in place until then
     */
    public void insert(String projection, String table, String key, String sql, Object... values) {
        if (CurrentUnitOfWork.isStarted()) {
            pending(projection).inserted.putIfAbsent(table + "/" + key, values);
        }
        write(projection, key, sql, values);
    }

    /**
     * Changes a row: if the batch being handled inserts it ({@link #insert}, same table and key), {@code inMemory}
     * changes the insert's values as the statement would change the stored row; otherwise the statement is written
     * as by {@link #write}. Every change of a table that {@link #insert} writes goes through here, so a row's
     * changes keep their order whichever way each is made.
     */
    public void change(String projection, String table, String key, Consumer<Object[]> inMemory, String sql,
                       Object... args) {
        Object[] inserted = null;
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(resourceName(projection));
            inserted = pending == null ? null : pending.inserted.get(table + "/" + key);
        }
        if (inserted != null) {
            inMemory.accept(inserted);
        } else {
            write(projection, key, sql, args);
        }
    }

    /**
     * Inserts a new row that no other write of the batch changes, as {@link #write} of {@code sql} (an insert that
     * leaves a row already stored alone) does. In a rebuild's page ({@link BulkPage}) the page's rows of the table are
     * sent instead by one {@code COPY}, before the page's other writes: a reset emptied the table, the page is its only
     * writer and every stored event is handled once, so there is no row for the statement's {@code ON CONFLICT} to
     * leave alone, and should there be one all the same, the page fails and is rolled back whole (the processor then
     * handles its events with the statement). Multi-row inserts of 128 rows were most of a chronology's rebuild.
     * The copied rows wait for the commit even past a {@link #flush}: not for a table the projection reads mid-batch.
     *
     * @param table   the table, as named in the statement
     * @param columns the statement's columns, in the order of {@code values}
     * @param values  the row's values: text, numbers, booleans, timestamps or null; read when the page is written, not
     *                before (the triage queue folds a contact's later events of the page into the row it appends)
     */
    public void append(String projection, String key, String table, String columns, String sql, Object... values) {
        if (CurrentUnitOfWork.isStarted() && BulkPage.current().isPresent()) {
            pending(projection).copies.computeIfAbsent("COPY " + table + " (" + columns + ") FROM STDIN",
                    statement -> new ArrayList<>()).add(values);
            return;
        }
        write(projection, key, sql, values);
    }

    /**
     * A statement run once per batch, after the batch's other writes (a projection's housekeeping, such as
     * folding a tally); outside a unit of work, at once.
     */
    public void writeOnce(String projection, String sql) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql);
            return;
        }
        pending(projection).once.add(sql);
    }

    /**
     * A statement run after every keyed write of the batch (and before the once-a-batch housekeeping): an erasure's
     * deletion of a child's rows, which must follow the rows an earlier event of the same batch inserted, whatever
     * their keys. Outside a unit of work, at once.
     */
    public void writeAfter(String projection, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        pending(projection).after.add(new Write("", sql, args));
    }

    /**
     * Sends the batch's keyed writes of this projection now, in the batch's transaction (as they would be sent at its
     * commit), for a handler that is about to read the rows they write: a projection whose handlers mostly only
     * write, but some read, defers its writes and calls this before each read. The writes made after it wait for the
     * commit as before; a row {@link #insert}ed before it is stored by it, so later {@link #change}s of it are
     * statements again. {@link #writeAfter} and {@link #writeOnce} statements still wait for the commit. Outside a
     * unit of work there is nothing held back.
     */
    public void flush(String projection) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Pending pending = CurrentUnitOfWork.get().root().getResource(resourceName(projection));
        if (pending != null) {
            pending.flushKeyed(jdbc);
        }
    }

    private Pending pending(String projection) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(resourceName(projection), resource -> {
            Pending created = new Pending(projection);
            batch.onPrepareCommit(unitOfWork -> created.flush(jdbc));
            return created;
        });
    }

    private static String resourceName(String projection) {
        return RowWrites.class.getName() + "/" + projection;
    }

    private record Write(String key, String sql, Object[] args) {
    }

    private static final class Pending {

        private final String projection;
        /** Each key's writes in the order they were made; keys in the order first seen. */
        private final Map<String, List<Write>> byKey = new LinkedHashMap<>();
        private final Set<String> once = new LinkedHashSet<>();
        private final List<Write> after = new ArrayList<>();
        /** The values of the rows {@link #insert}ed in this batch, by table and key. */
        private final Map<String, Object[]> inserted = new HashMap<>();
        /** A bulk page's appended rows, by their COPY statement. */
        private final Map<String, List<Object[]>> copies = new LinkedHashMap<>();
        private int count;

        Pending(String projection) {
            this.projection = projection;
        }

        void add(String key, String sql, Object[] args) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>(4)).add(new Write(key, sql, args));
            count++;
        }

        void flush(JdbcTemplate jdbc) {
            try {
                copies.forEach((statement, rows) -> copyIn(jdbc, statement, rows));
                keyed(jdbc);
                after.forEach(write -> jdbc.update(write.sql(), write.args()));
                once.forEach(jdbc::update);
                copies.clear();
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        /** The keyed writes made so far, sent now; those made after wait for the next flush. */
        void flushKeyed(JdbcTemplate jdbc) {
            try {
                keyed(jdbc);
            } catch (RuntimeException e) {
                throw failed(e);
            }
            byKey.clear();
            inserted.clear();
            count = 0;
        }

        private RuntimeException failed(RuntimeException e) {
            // The class only: a database error can quote the values it choked on.
            log.error("Projection {} could not write its batch of {} row changes; the batch will be handled "
                    + "again: {}", projection, count + copies.values().stream().mapToInt(List::size).sum(),
                    e.getClass().getName());
            return e;
        }

        private void keyed(JdbcTemplate jdbc) {
            int flushed = 0;
            for (int round = 0; flushed < count; round++) {
                Map<String, List<Write>> bySql = new LinkedHashMap<>();
                for (List<Write> writes : byKey.values()) {
                    if (round < writes.size()) {
                        Write write = writes.get(round);
                        bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write);
                    }
                }
                for (Map.Entry<String, List<Write>> statement : bySql.entrySet()) {
                    List<Write> writes = statement.getValue();
                    writes.sort(Comparator.comparing(Write::key));
                    if (writes.size() == 1) {
                        jdbc.update(statement.getKey(), writes.get(0).args());
                    } else {
                        jdbc.batchUpdate(statement.getKey(), writes.stream().map(Write::args).toList());
                    }
                    flushed += writes.size();
                }
            }
        }
    }

    /**
     * New rows sent as one {@code COPY table (columns) FROM STDIN} on the connection of the current transaction, in
     * PostgreSQL's text format: for a rebuild's page ({@link BulkPage}) that writes rows no other write of the page
     * changes and that cannot be there already (a reset emptied the table, the page is its only writer, each stored
     * event is handled once). A row already there fails the statement, and with it the page (rolled back whole). Row
     * triggers fire as for an insert. Values: text, numbers, booleans, timestamps ({@link Timestamp}, {@link Instant})
     * or null; JSON as its text.
     *
     * @param table   the table, from the projection's own code
     * @param columns its columns, in the order of each row's values
     */
    public static void copy(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            copyIn(jdbc, "COPY " + table + " (" + columns + ") FROM STDIN", rows);
        }
    }

    /** The rows in PostgreSQL's text format, in one COPY on the batch's connection (its transaction). */
    private static void copyIn(JdbcTemplate jdbc, String statement, List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                copyText(text, row[i]);
            }
            text.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(statement, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY could not be sent", e);
            }
        });
    }

    private static void copyText(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain = value instanceof Timestamp at ? at.toInstant().toString()
                : value instanceof Instant at ? at.toString()
                : value instanceof Boolean yes ? (yes ? "t" : "f")
                : value.toString();
        // The text between the characters COPY's format escapes goes in whole runs: appending it a character at a time
        // was most of a chronology page's writing (its summaries), and of the contact status's (its JSON documents).
        int run = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(plain, run, i).append(escaped);
                run = i + 1;
            }
        }
        text.append(plain, run, plain.length());
    }
}
