package uk.frontdoor.intake;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionReader;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.command.ReceiveContacts;
import uk.frontdoor.triage.api.command.SubmissionIdReusedException;
import uk.frontdoor.triage.api.command.UnknownCorrectedSubmissionException;

import java.util.List;
import java.util.Set;

/** The one path every submission takes, whether it came over HTTP or Kafka. */
@Service
public class ContactIntake implements DisposableBean {

    private final SubmissionReader reader;
    private final PartnerAgencies agencies;
    private final CommandGateway commands;
    private final CommandGateway batches;
    private final IntakeMetrics metrics;
    private final GroupCommit requests;

    public ContactIntake(SubmissionReader reader, PartnerAgencies agencies, CommandGateway commands,
                         CommandBus commandBus, IntakeMetrics metrics, IntakeProperties properties) {
        this.reader = reader;
        this.agencies = agencies;
        this.commands = commands;
        // A failed batch is not retried whole (on the gateway's one retry thread, after a pause): its
        // callers store its contacts one at a time instead, each with the gateway's retries.
        this.batches = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.metrics = metrics;
        this.requests = properties.groupCommit().maxContacts() > 1
                ? new GroupCommit(this::storeAll, this::store, properties.groupCommit().committers(),
                properties.groupCommit().maxContacts(), metrics.groupObserver())
                : null;
        if (requests != null) {
            metrics.waitingForCommit(requests::waiting);
        }
    }

    /**
     * Parses, validates and stores one submission. Returns once the contact is committed to its
     * child's stream, so a caller may acknowledge (HTTP 202) only after that. Concurrent callers' contacts
     * are committed together ({@link GroupCommit}, {@code frontdoor.intake.group-commit.*}).
     *
     * @throws SubmissionRejectedException when the submission is not acceptable; nothing is stored
     */
    public ContactAccepted accept(AgencyCode agency, Channel channel, byte[] body) {
        return accept(agency, channel, body, null);
    }

    /** A contact a member of staff logged (one phoned in): recorded under their agency, with their name. */
    public ContactAccepted accept(Actor staff, byte[] body) {
        return accept(AgencyCode.of(staff.agency()), Channel.STAFF, body, staff);
    }

    private ContactAccepted accept(AgencyCode agency, Channel channel, byte[] body, Actor loggedBy) {
        ContactSubmission submission = loggedBy == null ? read(agency, channel, body) : read(channel, body);
        var contact = new ReceiveContact(agency, channel, submission, loggedBy);
        try {
            return requests == null ? store(contact) : requests.store(contact);
        } catch (RuntimeException failed) {
            // However it surfaced (a transaction that could not start, a connection cut at commit), the caller is
            // told the database is out of reach: 503 with Retry-After over HTTP, never a 500.
            if (DatabaseUnreachable.causedBy(failed) && !(failed instanceof DataAccessResourceFailureException)) {
                throw new DataAccessResourceFailureException("The database cannot be reached", failed);
            }
            throw failed;
        }
    }

    /**
     * Parses and validates a submission without storing it, from any sender (staff choose the source).
     *
     * @throws SubmissionRejectedException when the submission is not acceptable (and counts the refusal)
     */
    public ContactSubmission read(Channel channel, byte[] body) {
        return read(channel, body, Set.of());
    }

    /**
     * Parses and validates a partner agency's submission without storing it: its referral source must be one
     * the agency may use ({@code frontdoor.partners.agencies[n].kind} or {@code .referral-sources}).
     *
     * @throws SubmissionRejectedException when the submission is not acceptable (and counts the refusal)
     */
    public ContactSubmission read(AgencyCode partner, Channel channel, byte[] body) {
        return read(channel, body, agencies.referralSourcesOf(partner));
    }

    private ContactSubmission read(Channel channel, byte[] body, Set<String> allowedReferralSources) {
        try {
            return reader.read(body, allowedReferralSources);
        } catch (SubmissionRejectedException rejected) {
            metrics.rejected(channel, rejected.reason().name());
            throw rejected;
        }
    }

    /**
     * Stores one read submission; returns once it is committed.
     *
     * @throws SubmissionRejectedException ({@link uk.frontdoor.intake.submission.RejectionReason#SUBMISSION_ID_REUSED})
     *                                     when the agency used its submission id before for different content
     */
    public ContactAccepted store(ReceiveContact contact) {
        ContactAccepted accepted;
        try {
            accepted = commands.sendAndWait(contact);
        } catch (RuntimeException failed) {
            if (reusedId(failed)) {
                metrics.rejected(contact.channel(), RejectionReason.SUBMISSION_ID_REUSED.name());
                throw SubmissionRejectedException.submissionIdReused();
            }
            if (caused(failed, UnknownCorrectedSubmissionException.class)) {
                metrics.rejected(contact.channel(), RejectionReason.INVALID_SUBMISSION.name());
                throw SubmissionRejectedException.unknownCorrectedSubmission();
            }
            throw failed;
        }
        counted(contact, accepted);
        return accepted;
    }

    private static boolean reusedId(Throwable failure) {
        return caused(failure, SubmissionIdReusedException.class);
    }

    private static boolean caused(Throwable failure, Class<? extends Throwable> cause) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (cause.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores read submissions in one transaction, in order: all of them or, if any fails, none (the
     * exception is thrown and the caller may {@link #store} them one by one). Returns once committed.
     */
    public List<ContactAccepted> storeAll(List<ReceiveContact> contacts) {
        List<ContactAccepted> accepted = batches.sendAndWait(new ReceiveContacts(contacts));
        for (int i = 0; i < contacts.size(); i++) {
            counted(contacts.get(i), accepted.get(i));
        }
        return accepted;
    }

    @Override
    public void destroy() throws InterruptedException {
        if (requests != null) {
            requests.close();
        }
    }

    private void counted(ReceiveContact contact, ContactAccepted accepted) {
        if (!accepted.alreadyReceived()) {
            metrics.received(contact.channel(), contact.submission().referralSource());
        }
    }
}
