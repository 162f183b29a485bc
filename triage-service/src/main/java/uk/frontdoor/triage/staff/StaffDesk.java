package uk.frontdoor.triage.staff;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.api.query.FindChildren;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAllocatedWork;
import uk.frontdoor.triage.api.query.FindAllocations;
import uk.frontdoor.triage.api.query.WorkAllocation;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindOutOfHoursQueue;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.query.FindContactSubmission;
import uk.frontdoor.triage.api.query.FindPartnerRequest;
import uk.frontdoor.triage.api.query.FindPartnerRequests;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.query.FindProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.FindQueueHealth;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.ProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.QueueHealth;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The staff screens' only way to the service: commands through Axon's command gateway, queries through
 * its query gateway, exactly the messages the staff API sends. Pages never read a table themselves.
 */
@Component
public class StaffDesk {

    /**
     * Read models follow the event store a moment behind. After a command a page waits up to this
     * long for its change to show, so the worker sees what they just did rather than the state
     * before it (and does not submit it twice).
     */
    public static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ActorResolver actors;

    public StaffDesk(CommandGateway commands, QueryGateway queries, ActorResolver actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    /**
     * The member of staff signed in. Anyone else is refused as Spring Security refuses them (a 403
     * page); the security rules stop them before this in any case.
     */
    public Actor actor(Authentication who) {
        return actors.resolve(who).orElseThrow(() -> new AccessDeniedException("Only staff use the staff pages."));
    }

    public Optional<Actor> signedIn(Authentication who) {
        return actors.resolve(who);
    }

    /** The referring organisation a member of partner staff belongs to, if they belong to one (see ActorResolver). */
    public Optional<String> referringAgency(Authentication who) {
        return actors.referringAgency(who);
    }

    /** Sends a command and waits for its result; a broken rule comes back as {@link TriageRefusedException}. */
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    /**
     * The child whose stream holds a contact, from the write side's registry (never behind); an unknown
     * contact is refused as {@link Refusal#UNKNOWN_CONTACT}. The pages and the staff API both ask here.
     */
    public ChildId childOf(ContactId contactId) {
        return queries.query(new FindContactRegistration(contactId),
                        ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join()
                .map(ContactRegistration::childId)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_CONTACT));
    }

    public Optional<ContactStatusView> status(ContactId contactId) {
        return queries.query(new FindContactStatus(contactId),
                ResponseTypes.optionalInstanceOf(ContactStatusView.class)).join();
    }

    public Optional<ContactSubmissionView> submission(ContactId contactId) {
        return queries.query(new FindContactSubmission(contactId),
                ResponseTypes.optionalInstanceOf(ContactSubmissionView.class)).join();
    }

    public Optional<ChildChronology> chronology(ChildId childId) {
        return queries.query(new FindChildChronology(childId),
                ResponseTypes.optionalInstanceOf(ChildChronology.class)).join();
    }

    /** The known children some details could be, best first (the caller records each one shown as viewed). */
    public ChildSearchResults search(FindChildren query) {
        return queries.query(query, ResponseTypes.instanceOf(ChildSearchResults.class)).join();
    }

    public PerformanceReport performance(FindPerformance query) {
        return queries.query(query, ResponseTypes.instanceOf(PerformanceReport.class)).join();
    }

    public WaitingContacts waiting(FindWaitingContacts query) {
        return queries.query(query, ResponseTypes.instanceOf(WaitingContacts.class)).join();
    }

    /** The partner checks sent to one agency and still open, most urgent first. */
    public PartnerRequests partnerRequests(String agency) {
        return queries.query(new FindPartnerRequests(agency), ResponseTypes.instanceOf(PartnerRequests.class)).join();
    }

    /** The partner checks this agency was sent that are answered or fell away, most recently asked first. */
    public uk.frontdoor.triage.api.query.PartnerRequestHistory partnerRequestHistory(String agency) {
        return queries.query(new uk.frontdoor.triage.api.query.FindPartnerRequestHistory(agency),
                ResponseTypes.instanceOf(uk.frontdoor.triage.api.query.PartnerRequestHistory.class)).join();
    }

    /** One partner check sent to this agency; empty for one sent to another. */
    public Optional<PartnerRequests.Request> partnerRequest(String requestId, String agency) {
        return queries.query(new FindPartnerRequest(requestId, agency),
                ResponseTypes.optionalInstanceOf(PartnerRequests.Request.class)).join();
    }

    public AlertBoard alerts(FindAlerts query) {
        return queries.query(query, ResponseTypes.instanceOf(AlertBoard.class)).join();
    }

