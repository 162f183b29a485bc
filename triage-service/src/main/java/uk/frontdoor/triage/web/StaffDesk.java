package uk.frontdoor.triage.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.query.FindContactSubmission;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.query.FindProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.FindQueueHealth;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.ProposalsAwaitingAuthorisation;
import uk.frontdoor.triage.api.query.QueueHealth;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The pages' only way to the service: commands through Axon's command gateway, queries through its
 * query gateway, exactly the messages the staff API sends. Pages never read a table themselves.
 */
@Component
class StaffDesk {

    /**
     * Read models follow the event store a moment behind. After a command a page waits up to this
     * long for its change to show, so the worker sees what they just did rather than the state
     * before it (and does not submit it twice).
     */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 25;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ActorResolver actors;

    StaffDesk(CommandGateway commands, QueryGateway queries, ActorResolver actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    /**
     * The member of staff signed in. Anyone else is refused as Spring Security refuses them (a 403
     * page); the security rules stop them before this in any case.
     */
    Actor actor(Authentication who) {
        return actors.resolve(who).orElseThrow(() -> new AccessDeniedException("Only staff use the staff pages."));
    }

    Optional<Actor> signedIn(Authentication who) {
        return actors.resolve(who);
    }

    /** Sends a command and waits for its result; a broken rule comes back as {@link TriageRefusedException}. */
    <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    /** The child whose stream holds a contact, from the write side's registry (never behind). */
    ChildId childOf(ContactId contactId) {
        return queries.query(new FindContactRegistration(contactId),
                        ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join()
                .map(ContactRegistration::childId)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_CONTACT));
    }

    Optional<ContactStatusView> status(ContactId contactId) {
        return queries.query(new FindContactStatus(contactId),
                ResponseTypes.optionalInstanceOf(ContactStatusView.class)).join();
    }

    Optional<ContactSubmissionView> submission(ContactId contactId) {
        return queries.query(new FindContactSubmission(contactId),
                ResponseTypes.optionalInstanceOf(ContactSubmissionView.class)).join();
    }

    Optional<ChildChronology> chronology(ChildId childId) {
        return queries.query(new FindChildChronology(childId),
                ResponseTypes.optionalInstanceOf(ChildChronology.class)).join();
    }

    PerformanceReport performance(FindPerformance query) {
        return queries.query(query, ResponseTypes.instanceOf(PerformanceReport.class)).join();
    }

    WaitingContacts waiting(FindWaitingContacts query) {
        return queries.query(query, ResponseTypes.instanceOf(WaitingContacts.class)).join();
    }

    AlertBoard alerts(FindAlerts query) {
        return queries.query(query, ResponseTypes.instanceOf(AlertBoard.class)).join();
    }

    /** Every clock of one contact, whatever its state, earliest due first. */
    List<AlertBoard.Alert> clocks(ContactId contactId) {
        return queries.query(new FindContactClocks(contactId),
                ResponseTypes.multipleInstancesOf(AlertBoard.Alert.class)).join();
    }

    Optional<AlertBoard.Alert> alert(String alertId) {
        return queries.query(new FindAlert(alertId), ResponseTypes.optionalInstanceOf(AlertBoard.Alert.class)).join();
    }

    /** The board's live feed: the open alerts now, then each change to one as it happens. */
    SubscriptionQueryResult<AlertBoard, AlertBoard.Change> watchAlerts(FindAlerts query) {
        return queries.subscriptionQuery(query, ResponseTypes.instanceOf(AlertBoard.class),
                ResponseTypes.instanceOf(AlertBoard.Change.class));
    }

    QueueHealth queueHealth(Instant asOf) {
        return queries.query(new FindQueueHealth(asOf), ResponseTypes.instanceOf(QueueHealth.class)).join();
    }

    ProposalsAwaitingAuthorisation proposals(int limit) {
        return queries.query(new FindProposalsAwaitingAuthorisation(limit),
                ResponseTypes.instanceOf(ProposalsAwaitingAuthorisation.class)).join();
    }

    /**
     * Waits, at most {@link #READ_YOUR_WRITES}, until the contact's read model shows a change just
     * made. A bounded poll of the query gateway: the read model has no other way to say "I have
     * caught up", and a slow read model must not hold a request for long.
     *
     * @return whether the change showed in time
     */
    boolean awaitVisible(ContactId contactId, Predicate<ContactStatusView> visible) {
        return awaitVisible(() -> status(contactId).filter(visible).isPresent());
    }

    /** As {@link #awaitVisible(ContactId, Predicate)}, for any read model: waits until {@code visible} holds. */
    boolean awaitVisible(BooleanSupplier visible) {
        // A timeout, not a domain time: System.nanoTime is right here, the injected Clock is for the domain.
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        while (true) {
            if (visible.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
