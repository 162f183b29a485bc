package uk.frontdoor.triage.reception;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.StoreCheckedCache;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.identity.matching.ChildIdentification;
import uk.frontdoor.triage.identity.matching.IdentificationBatch;
import uk.frontdoor.triage.identity.matching.MatchingLockKeys;
import uk.frontdoor.triage.identity.matching.SubmissionIdentity;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.command.ReceiveContacts;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.command.SubmissionIdReusedException;
import uk.frontdoor.triage.api.command.UnknownCorrectedSubmissionException;
import uk.frontdoor.triage.child.Child;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The single front door: every partner submission, whichever way it came in, is received here.
 * Decides which child's stream a contact joins and makes sure a resubmission never creates a
 * second contact, all inside the command's transaction: the contact's command to its child is handled
 * by the child within this handler's unit of work ({@link ChildCommandsInPlace}), on this thread and in
 * the same transaction as the registry's rows.
 */
@Component
class ContactReception {

    private static final Pattern CHILD_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ContactRegistry registry;
    private final ChildIdentification identification;
    private final CommandGateway children;
    private final ChildCommandsInPlace inPlace;
    private final PersonalDataKeys keys;
    private final StoreCheckedCache childrenHeld;
    private final Clock clock;
    private final Counter searchesAhead;
    private final Counter searchesAgain;
    private final Counter searchedAgain;

    /** Nested commands (a step-up's) are sent without the gateway's retries, which would run them on another thread. */
    ContactReception(ContactRegistry registry, ChildIdentification identification, CommandBus commandBus,
                     PersonalDataKeys keys, StoreCheckedCache childrenHeld, Clock clock, MeterRegistry meters,
                     ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.registry = registry;
        this.identification = identification;
        this.children = DefaultCommandGateway.builder().commandBus(commandBus).build();
        // Resolved when first used: Axon's configuration is built after its handlers.
        this.inPlace = new ChildCommandsInPlace(SingletonSupplier.of(() -> axon.getObject().repository(Child.class)),
                SingletonSupplier.of(() -> axon.getObject().correlationDataProviders()));
        this.keys = keys;
        this.childrenHeld = childrenHeld;
        this.clock = clock;
        String searches = "frontdoor.matching.searches";
        String description = "Statements searching for the children a batch of contacts might be";
        this.searchesAhead = Counter.builder(searches).tag("search", "ahead").description(description).register(meters);
        this.searchesAgain = Counter.builder(searches).tag("search", "again").description(description).register(meters);
        this.searchedAgain = Counter.builder("frontdoor.matching.searched.again")
                .description("Contacts matched on a search made after their batch's first").register(meters);
    }

    @CommandHandler
    ContactAccepted handle(ReceiveContact command) {
        return receiveAll(List.of(command)).get(0);
    }

    /**
     * Many contacts in one unit of work and one transaction: each contact's events are queued on this
     * unit of work, so they reach the event store in one batched insert at commit, and a child with two
     * contacts here is loaded once and has both appended in order. Any failure rolls all back (events,
     * deadlines, registry rows); the caller then receives them one at a time to find the one at fault.
     */
    @CommandHandler
    List<ContactAccepted> handle(ReceiveContacts batch) {
        return receiveAll(batch.contacts());
    }

