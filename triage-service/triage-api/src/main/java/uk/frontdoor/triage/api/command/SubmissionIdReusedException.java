package uk.frontdoor.triage.api.command;

import org.axonframework.common.AxonNonTransientException;

/**
 * {@link ReceiveContact} named a submission id its agency had already used for a submission with
 * different content. Nothing was stored; the first contact stands. A correction is a new submission,
 * with a new id. Non-transient, so the command gateway never retries it; the message never quotes
 * the submission.
 */
public class SubmissionIdReusedException extends AxonNonTransientException {

    public SubmissionIdReusedException() {
        super("the submission id was already used for a different submission");
    }
}
