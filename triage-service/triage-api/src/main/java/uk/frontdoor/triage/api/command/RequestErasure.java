package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.regex.Pattern;

/**
 * A manager records the decision to erase a child's record; a second manager must authorise it.
 *
 * @param reference the data protection officer's case reference, if any: letters, digits and {@code / - .} only,
 *                  so that it cannot carry a name into the stored decision
 */
public record RequestErasure(@TargetAggregateIdentifier ChildId childId, ErasureRequested.Reason reason,
                             ErasureRequested.LegalBasis legalBasis, String reference, Actor actor) {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/.\\-]{0,39}");

    public RequestErasure {
        Invariants.present(reason, "reason");
        Invariants.present(legalBasis, "legalBasis");
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            throw new TriageRefusedException(Refusal.INVALID_REFERENCE, "reference",
                    "reference is a case number: up to 40 letters, digits, '/', '-' or '.'.");
        }
    }
}
