package uk.frontdoor.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The council's office hours: the days of the week the front door is staffed by the day team, and when it opens and
 * closes on each of them (local time in {@code zone}). Working-hour clocks count only this time; bank holidays are
 * never office days, whatever the weekday.
 *
 * <p>A configuration with no days, or one that closes at or before it opens, would make every working-hour clock
 * run for ever (or backwards): it is refused here, so that the service fails to start rather than never breach.
 */
public record OfficeHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

    public OfficeHours {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one office day (e.g. MONDAY to FRIDAY)");
        }
        Objects.requireNonNull(opens, "Office hours need an opening time (e.g. 09:00)");
        Objects.requireNonNull(closes, "Office hours need a closing time (e.g. 17:00)");
        Objects.requireNonNull(zone, "Office hours need a time zone (e.g. Europe/London)");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("Office hours close (" + closes + ") at or before they open (" + opens
                    + "): the closing time must be later in the same day than the opening time");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Monday to Friday, 09:00 to 17:00, Europe/London. */
    public static OfficeHours defaults() {
        return new OfficeHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), WorkingCalendar.LONDON);
    }

    /** How long the office is open on an office day. */
    public Duration length() {
        return Duration.between(opens, closes);
    }
}
