package uk.frontdoor.triage.staff.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How long is left before something is due, or how long it is overdue, in words a worker reads at
 * a glance ("Due in 3 hours 20 minutes", "Overdue by 1 day 2 hours"). Due times are already
 * working-time deadlines; this is the plain time between now and then.
 *
 * @param text    the words
 * @param overdue true once the due time has passed
 */
public record TimeLeft(String text, boolean overdue) {

    /** @param now from the injected clock, never the wall clock */
    public static TimeLeft until(Instant due, Instant now) {
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return new TimeLeft("Overdue by " + words(left.negated()), true);
        }
        return new TimeLeft("Due in " + words(left), false);
    }

    /** At most the two largest units: a worker needs "2 days 3 hours", not the seconds. */
    public static String words(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(unit(days, "day"));
            if (hours > 0) {
                parts.add(unit(hours, "hour"));
            }
        } else if (hours > 0) {
            parts.add(unit(hours, "hour"));
            if (minutes > 0) {
                parts.add(unit(minutes, "minute"));
            }
        } else if (minutes > 0) {
            parts.add(unit(minutes, "minute"));
        } else {
            return "less than a minute";
        }
        return String.join(" ", parts);
    }

    private static String unit(long count, String name) {
        return count + " " + name + (count == 1 ? "" : "s");
    }
}
