package uk.frontdoor.matching;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one field compared and what it added to the score.
 *
 * @param level  null when either side did not have the fact (it adds nothing)
 * @param weight log2(m/u) of the level; 0 when missing
 */
public record FieldResult(Field field, Level level, double weight) {

    /**
     * Descriptions already written, by field, level and weight: a level's weight is fixed by the parameters, so a few
     * hundred at most, and every scored contact described each of its candidates' fields again through
     * {@link String#format}. Nothing of a child is in them. Not added to past {@value #MOST_DESCRIPTIONS}.
     */
    private static final Map<FieldResult, String> DESCRIBED = new ConcurrentHashMap<>();
    private static final int MOST_DESCRIPTIONS = 4_096;

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
        String described = DESCRIBED.get(this);
        if (described == null) {
            described = written();
            if (DESCRIBED.size() < MOST_DESCRIPTIONS) {
                DESCRIBED.putIfAbsent(this, described);
            }
        }
        return described;
    }

    /** {@link #describe()} written afresh. */
    String written() {
        if (level == null) {
            return field.label() + ": not known on both, 0";
        }
        return String.format(Locale.ROOT, "%s: %s, %+.1f", field.label(), level.description(), weight);
    }
}
