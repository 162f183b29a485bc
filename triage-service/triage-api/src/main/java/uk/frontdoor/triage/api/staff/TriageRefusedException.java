package uk.frontdoor.triage.api.staff;

import org.axonframework.common.AxonNonTransientException;

/**
 * A staff command broke a rule. Non-transient, so the command gateway never retries it. The
 * message is written by the code, never from what was submitted: it may reach logs and clients.
 */
public class TriageRefusedException extends AxonNonTransientException {

    private final Refusal refusal;

    public TriageRefusedException(Refusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    public TriageRefusedException(Refusal refusal) {
        this(refusal, refusal.title() + ".");
    }

    public Refusal refusal() {
        return refusal;
    }
}
