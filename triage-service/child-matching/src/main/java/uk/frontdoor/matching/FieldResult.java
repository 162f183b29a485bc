package uk.frontdoor.matching;

import java.util.Locale;

/**
 * How one field compared and what it added to the score.
 *
 * @param level  null when either side did not have the fact (it adds nothing)
 * @param weight log2(m/u) of the level; 0 when missing
 */
public record FieldResult(Field field, Level level, double weight) {

    public boolean missing() {
        return level == null;
    }

    public boolean agrees() {
        return level != null && weight > 0;
    }

    public boolean disagrees() {
        return level != null && weight < 0;
    }

    /** As a social worker reads it: "date of birth: day and month swapped, +4.1". */
    public String describe() {
        if (level == null) {
            return field.label() + ": not known on both, 0";
        }
        return String.format(Locale.ROOT, "%s: %s, %+.1f", field.label(), level.description(), weight);
    }
}