    /**
     * Every submission is claimed in one statement and every contact's child recorded in another, instead
     * of two statements a contact; NHS numbers are looked up, and children searched for, all at once. The
     * rest is done contact by contact, in order, and each contact's match is the one it would get alone,
     * after the ones before it were recorded ({@link IdentificationBatch}).
     */
    private List<ContactAccepted> receiveAll(List<ReceiveContact> contacts) {
        List<IdentityFacts> facts = contacts.stream().map(contact -> SubmissionIdentity.of(
                contact.submission().child(), contact.submission().household())).toList();
        // Locked first, before anything is read: what matching could join (MatchingLockKeys), or everything.
        List<String[]> soundKeys = null;
        if (registry.locksKeys()) {
            soundKeys = identification.soundKeys(facts);
            registry.receiveWith(MatchingLockKeys.of(facts, soundKeys));
        } else {
            registry.receiveAlone();
        }
        List<ContactRegistry.Claim> claims = new ArrayList<>(contacts.size());
        for (ReceiveContact contact : contacts) {
            claims.add(new ContactRegistry.Claim(ContactId.random(), contact.agency(),
                    contact.submission().submissionId(), SubmissionFingerprint.of(contact.submission()),
                    clock.instant()));
        }
        // Claimed first, looked up only if taken: one statement for new submissions instead of two.
        Set<ContactId> claimed = registry.claimSubmissions(claims);
        // Every NHS number of the batch looked up at once; kept up to date as contacts claim numbers, so each
        // contact sees the ones before it, as a look-up of its own would (nobody else claims one meanwhile: a
        // number is one of the keys locked).
        Map<String, ChildId> byNhsNumber = registry.childrenByNhsNumber(contacts.stream()
                .map(contact -> contact.submission().child().nhsNumber()).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<Boolean> searchAhead = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            String nhsNumber = contacts.get(i).submission().child().nhsNumber();
            searchAhead.add(claimed.contains(claims.get(i).contactId())
                    && (nhsNumber == null || !byNhsNumber.containsKey(nhsNumber)));
        }
        // Children are decided for every contact first, in order, and recorded after: a decision reads only what
        // matching has found and remembered and the registry's rows, never a child's stream (and the linked
        // history's rows, which matching reads too, are written from the events only as the transaction commits),
        // so it is the one it was when each contact was recorded straight after its own decision; each child's
        // contacts are recorded in their order still.
        IdentificationBatch matching = identification.batch(facts, searchAhead, found -> { }, soundKeys);
        Map<String, ChildId> nhsClaims = new LinkedHashMap<>();
        Map<ContactId, ChildId> childOf = new LinkedHashMap<>();
        List<ContactAccepted> accepted = new ArrayList<>(contacts.size());
        List<Decided> decided = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            ContactRegistry.Claim claim = claims.get(i);
            if (!claimed.contains(claim.contactId())) {
                // Sent before, earlier in this batch, or by a concurrent delivery that won the race and has committed.
                ContactRegistry.Registered first =
                        registry.findBySubmission(claim.agency(), claim.submissionId()).orElseThrow();
                // A row from before hashes were kept cannot tell a repeat from a change: taken as a repeat, as then.
                // A reused id fails the batch, whose contacts are then received one at a time (this one refused).
                if (first.contentHash() != null && !MessageDigest.isEqual(first.contentHash(), claim.contentHash())) {
                    throw new SubmissionIdReusedException();
                }
                accepted.add(new ContactAccepted(first.contactId(), true));
                continue;
            }
            Decided decision = decide(contacts.get(i), claim, byNhsNumber, nhsClaims, matching, i);
            decided.add(decision);
            childOf.put(claim.contactId(), decision.childId());
            accepted.add(new ContactAccepted(claim.contactId(), false));
        }
        // The children held in memory from earlier commands that this batch joins (and no other child a search
        // found), checked against the store at once: their loads then need no look-up of their own.
        childrenHeld.checkAll(joined(decided));
        for (Decided decision : decided) {
            record(decision);
        }
        matching.writePending();
        if (searchAhead.contains(true)) {
            searchesAhead.increment();
        }
        searchesAgain.increment(matching.searchesAgain());
        searchedAgain.increment(matching.searchedAgain());
        registry.claimNhsNumbers(nhsClaims);
        registry.assignChildren(childOf);
        return accepted;
    }

    /** A contact's decision: which child's stream it joins, and on what match, to be recorded there in turn. */
    record Decided(ReceiveContact command, ContactId contactId, Instant receivedAt, ChildId childId,
                   IdentityMatch identity, boolean newChild) {
    }

    /**
     * Every child known before the batch that one of its decisions joins: the children its loads may take from the
     * cache (one started by an earlier contact of the batch is the unit of work's own, never a held copy).
     */
    static Set<String> joined(List<Decided> decided) {
        Set<String> joined = new HashSet<>();
        Set<String> started = new HashSet<>();
        for (Decided decision : decided) {
            if (decision.newChild()) {
                started.add(decision.childId().value());
            } else {
                joined.add(decision.childId().value());
            }
        }
        joined.removeAll(started);
        return joined;
    }

    /** Decides which child's stream the contact joins, and remembers it for the contacts after it. */
    private Decided decide(ReceiveContact command, ContactRegistry.Claim claim, Map<String, ChildId> byNhsNumber,
                           Map<String, ChildId> claims, IdentificationBatch matching, int index) {
        ContactSubmission.Child about = command.submission().child();
        Optional<ChildId> knownByNhsNumber = about.nhsNumber() == null ? Optional.empty()
                : Optional.ofNullable(byNhsNumber.get(about.nhsNumber()));
        IdentityMatch identity;
        ChildId childId;
        boolean newChild = false;
        if (knownByNhsNumber.isPresent()) {
            identity = IdentityMatch.possible(List.of());
            childId = knownByNhsNumber.get();
        } else {
            // Most contacts (police ones above all) carry no NHS number: the child is recognised by name,
            // date of birth, address and family, joined only when the match is confident.
            identity = matching.match(index);
            boolean confident = identity.outcome() == IdentityMatch.Outcome.CONFIDENT;
            ChildId chosen = confident ? identity.candidates().get(0).childId() : ChildId.random();
            childId = chosen;
            if (about.nhsNumber() != null) {
                // Not known before this contact, and nobody else can claim it meanwhile (its key is locked):
                // claimed for this child, written with the batch's other claims.
                byNhsNumber.put(about.nhsNumber(), childId);
                claims.put(about.nhsNumber(), childId);
            }
            newChild = !confident;
        }
        matching.remember(index, childId, claim.receivedAt());
        return new Decided(command, claim.contactId(), claim.receivedAt(), childId, identity, newChild);
    }

    /** Appends the decided contact to its child's stream (a new child's started), in this unit of work. */
    private void record(Decided decided) {
        ReceiveContact command = decided.command();
        var contact = new RecordContact(decided.childId(), decided.contactId(), command.agency(), command.channel(),
                decided.receivedAt(), command.submission(), decided.identity(), command.loggedBy(), corrected(command));
        if (decided.newChild()) {
            // Its key is stored with the batch's other new children's, in one statement at commit.
            keys.newChild(decided.childId().value());
        }
        try {
            inPlace.record(contact, decided.newChild());
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception failed) {
            // As the gateway told a checked exception of a command sent from here.
            throw new CommandExecutionException("An exception occurred while executing a command", failed);
        }
    }

    /**
     * The contact a correction corrects: the agency's earlier submission its {@code corrects} names (earlier in this
     * batch too: its row is already claimed in this transaction).
     *
     * @throws UnknownCorrectedSubmissionException when the agency sent no submission with that id
     */
    private ContactId corrected(ReceiveContact command) {
        String corrects = command.submission().corrects();
        if (corrects == null) {
            return null;
        }
        return registry.findBySubmission(command.agency(), corrects).map(ContactRegistry.Registered::contactId)
                .orElseThrow(UnknownCorrectedSubmissionException::new);
    }

    /** A step-up contact is registered like a partner's, under the early-help worker's agency. */
    @CommandHandler
    ContactAccepted handle(StepUpFromEarlyHelp command) {
        // Child ids are UUIDs this service made: anything else names no record, and is refused before anything
        // is written (a longer one did not fit the registry and was a 500: found by the staff API fuzz test).
        if (!CHILD_ID.matcher(command.childId().value()).matches()) {
            throw new AggregateNotFoundException(command.childId().value(), "No such child record");
        }
        ContactId contactId = ContactId.random();
        Instant receivedAt = clock.instant();
        registry.claimSubmissions(List.of(new ContactRegistry.Claim(contactId, AgencyCode.of(command.actor().agency()),
                "step-up-" + contactId, null, receivedAt)));
        registry.assignChildren(Map.of(contactId, command.childId()));
        children.sendAndWait(new RecordStepUp(command.childId(), contactId, receivedAt, command));
        return new ContactAccepted(contactId, false);
    }

    @QueryHandler
    Optional<ContactRegistration> handle(FindContactRegistration query) {
        return registry.find(query.contactId());
    }
}
