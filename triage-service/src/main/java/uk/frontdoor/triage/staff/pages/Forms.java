package uk.frontdoor.triage.staff.pages;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * Null-safe helpers for templates, whose pages have {@link FormErrors} only after a refused POST:
 * {@code ${@forms.describedBy(errors, 'consent-reason', 'consent-reason-hint')}} links a field to its
 * hint and, when there is one, its error message, so a screen reader reads both with the field.
 */
@Component("forms")
public class Forms {

    public boolean error(FormErrors errors, String id) {
        return errors != null && errors.has(id);
    }

    /** The {@code aria-describedby} value; null (no attribute) when there is nothing to point at. */
    public String describedBy(FormErrors errors, String id, String hintId) {
        String hint = hintId == null || hintId.isEmpty() ? "" : hintId;
        String error = error(errors, id) ? id + "-error" : "";
        String both = (hint + " " + error).trim();
        return both.isEmpty() ? null : both;
    }

    /** What was typed into a field before a refused POST, else the fallback. */
    public String value(FormErrors errors, String id, String fallback) {
        String typed = errors == null ? null : errors.value(id);
        return typed == null ? fallback : typed;
    }

    /**
     * Whether a checkbox is ticked: as it was before a refused POST of its own form, else as {@code preset}
     * has it (the usual choice, e.g. the three agencies Working Together requires at a strategy discussion).
     */
    public boolean ticked(FormErrors errors, String id, Object option, Collection<?> preset) {
        if (errors != null && errors.value(id) != null) {
            return chosen(errors, id, option);
        }
        return preset != null && option != null && preset.stream().anyMatch(ticked -> ticked.toString().equals(option.toString()));
    }

    /** Whether a radio or checkbox was chosen before a refused POST (a comma-separated list for checkboxes). */
    public boolean chosen(FormErrors errors, String id, Object option) {
        String typed = errors == null ? null : errors.value(id);
        if (typed == null || option == null) {
            return false;
        }
        for (String value : typed.split(",")) {
            if (value.equals(option.toString())) {
                return true;
            }
        }
        return false;
    }
}
