package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;

/**
 * The rules a command keeps whatever the record says, checked when it is made, so a command that
 * exists is well formed. They refuse with the same codes as the rules that depend on the record.
 */
final class Invariants {

    private Invariants() {
    }

    /** Text that says something: not missing, not blank. */
    static String text(String value, Refusal refusal, String detail) {
        if (value == null || value.isBlank()) {
            throw new TriageRefusedException(refusal, detail);
        }
        return value;
    }

    /** A value that must be given; refused naming the field, as every problem about one field is. */
    static void present(Object value, String field) {
        if (value == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, field, field + " is required.");
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, field, field + " is required.");
        }
        return value;
    }
}
