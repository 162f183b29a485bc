package uk.frontdoor.triage.api.command;

import org.axonframework.common.AxonNonTransientException;

/**
 * {@link ReceiveContact}'s submission says it corrects a submission id its agency never sent. Nothing was
 * stored. Non-transient, so the command gateway never retries it; the message never quotes the submission.
 */
public class UnknownCorrectedSubmissionException extends AxonNonTransientException {

    public UnknownCorrectedSubmissionException() {
        super("the submission corrects a submission id its agency never sent");
    }
}
