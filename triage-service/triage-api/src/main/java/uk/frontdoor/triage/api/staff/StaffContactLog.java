package uk.frontdoor.triage.api.staff;

import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.Actor;

/**
 * The front door's intake, as the staff pages reach it: a contact phoned or e-mailed in, logged by a
 * member of staff. The intake edge (contact-intake) implements it with the one path every submission
 * takes, whether a partner's system sent it over HTTP or Kafka or a member of staff sent it to
 * {@code POST /api/v1/contacts}: the same reader of the published JSON Schema, the same rules and words
 * for every problem, the same command. The page that builds the submission from a form (triage-service)
 * therefore needs no dependency on the edge, which may not depend on the triage service either.
 */
public interface StaffContactLog {

    /**
     * Reads, validates and stores a version-1 submission (JSON) logged by {@code staff}: recorded under
     * their agency, on the STAFF channel, with their name. Returns once the contact is in its child's record.
     *
     * @throws SubmissionRefusedException when the submission is not acceptable, with every problem; nothing is stored
     */
    ContactAccepted log(Actor staff, byte[] submission);
}
