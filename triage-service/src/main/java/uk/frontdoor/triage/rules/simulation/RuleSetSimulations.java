package uk.frontdoor.triage.rules.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetLoadException;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.child.ChildEvolution;
import uk.frontdoor.triage.child.ChildStreams;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.LinkedContact;
import uk.frontdoor.triage.child.LinkedContacts;
import uk.frontdoor.triage.child.reception.Reception;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Replays the contacts received in a period through a named rule set and reports what would change against what
 * the rules in force decided. Each contact is decided by reception's own code ({@link Reception#assess}) with the
 * facts it had and the child's history as it stood at its receipt: the child's stream from the event store, folded
 * by {@link ChildEvolution#evolve} up to the contact, and the contacts on its linked records received before it.
 * Nothing is written to any child's stream; the report is kept in {@code rule_set_simulations}.
 *
 * <p>Simulations run one at a time on a thread of their own, and one at a time across instances (a PostgreSQL
 * advisory lock): a second one asked for while one runs waits its turn ({@code QUEUED}), it is not refused. A
 * simulation is cancelled by its state alone: the run checks it at each progress step and writes its report only
 * if still {@code RUNNING}, so a cancel on any instance stops it.
 */
@Component
public class RuleSetSimulations {

    private static final Logger log = LoggerFactory.getLogger(RuleSetSimulations.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** Progress is written, and a cancel noticed, after this many contacts. */
    private static final int PROGRESS_EVERY = 200;
    /** Children whose streams are read in one statement: bounded, so memory stays small over any period. */
    private static final int CHILDREN_READ_TOGETHER = 500;
    /**
     * The only personal field a replay reads: the child, whose date of birth, sex and being unborn are rule facts
     * ({@code RuleFacts.of}). The others (referrer, household, narrative, actions, consent reason, and those of
     * later events) are read as erased without being decrypted: nothing of them reaches a decision or the report.
     */
    public static final Set<PersonalDataModule.Field> PERSONAL_FIELDS_READ =
            Set.of(new PersonalDataModule.Field(ContactSubmission.class, "child"));
    private static final Set<Class<? extends ChildEvent>> CLOCKS =
            Set.of(ClockStarted.class, ClockWarned.class, ClockBreached.class, ClockStopped.class);
    /**
     * The events a replay reads: those the fold changes with (which takes in the contacts and their assessments),
     * but the clocks' (their rows change the running clocks alone, which neither the rules' history nor any other
     * row reads; a third of a simulation's rows). Leaving out the rest changes nothing the replay sees.
     */
    public static final Set<Class<? extends ChildEvent>> FOLDED = ChildEvolution.stateChangingTypes().stream()
            .filter(type -> !CLOCKS.contains(type))
            .collect(Collectors.toUnmodifiableSet());
    /** The advisory lock key that runs simulations one at a time across instances: "RULESIM" in ASCII. */
    static final long SIMULATION_LOCK = 0x52554c4553494dL;
    /** A draft file larger than this is not a rule set (the shipped ones are about 20 kB). */
    public static final int MAX_DRAFT_CHARS = 500_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Workload workload;
    private final ChildStreams childStreams;
    private final ThresholdEngine rules;
    private final RuleSetCatalogue catalogue;
    private final LinkedContacts linkedContacts;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rule-set-simulation");
        thread.setDaemon(true);
        return thread;
    });

    RuleSetSimulations(JdbcClient jdbc, DataSource dataSource, Workload workload, ChildStreams childStreams,
                       PersonalDataKeys keys, ThresholdEngine rules, RuleSetCatalogue catalogue,
                       LinkedContacts linkedContacts, Clock clock, ObjectMapper json,
                       @Value("${frontdoor.simulations.decoding-threads:2}") int decodingThreads) {
        if (decodingThreads < 1) {
            throw new IllegalArgumentException("frontdoor.simulations.decoding-threads must be at least 1");
        }
        List<Executor> helpers = new ArrayList<>();
        for (int i = 1; i < decodingThreads; i++) {
            String name = "rule-set-simulation-decoder-" + i;
            helpers.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            }));
        }
        this.decoders = List.copyOf(helpers);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.workload = workload;
        this.childStreams = childStreams.readBy(EventJson.opening(keys, PERSONAL_FIELDS_READ));
        this.rules = rules;
        this.catalogue = catalogue;
        this.linkedContacts = linkedContacts;
        this.clock = clock;
        this.json = json;
    }

    /** Reads the next group of children's streams while the runner folds the group before it. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rule-set-simulation-reader");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Deserialise a group's events beside the reader ({@code frontdoor.simulations.decoding-threads}, the reader
     * one of them): reading is the longer of the two steps, and most of it is deserialising.
     */
    private final List<Executor> decoders;

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        reader.shutdownNow();
        decoders.forEach(decoder -> ((ExecutorService) decoder).shutdownNow());
    }

    /**
     * A simulation asked for: its period in whole days in England, both included.
     *
     * @param draft an uploaded draft rule file, or {@code null} for a rule set the service has loaded
     */
    public record Request(RuleSetRef ruleSet, DraftFile draft, LocalDate from, LocalDate to, String requestedBy) {
    }

    /** A draft rule file as uploaded: its name (for errors) and text. */
    public record DraftFile(String file, String text) {
    }

    /**
     * A simulation as kept: where it stands ({@code QUEUED}, {@code RUNNING}, {@code DONE}, {@code FAILED},
     * {@code CANCELLED}), and its report once done.
     *
     * @param draftFile      the name of the uploaded draft file, or {@code null} for a loaded rule set
     * @param draftClearedAt when the draft's text was cleared ({@code frontdoor.simulations.draft-kept-for}), or
     *                       {@code null} while it is kept
     */
    public record Simulation(String simulationId, String ruleSetId, String ruleSetVersion, String draftFile,
                             LocalDate from, LocalDate to, String requestedBy, Instant requestedAt, String state,
                             Integer contactsTotal, int contactsDone, Instant finishedAt, String cancelledBy,
                             Instant cancelledAt, SimulationReport report, Instant draftClearedAt) {

        public boolean finished() {
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        }
    }

    /**
     * Clears the text of the drafts simulated before {@code keptFor} ago (England), once their simulation has
     * finished; their reports, file names and rule-set versions stay.
     *
     * @return how many drafts were cleared
     */
    public int clearDraftsOlderThan(Period keptFor) {
        Instant now = clock.instant();
        Instant cutOff = ZonedDateTime.ofInstant(now, ENGLAND).minus(keptFor).toInstant();
        return jdbc.sql("""
                        UPDATE rule_set_simulations SET draft_text = NULL, draft_cleared_at = ?
                        WHERE draft_text IS NOT NULL AND requested_at < ? AND state NOT IN ('QUEUED', 'RUNNING')""")
                .params(Timestamp.from(now), Timestamp.from(cutOff))
                .update();
    }

    /** What cancelling found. */
    public enum Cancel { CANCELLED, ALREADY_FINISHED, NOT_FOUND }

    /** Whether the catalogue holds this rule set (only a rule set that loaded can be simulated). */
    public boolean known(RuleSetRef ruleSet) {
        return catalogue.find(ruleSet).isPresent();
    }

    /**
     * The draft loaded on its own, with the checks start-up makes ({@link RuleSetCatalogue#ofText}): what a run
     * decides with, and what the draft check shows.
     *
     * @throws RuleSetLoadException naming the file, rule and error, for a draft that does not load
     */
    public RuleSetCatalogue load(DraftFile draft) {
        return RuleSetCatalogue.ofText(draft.file(), draft.text());
    }

    /** Keeps the request and queues it; returns its id at once. */
    public String start(Request request) {
        String id = UUID.randomUUID().toString();
        DraftFile draft = request.draft();
        jdbc.sql("""
                        INSERT INTO rule_set_simulations (simulation_id, rule_set_id, rule_set_version, period_from,
                                                          period_to, requested_by, requested_at, state, draft_file,
                                                          draft_text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id, request.ruleSet().id(), request.ruleSet().version(), Date.valueOf(request.from()),
                        Date.valueOf(request.to()), request.requestedBy(), Timestamp.from(clock.instant()),
                        draft == null ? null : draft.file(), draft == null ? null : draft.text())
                .update();
        runner.submit(() -> run(id, request));
        return id;
    }

    /** Cancels a simulation queued or running; one finished keeps its state and report. */
    public Cancel cancel(String simulationId, String cancelledBy) {
        Instant now = clock.instant();
        int cancelled = jdbc.sql("""
                        UPDATE rule_set_simulations SET state = 'CANCELLED', cancelled_by = ?, cancelled_at = ?,
                                                        finished_at = ?
                        WHERE simulation_id = ? AND state IN ('QUEUED', 'RUNNING')""")
                .params(cancelledBy, Timestamp.from(now), Timestamp.from(now), simulationId)
                .update();
        if (cancelled == 1) {
            return Cancel.CANCELLED;
        }
        return find(simulationId).isPresent() ? Cancel.ALREADY_FINISHED : Cancel.NOT_FOUND;
    }

    public Optional<Simulation> find(String simulationId) {
        return jdbc.sql("SELECT * FROM rule_set_simulations WHERE simulation_id = ?")
                .param(simulationId)
                .query(this::simulation)
                .optional();
    }

    /** The newest simulations first, without their reports. */
    public List<Simulation> recent(int limit) {
        return jdbc.sql("""
                        SELECT simulation_id, rule_set_id, rule_set_version, draft_file, period_from, period_to,
                               requested_by, requested_at, state, contacts_total, contacts_done, finished_at,
                               cancelled_by, cancelled_at, NULL AS report, draft_cleared_at
                        FROM rule_set_simulations ORDER BY requested_at DESC, simulation_id LIMIT ?""")
                .param(limit)
                .query(this::simulation)
                .list();
    }

    private Simulation simulation(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("simulation_id");
        String report = rs.getString("report");
        int total = rs.getInt("contacts_total");
        Integer contactsTotal = rs.wasNull() ? null : total;
        try {
            return new Simulation(id, rs.getString("rule_set_id"), rs.getString("rule_set_version"),
                    rs.getString("draft_file"), rs.getDate("period_from").toLocalDate(),
                    rs.getDate("period_to").toLocalDate(), rs.getString("requested_by"),
                    rs.getTimestamp("requested_at").toInstant(), rs.getString("state"), contactsTotal,
                    rs.getInt("contacts_done"), instant(rs.getTimestamp("finished_at")), rs.getString("cancelled_by"),
                    instant(rs.getTimestamp("cancelled_at")),
                    report == null ? null : json.readValue(report, SimulationReport.class),
                    instant(rs.getTimestamp("draft_cleared_at")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report of simulation " + id + " does not read back", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private void run(String id, Request request) {
        // One at a time across instances: a session lock on a connection of its own, held for the run.
        try (Connection lock = dataSource.getConnection()) {
            try (PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
                take.setLong(1, SIMULATION_LOCK);
                take.execute();
            }
            try {
                runAlone(id, request);
            } finally {
                try (PreparedStatement release = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    release.setLong(1, SIMULATION_LOCK);
                    release.execute();
                }
            }
        } catch (Exception e) {
            // The class only: a message could quote a contact's data.
            log.error("Rule-set simulation {} failed: {}", id, e.getClass().getName());
            jdbc.sql("""
                            UPDATE rule_set_simulations SET state = 'FAILED', finished_at = ?
                            WHERE simulation_id = ? AND state IN ('QUEUED', 'RUNNING')""")
                    .params(Timestamp.from(clock.instant()), id).update();
        }
    }

    private void runAlone(String id, Request request) throws JsonProcessingException {
        int started = jdbc.sql("UPDATE rule_set_simulations SET state = 'RUNNING' WHERE simulation_id = ? AND state = 'QUEUED'")
                .param(id).update();
        if (started == 0) {
            return; // cancelled while it waited
        }
        ThresholdEngine engine = request.draft() == null ? rules
                : rules.withCatalogue(load(request.draft()));
        Instant start = request.from().atStartOfDay(ENGLAND).toInstant();
        Instant end = request.to().plusDays(1).atStartOfDay(ENGLAND).toInstant();
        Map<String, List<String>> contactsByChild = new LinkedHashMap<>();
        // An erased record is not processed again, not even to be counted here.
        jdbc.sql("""
                        SELECT child_id, contact_id FROM contact_registry r
                        WHERE received_at >= ? AND received_at < ? AND child_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM erased_children e WHERE e.child_id = r.child_id)
                        ORDER BY child_id, received_at""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(rs -> {
                    contactsByChild.computeIfAbsent(rs.getString("child_id"), child -> new ArrayList<>())
                            .add(rs.getString("contact_id"));
                });
        int total = contactsByChild.values().stream().mapToInt(List::size).sum();
        if (!progress(id, "contacts_total", total)) {
            return;
        }
        SimulationReport.Builder report = new SimulationReport.Builder(request.ruleSet());
        int done = 0;
        List<String> children = List.copyOf(contactsByChild.keySet());
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < children.size(); from += CHILDREN_READ_TOGETHER) {
            groups.add(children.subList(from, Math.min(children.size(), from + CHILDREN_READ_TOGETHER)));
        }
        CompletableFuture<Map<String, List<ChildEvent>>> next = groups.isEmpty() ? null
                : CompletableFuture.supplyAsync(readGroup(groups.get(0)), reader);
        for (int g = 0; g < groups.size(); g++) {
            Map<String, List<ChildEvent>> streams = next.join();
            next = g + 1 < groups.size() ? CompletableFuture.supplyAsync(readGroup(groups.get(g + 1)), reader) : null;
            for (String child : groups.get(g)) {
                List<String> contacts = contactsByChild.get(child);
                done += replay(ChildId.of(child), streams.get(child), Set.copyOf(contacts), engine, request.ruleSet(),
                        report);
                if (done % PROGRESS_EVERY < contacts.size() && !progress(id, "contacts_done", done)) {
                    return; // cancelled
                }
            }
        }
        jdbc.sql("""
                        UPDATE rule_set_simulations SET state = 'DONE', contacts_done = ?, finished_at = ?,
                                                        report = CAST(? AS jsonb)
                        WHERE simulation_id = ? AND state = 'RUNNING'""")
                .params(done, Timestamp.from(clock.instant()), json.writeValueAsString(report.build()), id)
                .update();
    }

    private Supplier<Map<String, List<ChildEvent>>> readGroup(List<String> group) {
        return () -> childStreams.read(group, FOLDED, decoders);
    }

    /** Writes a count while the simulation runs; false once it no longer does (it was cancelled). */
    private boolean progress(String id, String column, int count) {
        return jdbc.sql("UPDATE rule_set_simulations SET " + column + " = ? WHERE simulation_id = ? AND state = 'RUNNING'")
                .params(count, id).update() == 1;
    }

    /** One child's stream, folded event by event; each simulated contact decided against the state before it. */
    private int replay(ChildId childId, List<ChildEvent> stream, Set<String> simulated, ThresholdEngine engine,
                       RuleSetRef draft, SimulationReport.Builder report) {
        ChildState state = ChildState.NONE;
        int replayed = 0;
        for (int i = 0; i < stream.size(); i++) {
            ChildEvent event = stream.get(i);
            if (event instanceof ContactReceived received && simulated.contains(received.contactId().value())
                    && received.submission() != null) {
                Optional<ThresholdAssessed.Threshold> inForce = recorded(stream, i, received);
                if (inForce.isPresent()) {
                    List<LinkedContact> linked = asThen(linkedContacts.linkedTo(childId, state), received.receivedAt());
                    ThresholdAssessed.Threshold byDraft = Reception.assess(received, state, linked, engine, draft);
                    report.add(received.contactId().value(), received.receivedAt(), inForce.get(), byDraft,
                            workload.teams(received, inForce.get()), workload.teams(received, byDraft));
                    replayed++;
                }
            }
            state = ChildEvolution.evolve(state, event);
        }
        return replayed;
    }

    /** What the rules in force decided on receipt: the assessment recorded with the contact. */
    private static Optional<ThresholdAssessed.Threshold> recorded(List<ChildEvent> stream, int from,
                                                                  ContactReceived received) {
        for (int i = from + 1; i < stream.size(); i++) {
            if (stream.get(i) instanceof ThresholdAssessed assessed && assessed.contactId().equals(received.contactId())) {
                return Optional.of(assessed.threshold());
            }
        }
        return Optional.empty();
    }

    /** The linked records' contacts as they stood at the moment: received before it, decided only if decided by then. */
    private static List<LinkedContact> asThen(List<LinkedContact> linked, Instant at) {
        return linked.stream()
                .filter(contact -> contact.receivedAt().isBefore(at))
                .map(contact -> contact.decidedAt() == null || contact.decidedAt().isBefore(at) ? contact
                        : new LinkedContact(contact.contactId(), contact.childId(), contact.receivedAt(),
                        contact.factors(), contact.indicators(), null, null, false))
                .toList();
    }
}
