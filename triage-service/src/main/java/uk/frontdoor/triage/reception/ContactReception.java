package uk.frontdoor.triage.reception;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.identity.matching.ChildIdentification;
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
import uk.frontdoor.triage.api.command.RecordFirstContact;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.command.SubmissionIdReusedException;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The single front door: every partner submission, whichever way it came in, is received here.
 * Decides which child's stream a contact joins and makes sure a resubmission never creates a
 * second contact, all inside the command's transaction: the command that appends the contact to
 * its child's stream is sent from within this handler, so it runs in a unit of work nested in this
 * one, on this thread and in the same transaction as the registry's rows.
 */
@Component
class ContactReception {

    private static final Pattern CHILD_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ContactRegistry registry;
    private final ChildIdentification identification;
    private final CommandGateway children;
    private final Clock clock;

    /** Nested commands are sent without the gateway's retries, which would run them on another thread. */
    ContactReception(ContactRegistry registry, ChildIdentification identification, CommandBus commandBus,
                     Clock clock) {
        this.registry = registry;
        this.identification = identification;
        this.children = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.clock = clock;
    }

    @CommandHandler
    ContactAccepted handle(ReceiveContact command) {
        var submissionId = command.submission().submissionId();
        ContactId contactId = ContactId.random();
        Instant receivedAt = clock.instant();
        byte[] contentHash = SubmissionFingerprint.of(command.submission());
        // Claimed first, looked up only if taken: one statement for a new submission instead of two.
        if (!registry.claimSubmission(contactId, command.agency(), submissionId, contentHash, receivedAt)) {
            // Sent before (or a concurrent delivery of it won the race and has committed).
            ContactRegistry.Registered first = registry.findBySubmission(command.agency(), submissionId).orElseThrow();
            // A row from before hashes were kept cannot tell a repeat from a change: taken as a repeat, as then.
            if (first.contentHash() != null && !MessageDigest.isEqual(first.contentHash(), contentHash)) {
                throw new SubmissionIdReusedException();
            }
            return new ContactAccepted(first.contactId(), true);
        }
        ContactSubmission.Child about = command.submission().child();
        IdentityFacts facts = SubmissionIdentity.of(about, command.submission().household());
        Optional<ChildId> knownByNhsNumber = about.nhsNumber() == null ? Optional.empty()
                : registry.childByNhsNumber(about.nhsNumber());
        IdentityMatch identity;
        ChildId childId;
        boolean newChild = false;
        if (knownByNhsNumber.isPresent()) {
            identity = IdentityMatch.possible(List.of());
            childId = knownByNhsNumber.get();
        } else {
            // Most contacts (police ones above all) carry no NHS number: the child is recognised by name,
            // date of birth, address and family, joined only when the match is confident.
            identity = identification.match(facts);
            boolean confident = identity.outcome() == IdentityMatch.Outcome.CONFIDENT;
            ChildId chosen = confident ? identity.candidates().get(0).childId() : ChildId.random();
            childId = about.nhsNumber() == null ? chosen : registry.claimNhsNumber(about.nhsNumber(), chosen);
            newChild = !confident && childId.equals(chosen);
        }
        identification.remember(childId, facts, receivedAt);
        registry.assignChild(contactId, childId);

        var contact = new RecordContact(childId, contactId, command.agency(), command.channel(), receivedAt,
                command.submission(), identity, command.loggedBy());
        children.sendAndWait(newChild ? new RecordFirstContact(contact) : contact);
        return new ContactAccepted(contactId, false);
    }

    /**
     * Many contacts in one unit of work and one transaction: each nested command queues its events on
     * this root unit of work, so they reach the event store in one batched insert at commit, and a child
     * with two contacts here is loaded once and has both appended in order. Any failure rolls all back;
     * the caller then receives them one at a time to find the one at fault.
     */
    @CommandHandler
    List<ContactAccepted> handle(ReceiveContacts batch) {
        List<ContactAccepted> accepted = new ArrayList<>(batch.contacts().size());
        for (ReceiveContact contact : batch.contacts()) {
            accepted.add(handle(contact));
        }
        return accepted;
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
        registry.claimSubmission(contactId, AgencyCode.of(command.actor().agency()), "step-up-" + contactId,
                null, receivedAt);
        registry.assignChild(contactId, command.childId());
        children.sendAndWait(new RecordStepUp(command.childId(), contactId, receivedAt, command));
        return new ContactAccepted(contactId, false);
    }

    @QueryHandler
    Optional<ContactRegistration> handle(FindContactRegistration query) {
        return registry.find(query.contactId());
    }
}
