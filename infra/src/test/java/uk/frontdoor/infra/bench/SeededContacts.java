package uk.frontdoor.infra.bench;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.infra.load.LoadMix;
import uk.frontdoor.infra.load.LoadSettings;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.child.ChildEvolution;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.reception.Reception;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.identity.matching.ChildIdentification;
import uk.frontdoor.triage.identity.matching.SubmissionIdentity;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stores the load generator's contacts as reception would have stored them, without receiving them: for a
 * rule-set simulation over hundreds of thousands of contacts, which the write path takes hours to receive.
 *
 * <p>Each submission is read by the intake's own reader, and its events are the ones reception's own code
 * ({@link Reception#decide}) makes for it against the child's stream as it stands (folded by
 * {@link ChildEvolution#evolve}): {@code ContactReceived}, the matching decision, {@code ThresholdAssessed} by
 * the rules in force, the clocks. They are serialised by Axon's event serializer, so the personal fields are
 * encrypted with the child's data key, made as reception makes it ({@link PersonalDataKeys#newChild}: stored in
 * the same transaction), and copied into {@code domainevententry} with PostgreSQL's COPY, as the JDBC storage
 * engine lays them out; each contact's {@code contact_registry} row with its child goes in with them.
 *
 * <p>Which child a contact joins is decided as reception decides it, with two short cuts: the NHS number if the
 * child's number is known, otherwise the service's matcher scoring the contact against the one earlier child
 * with the same name, date of birth and postcode (where reception searches the store for candidates, and may
 * find other look-alikes as possible matches). The clocks' deadlines are given ids but not scheduled (nothing a
 * simulation reads), and the read models are not fed: the benchmark stops them.
 *
 * <p>Contacts are stored in the order they are sent. Received over Kafka they are not received in that order: the
 * topic's partitions are consumed side by side, so a contact is often received after ones sent later (contact 6 of
 * the benchmark's mix after contact 36, contact 12 after contact 1,587). Each child then holds the same contacts,
 * in another order, and a contact's history differs; that, and nothing else, is why the same 10,000 submissions
 * seeded and received give slightly different reports (the benchmark's
 * {@code seeded_and_received_contacts_compared_contact_by_contact}; two runs received over Kafka differ likewise).
 */
final class SeededContacts {

    private static final String COPY_EVENTS = "COPY domainevententry (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) FROM STDIN WITH (FORMAT csv)";
    private static final String COPY_REGISTRY = "COPY contact_registry (contact_id, agency, submission_id, "
            + "received_at, child_id) FROM STDIN WITH (FORMAT csv)";
    /** Contacts stored in one transaction. */
    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final PersonalDataKeys keys;
    private final ContactIntake intake;
    private final ThresholdEngine rules;
    private final ReferralStandard standard;
    private final Timekeeper clocks;
    private final ChildMatcher matcher;

    /** Each child seeded so far: its stream as it stands, and what matching knows of it. */
    private final Map<String, Seeded> children = new HashMap<>();
    private final Map<String, String> byNhsNumber = new HashMap<>();
    private final Map<String, String> byIdentity = new HashMap<>();

    private static final class Seeded {
        ChildState state = ChildState.NONE;
        long nextSequence;
        IdentityFacts facts;
    }

    SeededContacts(DataSource dataSource, PlatformTransactionManager transactionManager, Serializer serializer,
                   PersonalDataKeys keys, ContactIntake intake, ThresholdEngine rules, ReferralStandard standard,
                   TimelinessPolicy timeliness, ChildMatcher matcher, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.serializer = serializer;
        this.keys = keys;
        this.intake = intake;
        this.rules = rules;
        this.standard = standard;
        this.clocks = new Timekeeper(clock, timeliness, new UnscheduledDeadlines());
        this.matcher = matcher;
    }

    /** A partner's submission as it would have been sent: the agency (a Kafka header) and the body. */
    record Sent(AgencyCode agency, byte[] body) {
    }

    /** The load generator's mix, as the benchmark sends it over Kafka. */
    static Supplier<Sent> of(LoadMix mix, Map<LoadSettings.Partner, String> agencies) {
        return () -> {
            LoadMix.Submission submission = mix.next(false);
            return new Sent(AgencyCode.of(agencies.get(submission.partner())), submission.body());
        };
    }

    /**
     * Stores {@code contacts} submissions, received one after another, evenly spaced from {@code from} to
     * {@code to}.
     */
    void seed(Supplier<Sent> submissions, int contacts, Instant from, Instant to) {
        Duration step = Duration.between(from, to).dividedBy(contacts + 1L);
        for (int done = 0; done < contacts; ) {
            int first = done;
            int last = Math.min(contacts, done + BATCH);
            transactions.executeWithoutResult(status -> store(submissions, first, last, from, step));
            done = last;
        }
    }

    private void store(Supplier<Sent> submissions, int first, int last, Instant from, Duration step) {
        StringBuilder events = new StringBuilder(1 << 22);
        StringBuilder registry = new StringBuilder(1 << 18);
        for (int i = first; i < last; i++) {
            Sent sent = submissions.get();
            AgencyCode agency = sent.agency();
            ContactSubmission submission = intake.read(agency, Channel.KAFKA, sent.body());
            Instant receivedAt = from.plus(step.multipliedBy(i + 1L));
            ContactId contactId = ContactId.random();
            Joined joined = join(submission);
            Seeded child = children.computeIfAbsent(joined.childId().value(), id -> new Seeded());
            if (joined.newChild()) {
                keys.newChild(joined.childId().value());
            }
            child.facts = SubmissionIdentity.of(submission.child(), submission.household());
            var command = new RecordContact(joined.childId(), contactId, agency, Channel.KAFKA, receivedAt, submission,
                    joined.identity(), null);
            // As the unit of work gives them: each event of the command with its correlation and trace ids.
            String commandId = IdentifierFactory.getInstance().generateIdentifier();
            byte[] metaData = serializer.serialize(MetaData.with("traceId", commandId).and("correlationId", commandId),
                    byte[].class).getData();
            for (ChildEvent event : Reception.decide(command, child.state, rules, standard, clocks, List.of())) {
                SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
                events.append(joined.childId().value()).append(',').append(child.nextSequence++).append(",Child,")
                        .append(IdentifierFactory.getInstance().generateIdentifier()).append(",\\x")
                        .append(HexFormat.of().formatHex(metaData)).append(",\\x")
                        .append(HexFormat.of().formatHex(payload.getData())).append(',')
                        .append(payload.getType().getRevision() == null ? "" : payload.getType().getRevision())
                        .append(',').append(payload.getType().getName()).append(',')
                        .append(DateTimeUtils.formatInstant(receivedAt)).append('\n');
                child.state = ChildEvolution.evolve(child.state, event);
            }
            registry.append(contactId.value()).append(',').append(agency.value()).append(',')
                    .append(submission.submissionId()).append(',').append(receivedAt).append(',')
                    .append(joined.childId().value()).append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(COPY_REGISTRY, new StringReader(registry.toString()));
            copy.copyIn(COPY_EVENTS, new StringReader(events.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("The seeded contacts could not be copied in", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private record Joined(ChildId childId, IdentityMatch identity, boolean newChild) {
    }

    /** Which child the contact joins, and the matching decision recorded with it, as reception decides them. */
    private Joined join(ContactSubmission submission) {
        ContactSubmission.Child about = submission.child();
        String nhsNumber = about.nhsNumber();
        if (nhsNumber != null && byNhsNumber.containsKey(nhsNumber)) {
            return new Joined(ChildId.of(byNhsNumber.get(nhsNumber)), IdentityMatch.possible(List.of()), false);
        }
        IdentityFacts facts = SubmissionIdentity.of(about, submission.household());
        String identity = about.givenName() + "|" + about.familyName() + "|" + about.dateOfBirth() + "|"
                + (about.address() == null ? null : about.address().postcode());
        String lookAlike = byIdentity.get(identity);
        List<Candidate> candidates = lookAlike == null ? List.of()
                : List.of(new Candidate(lookAlike, children.get(lookAlike).facts));
        // A known child with another NHS number is not this child, as reception's own search has it.
        candidates = candidates.stream().filter(candidate -> nhsNumber == null
                || candidate.facts().nhsNumber() == null || nhsNumber.equals(candidate.facts().nhsNumber())).toList();
        IdentityMatch decision = ChildIdentification.recorded(matcher.match(facts, candidates, children.size(),
                ChildMatcher.OneChild.NONE));
        boolean confident = decision.outcome() == IdentityMatch.Outcome.CONFIDENT;
        ChildId childId = confident ? decision.candidates().get(0).childId() : ChildId.random();
        if (nhsNumber != null) {
            byNhsNumber.put(nhsNumber, childId.value());
        }
        byIdentity.putIfAbsent(identity, childId.value());
        return new Joined(childId, decision, !confident);
    }

    /**
     * Gives each deadline an id as Axon's db-scheduler manager does, and schedules nothing: the seeded clocks'
     * warnings and breaches would otherwise fire during the benchmark and append to the children's streams.
     */
    private static final class UnscheduledDeadlines implements DeadlineManager {
        @Override
        public String schedule(Instant triggerDateTime, String deadlineName) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }

        @Override
        public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }

        @Override
        public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                               ScopeDescriptor deadlineScope) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
        }

        @Override
        public void cancelAll(String deadlineName) {
        }

        @Override
        public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        }

        @Override
        public org.axonframework.common.Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
            return () -> true;
        }

        @Override
        public org.axonframework.common.Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
            return () -> true;
        }
    }
}
