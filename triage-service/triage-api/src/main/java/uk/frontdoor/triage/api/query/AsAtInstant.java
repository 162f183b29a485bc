package uk.frontdoor.triage.api.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code asAt} parameter of the as-at views, read one way for every endpoint that takes it: an ISO-8601
 * date and time with its offset ({@code 2026-03-03T14:00:00Z}, {@code 2026-03-03T14:00:00+00:00}), not in the
 * future. Nothing the caller sent is repeated in a problem.
 */
public final class AsAtInstant {

    public static final String FIELD = "asAt";
    public static final String NOT_A_TIME = "must be an ISO-8601 date and time with its offset, such as 2026-03-03T14:00:00Z";
    public static final String IN_THE_FUTURE = "must not be in the future";

    private AsAtInstant() {
    }

    /**
     * @param now the service's clock now
     * @throws IllegalArgumentException with one of this class's problems as its message
     */
    public static Instant parse(String value, Instant now) {
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(NOT_A_TIME);
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException(IN_THE_FUTURE);
        }
        return at;
    }
}
