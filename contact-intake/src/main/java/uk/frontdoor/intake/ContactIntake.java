package uk.frontdoor.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import uk.frontdoor.intake.submission.SubmissionReader;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.command.ReceiveContact;

/** The one path every submission takes, whether it came over HTTP or Kafka. */
@Service
public class ContactIntake {

    private final SubmissionReader reader;
    private final CommandGateway commands;
    private final IntakeMetrics metrics;

    public ContactIntake(SubmissionReader reader, CommandGateway commands, IntakeMetrics metrics) {
        this.reader = reader;
        this.commands = commands;
        this.metrics = metrics;
    }

    /**
     * Parses, validates and stores one submission. Returns once the contact is committed to its
     * child's stream, so a caller may acknowledge (HTTP 202, Kafka offset) only after that.
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
        ContactSubmission submission;
        try {
            submission = reader.read(body);
        } catch (SubmissionRejectedException rejected) {
            metrics.rejected(channel, rejected.reason().name());
            throw rejected;
        }
        ContactAccepted accepted = commands.sendAndWait(new ReceiveContact(agency, channel, submission, loggedBy));
        if (!accepted.alreadyReceived()) {
            metrics.received(channel, submission.referralSource());
        }
        return accepted;
    }
}
