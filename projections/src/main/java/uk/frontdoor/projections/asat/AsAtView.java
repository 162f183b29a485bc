package uk.frontdoor.projections.asat;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.projections.ReadModelUpdates;
import uk.frontdoor.projections.chronology.RecordTimes;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.query.FindChildAsAt;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.query.FindFamily;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child's record exactly as it stood at a past moment, built with the live read models' own code: the
 * child's events up to that moment (and those of the records linked to it and of the family around it) are
 * read from the event store by aggregate, handed to the projections' own event handlers, and the
 * projections' own query handlers answer. Nothing is copied: the handlers write into temporary tables of
 * one PostgreSQL transaction that shadow the read models' tables (a session's temporary tables come first
 * in the search path), and the transaction is rolled back, so the live read models are never touched.
 *
 * <p>The handlers see the events as a replay (Axon's {@code ReplayStatus}), so the duty board sends no live
 * change and no timer is fed, and no subscription query is told anything ({@link ReadModelUpdates#quietly}).
 * The work runs on a thread of its own, at most two at a time: the query bus's unit of work must not collect
 * the handlers' deferred writes, and a burst of as-at views must not take every database connection.
 */
@Component
class AsAtView {

    /** The read models an as-at view is made of; each is rebuilt from the events in the view's transaction. */
    static final Set<String> PROCESSING_GROUPS = Set.of("contact-status", "chronology", "alerts", "family");
    private static final List<String> TABLES = List.of("contact_status", "child_chronology", "child_links",
            "timeliness_clocks", "family_contact", "family_key", "family_link");
    /** The family's own query handler is not a processing group's; its bean is found by name. */
    private static final String FAMILY_QUERIES = "familyQueries";
    /** Related records folded in beside the child's own (the family view lists at most 50). */
    private static final int MAX_RECORDS = 120;

    private final EventStore events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ApplicationContext context;
    private final ExecutorService workers;
    private volatile Parts parts;

    AsAtView(EventStore events, PlatformTransactionManager transactionManager, JdbcClient jdbc,
             ApplicationContext context) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.context = context;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "as-at-view-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @QueryHandler
    Optional<ChildAsAt> handle(FindChildAsAt query) {
        try {
            return CompletableFuture.supplyAsync(() -> ReadModelUpdates.quietly(() -> build(query)), workers).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Optional<ChildAsAt> build(FindChildAsAt query) {
        Parts parts = parts();
        return transactions.execute(status -> {
            // Nothing of this transaction is kept: the temporary tables go with it.
            status.setRollbackOnly();
            Map<ChildId, Deque<DomainEventMessage<?>>> streams = new LinkedHashMap<>();
            List<DomainEventMessage<?>> own = upTo(query.childId(), query.asAt());
            if (own.isEmpty()) {
                return Optional.<ChildAsAt>empty();
            }
            streams.put(query.childId(), new ArrayDeque<>(own));
            // The records linked then, however many links away.
            Deque<ChildId> toRead = new ArrayDeque<>(linksIn(own));
            while (!toRead.isEmpty() && streams.size() < MAX_RECORDS) {
                ChildId next = toRead.poll();
                if (!streams.containsKey(next)) {
                    List<DomainEventMessage<?>> stream = upTo(next, query.asAt());
                    streams.put(next, new ArrayDeque<>(stream));
                    toRead.addAll(linksIn(stream));
                }
            }
            // The family around the child: relationships only grow with contacts, so every child related then is
            // related now (the live family view, read before the tables are shadowed); their events up to the
            // moment decide what was known of them then.
            parts.<Optional<Family>>ask(new FindFamily(query.childId()), ResponseTypes.optionalInstanceOf(Family.class))
                    .ifPresent(family -> family.members().forEach(member -> {
                        List<ChildId> records = new ArrayList<>(member.linkedChildren());
                        records.add(0, member.childId());
                        for (ChildId record : records) {
                            if (!streams.containsKey(record) && streams.size() < MAX_RECORDS) {
                                streams.put(record, new ArrayDeque<>(upTo(record, query.asAt())));
                            }
                        }
                    }));

            for (String table : TABLES) {
                // Table names are this class's constants, never input. Unqualified, LIKE still finds the read model's
                // table (this name is not shadowed yet), in whatever schema the service runs.
                jdbc.sql("CREATE TEMPORARY TABLE " + table + " (LIKE " + table + " INCLUDING ALL) ON COMMIT DROP")
                        .update();
            }
            fold(streams, parts);
            return Optional.of(answer(query, streams.keySet(), parts));
        });
    }

    /** Hands every event to each read model's handlers, the streams merged in time order, each stream in its order. */
    private static void fold(Map<ChildId, Deque<DomainEventMessage<?>>> streams, Parts parts) {
        List<Deque<DomainEventMessage<?>>> open = new ArrayList<>(streams.values());
        open.removeIf(Deque::isEmpty);
        while (!open.isEmpty()) {
            Deque<DomainEventMessage<?>> earliest = open.get(0);
            for (Deque<DomainEventMessage<?>> stream : open) {
                if (recorded(stream.peek()).isBefore(recorded(earliest.peek()))) {
                    earliest = stream;
                }
            }
            DomainEventMessage<?> event = earliest.poll();
            if (earliest.isEmpty()) {
                open.remove(earliest);
            }
            // As a replay: the board's live stream and the decision timer ignore it, as in a rebuild.
            var replayed = new GenericTrackedDomainEventMessage<>(
                    new ReplayToken(new GlobalSequenceTrackingToken(Long.MAX_VALUE)), event);
            for (AnnotationEventHandlerAdapter handler : parts.handlers) {
                if (handler.canHandle(replayed)) {
                    try {
                        handler.handle(replayed);
                    } catch (Exception e) {
                        throw new IllegalStateException("A read model's handler failed on "
                                + event.getPayloadType().getSimpleName() + " while building an as-at view", e);
                    }
                }
            }
        }
    }

    private ChildAsAt answer(FindChildAsAt query, Set<ChildId> read, Parts parts) {
        Instant at = query.asAt();
        ChildChronology chronology = parts.<Optional<ChildChronology>>ask(new FindChildChronology(query.childId()),
                ResponseTypes.optionalInstanceOf(ChildChronology.class)).orElse(null);
        Set<ChildId> records = new LinkedHashSet<>();
        records.add(query.childId());
        if (chronology != null) {
            records.addAll(chronology.linkedChildren());
        }
        List<ContactStatusView> contacts = new ArrayList<>();
        List<ChildAsAt.Clock> clocks = new ArrayList<>();
        List<String> contactIds = jdbc.sql("""
                        SELECT contact_id FROM contact_status WHERE child_id IN (:children) ORDER BY received_at, contact_id""")
                .param("children", records.stream().map(ChildId::value).toList())
                .query(String.class).list();
        for (String id : contactIds) {
            ContactId contactId = ContactId.of(id);
            parts.<Optional<ContactStatusView>>ask(new FindContactStatus(contactId, at),
                    ResponseTypes.optionalInstanceOf(ContactStatusView.class)).ifPresent(contacts::add);
            for (AlertBoard.Alert clock : parts.<List<AlertBoard.Alert>>ask(new FindContactClocks(contactId),
                    ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class))) {
                // Running, warned or breached: not yet stopped (the board's "open" means an alert, warned or breached).
                boolean open = clock.state() != AlertBoard.State.STOPPED;
                clocks.add(new ChildAsAt.Clock(clock, open, open ? Duration.between(at, clock.dueAt()) : null));
            }
        }
        Family family = parts.<Optional<Family>>ask(new FindFamily(query.childId(), at),
                ResponseTypes.optionalInstanceOf(Family.class)).orElse(null);
        return new ChildAsAt(query.childId(), at, chronology, contacts, clocks, family);
    }

    /**
     * The child's stream up to the moment: every event from the first (never a snapshot) until the first one
     * entered in the record after it, dated as the chronology dates it (the time the event carries, or the
     * time it was stored).
     */
    private List<DomainEventMessage<?>> upTo(ChildId childId, Instant at) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        var all = events.readEvents(childId.value(), 0L);
        boolean past = false;
        while (all.hasNext()) {
            DomainEventMessage<?> event = all.next();
            if (event.getPayload() instanceof uk.frontdoor.triage.api.ChildErased) {
                // Erased since: the record is not shown as it stood either, not even beside a linked record.
                return List.of();
            }
            past = past || !(event.getPayload() instanceof ChildEvent) || recorded(event).isAfter(at);
            if (!past) {
                stream.add(event);
            }
        }
        return stream;
    }

    private static Instant recorded(DomainEventMessage<?> event) {
        return RecordTimes.of((ChildEvent) event.getPayload(), event.getTimestamp());
    }

    private static List<ChildId> linksIn(List<DomainEventMessage<?>> stream) {
        return stream.stream().map(DomainEventMessage::getPayload)
                .filter(ChildRecordLinked.class::isInstance).map(ChildRecordLinked.class::cast)
                .map(ChildRecordLinked::linkedChildId).distinct().toList();
    }

    private Parts parts() {
        Parts found = parts;
        if (found == null) {
            synchronized (this) {
                if (parts == null) {
                    parts = Parts.of(context);
                }
                found = parts;
            }
        }
        return found;
    }

    /** The read models' event handlers, and a query bus of this view's own with their query handlers on it. */
    private record Parts(List<AnnotationEventHandlerAdapter> handlers, SimpleQueryBus queries) {

        static Parts of(ApplicationContext context) {
            List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
            SimpleQueryBus queries = SimpleQueryBus.builder().build();
            Set<String> found = new LinkedHashSet<>();
            for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
                ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                        ProcessingGroup.class);
                if (group != null && PROCESSING_GROUPS.contains(group.value())) {
                    handlers.add(new AnnotationEventHandlerAdapter(bean));
                    new AnnotationQueryHandlerAdapter<>(bean).subscribe(queries);
                    found.add(group.value());
                }
            }
            if (!found.equals(PROCESSING_GROUPS)) {
                throw new IllegalStateException("The as-at view needs the read models " + PROCESSING_GROUPS
                        + " and found " + found);
            }
            new AnnotationQueryHandlerAdapter<>(context.getBean(FAMILY_QUERIES)).subscribe(queries);
            return new Parts(List.copyOf(handlers), queries);
        }

        /** Asks this view's own bus, in the calling thread and so in its transaction. */
        <R> R ask(Object query, ResponseType<R> type) {
            return queries.query(new GenericQueryMessage<>(query, type)).join().getPayload();
        }
    }
}
