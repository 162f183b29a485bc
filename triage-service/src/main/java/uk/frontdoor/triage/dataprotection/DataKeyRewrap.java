package uk.frontdoor.triage.dataprotection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Master key rotation's second half: every data key still wrapped by a previous master key is opened with it and
 * wrapped again with the current one, a batch a transaction. The data keys themselves stay the same, so no event
 * is touched and every cached key stays right.
 * <p>
 * Each batch locks its rows {@code FOR UPDATE SKIP LOCKED}: instances re-wrapping at once take different rows,
 * and a row an erasure is destroying is skipped (left for the next run) rather than waited for. Erasure's
 * {@code UPDATE} in turn waits for a batch holding the row, then destroys the re-wrapped key; the re-wrap's own
 * {@code UPDATE} only touches rows whose key is still there, so a destroyed key is never written back.
 * <p>
 * One run at a time on an instance, in the background; each is recorded in {@code data_key_rewraps} (V50).
 */
public final class DataKeyRewrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRewrap.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MasterKeyRing masterKeys;
    private final Clock clock;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "data-key-rewrap");
        thread.setDaemon(true);
        return thread;
    });

    public DataKeyRewrap(JdbcTemplate jdbc, TransactionTemplate transactions, MasterKeyRing masterKeys, Clock clock,
                         int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** How many data keys each master key wraps, and the last re-wrap. */
    public record Status(String currentMasterKeyId, List<MasterKeyUse> masterKeys, boolean running, Run lastRun) {
    }

    /**
     * @param configured whether this instance has the master key (current or previous): a master key that wraps
     *                   no data key any more may be removed from configuration
     * @param dataKeys   data keys it wraps
     * @param destroyed  erased children's tombstones stored under it (no key: nothing to re-wrap)
     */
    public record MasterKeyUse(String masterKeyId, boolean current, boolean configured, long dataKeys,
                               long destroyed) {
    }

    public record Run(long id, String toMasterKeyId, String startedBy, String startedRole, Instant startedAt,
                      Instant finishedAt, long rewrapped, String outcome, String failure) {
    }

    /** A re-wrap is already running on this instance. */
    public static final class AlreadyRunning extends IllegalStateException {
        AlreadyRunning() {
            super("A re-wrap of the data keys is already running: see its progress before starting another.");
        }
    }

    /** Starts a re-wrap in the background. @throws AlreadyRunning if one runs on this instance */
    public Run start(String startedBy, String startedRole) {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        try {
            long id = jdbc.queryForObject("""
                            INSERT INTO data_key_rewraps (to_master_key, started_by, started_role, started_at)
                            VALUES (?, ?, ?, ?) RETURNING id""", Long.class,
                    masterKeys.current().id(), startedBy, startedRole, Timestamp.from(clock.instant()));
            log.info("Re-wrap of data keys to master key '{}' started by {} ({})", masterKeys.current().id(),
                    startedBy, startedRole);
            worker.execute(() -> {
                try {
                    run(id);
                } finally {
                    running.set(false);
                }
            });
            return run(jdbc, id).orElseThrow();
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** Whether any data key is still wrapped by a master key other than the current one. */
    public boolean anyUnderPreviousKeys() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM personal_data_keys
                               WHERE master_key_id <> ? AND wrapped_key IS NOT NULL)""", Boolean.class,
                masterKeys.current().id()));
    }

    public Status status() {
        List<MasterKeyUse> uses = new ArrayList<>(jdbc.query("""
                        SELECT master_key_id, count(wrapped_key), count(*) - count(wrapped_key)
                        FROM personal_data_keys GROUP BY master_key_id ORDER BY master_key_id""",
                (rs, row) -> use(rs.getString(1), rs.getLong(2), rs.getLong(3))));
        for (String id : masterKeys.ids()) {
            if (uses.stream().noneMatch(use -> use.masterKeyId().equals(id))) {
                uses.add(use(id, 0, 0));
            }
        }
        Run last = jdbc.query("SELECT * FROM data_key_rewraps ORDER BY started_at DESC, id DESC LIMIT 1",
                (rs, row) -> run(rs)).stream().findFirst().orElse(null);
        return new Status(masterKeys.current().id(), List.copyOf(uses),
                running.get() || (last != null && last.finishedAt() == null), last);
    }

    private MasterKeyUse use(String id, long dataKeys, long destroyed) {
        return new MasterKeyUse(id, id.equals(masterKeys.current().id()), masterKeys.named(id).isPresent(),
                dataKeys, destroyed);
    }

    /**
     * Batches in child id order until none is left that this instance may take; the counts are recorded after
     * each batch. Walking the primary key keeps the whole run one pass over the table, however many rows have
     * already moved.
     */
    private void run(long id) {
        long rewrapped = 0;
        String after = "";
        try {
            while (true) {
                String from = after;
                Batch batch = transactions.execute(status -> rewrapBatch(from));
                if (batch.last() == null) {
                    break;
                }
                after = batch.last();
                rewrapped += batch.rewrapped();
                jdbc.update("UPDATE data_key_rewraps SET rewrapped = ? WHERE id = ?", rewrapped, id);
            }
            finish(id, rewrapped, "COMPLETED", null);
            log.info("Re-wrap of data keys to master key '{}' completed: {} re-wrapped", masterKeys.current().id(),
                    rewrapped);
        } catch (RuntimeException e) {
            // Messages here name master key ids and counts only; the exception class says the rest.
            String failure = e instanceof KeyEncryptionKey.WrongMasterKeyException ? e.getMessage()
                    : e.getClass().getSimpleName();
            finish(id, rewrapped, "FAILED", failure);
            log.error("Re-wrap of data keys to master key '{}' failed after {} re-wrapped: {}",
                    masterKeys.current().id(), rewrapped, failure);
        }
    }

    /** @param last the highest child id the batch took; null when there was none left */
    private record Batch(int rewrapped, String last) {
    }

    private Batch rewrapBatch(String after) {
        KeyEncryptionKey current = masterKeys.current();
        List<Object[]> rewrapped = new ArrayList<>();
        jdbc.query("""
                        SELECT child_id, wrapped_key, master_key_id FROM personal_data_keys
                        WHERE child_id > ? AND master_key_id <> ? AND wrapped_key IS NOT NULL
                        ORDER BY child_id LIMIT ? FOR UPDATE SKIP LOCKED""",
                (ResultSet rows) -> {
                    String childId = rows.getString(1);
                    byte[] context = JdbcPersonalDataKeys.context(childId);
                    byte[] raw = masterKeys.unwrap(rows.getString(3), rows.getBytes(2), context);
                    try {
                        rewrapped.add(new Object[]{current.wrap(raw, context), current.id(), childId});
                    } finally {
                        Arrays.fill(raw, (byte) 0);
                    }
                },
                after, current.id(), batchSize);
        if (rewrapped.isEmpty()) {
            return new Batch(0, null);
        }
        jdbc.batchUpdate("""
                UPDATE personal_data_keys SET wrapped_key = ?, master_key_id = ?
                WHERE child_id = ? AND wrapped_key IS NOT NULL""", rewrapped);
        return new Batch(rewrapped.size(), (String) rewrapped.get(rewrapped.size() - 1)[2]);
    }

    private void finish(long id, long rewrapped, String outcome, String failure) {
        jdbc.update("""
                        UPDATE data_key_rewraps SET finished_at = ?, rewrapped = ?, outcome = ?, failure = ?
                        WHERE id = ?""",
                Timestamp.from(clock.instant()), rewrapped, outcome, failure, id);
    }

    private static Optional<Run> run(JdbcTemplate jdbc, long id) {
        return jdbc.query("SELECT * FROM data_key_rewraps WHERE id = ?", (rs, row) -> run(rs), id).stream()
                .findFirst();
    }

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("to_master_key"), rs.getString("started_by"),
                rs.getString("started_role"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("rewrapped"), rs.getString("outcome"),
                rs.getString("failure"));
    }

    /** Stops waiting for a running batch when the service stops: its transaction rolls back, the next run redoes it. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
