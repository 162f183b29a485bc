package uk.frontdoor.triage.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.command.ReviewRetention;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ChildId;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The nightly retention review: lists the records the schedule makes due, and for each asks the record to queue
 * its erasure for a manager's confirmation, or to erase itself where the council so configures; a record under
 * legal hold is left (and says so in its stream). Each step is an event in the child's stream; what the run did is
 * kept in {@code retention_runs} and shown to managers. Time comes from the clock it is given (the service's
 * injected one, or a test's).
 */
@Component
@EnableConfigurationProperties(RetentionSchedule.class)
public class RetentionReview {

    private static final Logger log = LoggerFactory.getLogger(RetentionReview.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final RetentionSchedule schedule;
    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final ObjectMapper json;

    RetentionReview(RetentionSchedule schedule, JdbcClient jdbc, CommandGateway commands, ObjectMapper json) {
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.commands = commands;
        this.json = json;
    }

    public RetentionSchedule schedule() {
        return schedule;
    }

    /** One record the run looked at: the child by id, the class that made it due, and what was done. */
    public record Step(String childId, String retentionClass, LocalDate dueSince, String outcome) {
    }

    /** A run: when, as of which day, in which mode, by whom, and its steps. */
    public record Run(String runId, LocalDate asOf, Instant startedAt, Instant finishedAt, boolean automatic,
                      String startedBy, List<Step> steps, Map<String, Long> counts) {
    }

    /** The run, as of today in England by {@code clock}, in the configured mode. */
    public Run run(Clock clock, String startedBy) {
        return run(clock, startedBy, schedule.automatic());
    }

    /** The run, as of today in England by {@code clock}; {@code automatic} erases without a manager's confirmation. */
    public Run run(Clock clock, String startedBy, boolean automatic) {
        Instant started = clock.instant();
        LocalDate today = LocalDate.ofInstant(started, ENGLAND);
        String runId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO retention_runs (run_id, as_of, started_at, automatic, started_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(runId, Date.valueOf(today), Timestamp.from(started), automatic, startedBy)
                .update();
        Map<String, Step> due = new LinkedHashMap<>();
        for (RetentionSchedule.RetentionClass retention : schedule.classes()) {
            for (Due record : due(retention, today)) {
                due.putIfAbsent(record.childId(), new Step(record.childId(), retention.name(), record.dueSince(), null));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Step step : due.values()) {
            steps.add(new Step(step.childId(), step.retentionClass(), step.dueSince(), review(step, automatic)));
        }
        Instant finished = clock.instant();
        try {
            jdbc.sql("UPDATE retention_runs SET finished_at = ?, report = CAST(? AS jsonb) WHERE run_id = ?")
                    .params(Timestamp.from(finished), json.writeValueAsString(steps), runId)
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The retention report could not be written", e);
        }
        Run run = new Run(runId, today, started, finished, automatic, startedBy, steps, counts(steps));
        log.info("Retention review {} as of {}: {}", runId, today, run.counts());
        return run;
    }

    private String review(Step step, boolean automatic) {
        try {
            ReviewRetention.Outcome outcome = commands.sendAndWait(new ReviewRetention(ChildId.of(step.childId()),
                    step.retentionClass(), automatic));
            return outcome.name();
        } catch (TriageRefusedException refused) {
            return "REFUSED_" + refused.refusal().name();
        } catch (RuntimeException failed) {
            // The class only: a failure's message can quote what it choked on. The next night tries again.
            log.warn("Retention review of a record failed: {}", failed.getClass().getName());
            return "FAILED";
        }
    }

    private record Due(String childId, LocalDate dueSince) {
    }

    /**
     * The records due under a class: every contact on them, and on the records linked to them, decided with one of
     * the class's outcomes, and born on or before the day that makes the period after 18 run out today.
     */
    private List<Due> due(RetentionSchedule.RetentionClass retention, LocalDate today) {
        LocalDate bornBy = today.minus(retention.keptAfterEighteenth()).minusYears(18);
        String[] outcomes = retention.outcomes().stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                        WITH closed AS (
                            SELECT child_id, bool_and(decided_at IS NOT NULL AND outcome = ANY (:outcomes)) AS closed
                            FROM child_contact_facts GROUP BY child_id),
                        born AS (
                            SELECT child_id, max(date_of_birth) AS born FROM child_identity_variant
                            WHERE date_of_birth IS NOT NULL GROUP BY child_id)
                        SELECT c.child_id, b.born FROM closed c JOIN born b ON b.child_id = c.child_id
                        WHERE c.closed AND b.born <= :bornBy
                          AND NOT EXISTS (SELECT 1 FROM erased_children e WHERE e.child_id = c.child_id)
                          AND NOT EXISTS (
                              SELECT 1 FROM child_record_link l
                              JOIN closed other ON other.child_id = CASE WHEN l.child_id = c.child_id
                                                                         THEN l.linked_child_id ELSE l.child_id END
                              WHERE (l.child_id = c.child_id OR l.linked_child_id = c.child_id) AND NOT other.closed)
                        ORDER BY b.born, c.child_id""")
                .param("outcomes", outcomes)
                .param("bornBy", Date.valueOf(bornBy))
                .query((rs, row) -> new Due(rs.getString("child_id"), rs.getDate("born").toLocalDate().plusYears(18)
                        .plus(retention.keptAfterEighteenth())))
                .list();
    }

    /** The latest runs, newest first. */
    public List<Run> runs(int limit) {
        return jdbc.sql("SELECT * FROM retention_runs ORDER BY started_at DESC, run_id LIMIT ?").param(limit)
                .query((rs, row) -> run(rs)).list();
    }

    public Optional<Run> run(String runId) {
        return jdbc.sql("SELECT * FROM retention_runs WHERE run_id = ?").param(runId)
                .query((rs, row) -> run(rs)).optional();
    }

    private Run run(ResultSet rs) throws SQLException {
        List<Step> steps;
        try {
            steps = List.of(json.readValue(rs.getString("report"), Step[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("retention_runs.report does not read back", e);
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getString("run_id"), rs.getDate("as_of").toLocalDate(),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getBoolean("automatic"), rs.getString("started_by"), steps, counts(steps));
    }

    private static Map<String, Long> counts(List<Step> steps) {
        Map<String, Long> counts = new LinkedHashMap<>();
        steps.forEach(step -> counts.merge(step.outcome(), 1L, Long::sum));
        return counts;
    }
}