    /** Every clock of one contact, whatever its state, earliest due first. */
    public List<AlertBoard.Alert> clocks(ContactId contactId) {
        return queries.query(new FindContactClocks(contactId),
                ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class)).join();
    }

    /** The emergency duty team's queue: contacts with it and not yet handed back, soonest due first. */
    public List<AlertBoard.Alert> outOfHoursQueue() {
        return queries.query(new FindOutOfHoursQueue(), ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class))
                .join();
    }

    public Optional<AlertBoard.Alert> alert(String alertId) {
        return queries.query(new FindAlert(alertId), ResponseTypes.optionalInstanceOf(AlertBoard.Alert.class)).join();
    }

    /** The board's live feed: the open alerts now, then each change to one as it happens. */
    public SubscriptionQueryResult<AlertBoard, AlertBoard.Change> watchAlerts(FindAlerts query) {
        return queries.subscriptionQuery(query, ResponseTypes.instanceOf(AlertBoard.class),
                ResponseTypes.instanceOf(AlertBoard.Change.class));
    }

    /** The work on a contact allocated now, the contact itself first. */
    public List<WorkAllocation> allocations(ContactId contactId) {
        return queries.query(new FindAllocations(contactId), ResponseTypes.multipleInstancesOf(WorkAllocation.class))
                .join();
    }

    /** The work allocated now to one worker, most recent first. */
    public List<WorkAllocation> allocatedTo(String worker, int limit) {
        return queries.query(new FindAllocatedWork(worker, limit),
                ResponseTypes.multipleInstancesOf(WorkAllocation.class)).join();
    }

    public QueueHealth queueHealth(Instant asOf) {
        return queries.query(new FindQueueHealth(asOf), ResponseTypes.instanceOf(QueueHealth.class)).join();
    }

    public ProposalsAwaitingAuthorisation proposals(int limit) {
        return queries.query(new FindProposalsAwaitingAuthorisation(limit),
                ResponseTypes.instanceOf(ProposalsAwaitingAuthorisation.class)).join();
    }

    // ----- read your writes -----

    /** Starts waiting, at most {@link #READ_YOUR_WRITES} in all, for one or more read models to show a change. */
    public Wait awaiting() {
        return new Wait(System.nanoTime() + READ_YOUR_WRITES.toNanos());
    }

    /** As {@code awaiting().contact(contactId, visible)}: the contact's own read model shows the change. */
    public boolean awaitVisible(ContactId contactId, Predicate<ContactStatusView> visible) {
        return awaiting().contact(contactId, visible);
    }

    /**
     * Waiting for read models to show a change just made, each by a subscription query: the read model's
     * answer now, then each update its projection emits, until one shows the change or the time is up.
     * A slow read model must not hold a request for long; a timeout is not an error, and the page says
     * the change may take a few seconds to show.
     */
    public final class Wait {

        // A timeout, not a domain time: System.nanoTime is right here, the injected Clock is for the domain.
        private final long deadline;

        private Wait(long deadline) {
            this.deadline = deadline;
        }

        /** The contact's status and work ({@link FindContactStatus}) show the change. */
        public boolean contact(ContactId contactId, Predicate<ContactStatusView> visible) {
            return until(new FindContactStatus(contactId), ResponseTypes.optionalInstanceOf(ContactStatusView.class),
                    Function.identity(), ResponseTypes.instanceOf(ContactStatusView.class), visible);
        }

        /** One alert ({@link FindAlert}) shows the change. */
        public boolean alert(String alertId, Predicate<AlertBoard.Alert> visible) {
            return until(new FindAlert(alertId), ResponseTypes.optionalInstanceOf(AlertBoard.Alert.class),
                    Function.identity(), ResponseTypes.instanceOf(AlertBoard.Alert.class), visible);
        }

        /** A contact's clocks ({@link FindContactClocks}) show the change. */
        public boolean clocks(ContactId contactId, Predicate<List<AlertBoard.Alert>> visible) {
            return until(new FindContactClocks(contactId), ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class),
                    Optional::of, ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class), visible);
        }

        /** A contact's allocations ({@link FindAllocations}) show the change. */
        public boolean allocations(ContactId contactId, Predicate<List<WorkAllocation>> visible) {
            return until(new FindAllocations(contactId), ResponseTypes.multipleInstancesOf(WorkAllocation.class),
                    Optional::of, ResponseTypes.multipleInstancesOf(WorkAllocation.class), visible);
        }

        /** A child's chronology ({@link FindChildChronology}) shows the change. */
        public boolean chronology(ChildId childId, Predicate<ChildChronology> visible) {
            return until(new FindChildChronology(childId), ResponseTypes.optionalInstanceOf(ChildChronology.class),
                    Function.identity(), ResponseTypes.instanceOf(ChildChronology.class), visible);
        }

        /**
         * @param read how the query's initial answer reads as the read model's content (empty: not there yet)
         */
        private <I, R> boolean until(Object query, ResponseType<I> initial, Function<I, Optional<R>> read,
                                     ResponseType<R> update, Predicate<R> visible) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return shownNow(query, initial, read, visible);
            }
            SubscriptionQueryResult<I, R> watch = queries.subscriptionQuery(query, initial, update);
            try {
                // The update handler is registered before the initial query runs, and updates are buffered
                // meanwhile, so a change applied between the two is seen one way or the other.
                Boolean shown = watch.initialResult()
                        .flatMap(now -> read.apply(now).filter(visible).isPresent() ? Mono.just(true)
                                : watch.updates().filter(visible).next().map(seen -> true))
                        .timeout(Duration.ofNanos(left), Mono.just(false))
                        .block();
                // Asked once more at the deadline: the update may have been emitted where this node does not
                // hear it (the projection's segment handled by another node).
                return Boolean.TRUE.equals(shown) || shownNow(query, initial, read, visible);
            } finally {
                watch.cancel();
            }
        }

        private <I, R> boolean shownNow(Object query, ResponseType<I> initial, Function<I, Optional<R>> read,
                                        Predicate<R> visible) {
            return read.apply(queries.query(query, initial).join()).filter(visible).isPresent();
        }
    }
}
