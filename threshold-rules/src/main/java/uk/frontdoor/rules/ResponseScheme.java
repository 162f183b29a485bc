package uk.frontdoor.rules;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much working time (office hours on working days, see {@link WorkingCalendar}) each priority allows before a
 * response is due. Partnership-configurable; the default is the Surrey MASH scheme, red within 4 working hours, amber
 * within one working day, green within three, blue no MASH action (no due time). Since working hours became office
 * hours (8 a day by default), a working day is written as 8 hours here: amber 8h, green 24h.
 */
public record ResponseScheme(Map<Priority, Duration> workingTime) {

    public ResponseScheme {
        EnumMap<Priority, Duration> copy = new EnumMap<>(Priority.class);
        workingTime.forEach((priority, duration) -> {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("working time for " + priority + " must be positive");
            }
            copy.put(priority, duration);
        });
        workingTime = Map.copyOf(copy);
    }

    public static ResponseScheme defaults() {
        return new ResponseScheme(Map.of(
                Priority.RED, Duration.ofHours(4),
                Priority.AMBER, Duration.ofHours(8),
                Priority.GREEN, Duration.ofHours(24)));
    }

    /** The working time allowed for a priority; empty when the priority has no due time (BLUE by default). */
    public Optional<Duration> forPriority(Priority priority) {
        return Optional.ofNullable(workingTime.get(priority));
    }
}
