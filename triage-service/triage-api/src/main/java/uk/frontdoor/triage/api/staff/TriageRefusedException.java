package uk.frontdoor.triage.api.staff;

import org.axonframework.common.AxonNonTransientException;

/**
 * A staff command broke a rule. Non-transient, so the command gateway never retries it. The
 * message is written by the code, never from what was submitted: it may reach logs and clients.
 */
public class TriageRefusedException extends AxonNonTransientException {

    private final Refusal refusal;
    private final String field;

    public TriageRefusedException(Refusal refusal, String detail) {
        this(refusal, null, detail);
    }

    /** @param field the request's field at fault, by the name the staff API's body gives it */
    public TriageRefusedException(Refusal refusal, String field, String detail) {
        super(detail);
        this.refusal = refusal;
        this.field = field;
    }

    /** The request's field at fault, where the rule is about one; null otherwise. */
    public String field() {
        return field;
    }

    public TriageRefusedException(Refusal refusal) {
        this(refusal, refusal.title() + ".");
    }

    public Refusal refusal() {
        return refusal;
    }
}
