package uk.frontdoor.triage.timeliness;

import uk.frontdoor.rules.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a duty may take, as the partnership's procedures say it: working days ({@code 3WD}),
 * working hours ({@code 2WH}), plain hours that run through nights and weekends ({@code 72H}), or
 * {@code SAME_WORKING_DAY}.
 */
public record Allowance(long amount, Unit unit) {

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(WD|WH|H)");

    public enum Unit {
        WORKING_DAYS, WORKING_HOURS, HOURS, SAME_WORKING_DAY
    }

    public Allowance {
        if (amount < 0) {
            throw new IllegalArgumentException("An allowance cannot be negative");
        }
    }

    public static Allowance workingDays(long days) {
        return new Allowance(days, Unit.WORKING_DAYS);
    }

    public static Allowance workingHours(long hours) {
        return new Allowance(hours, Unit.WORKING_HOURS);
    }

    public static Allowance hours(long hours) {
        return new Allowance(hours, Unit.HOURS);
    }

    public static Allowance sameWorkingDay() {
        return new Allowance(0, Unit.SAME_WORKING_DAY);
    }

    /** Reads {@code 3WD}, {@code 2WH}, {@code 72H} or {@code SAME_WORKING_DAY} (any case). */
    public static Allowance parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT);
        if (normal.equals("SAME_WORKING_DAY")) {
            return sameWorkingDay();
        }
        Matcher matcher = TEXT.matcher(normal);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "An allowance is written like 3WD (working days), 2WH (working hours), 72H (hours) or SAME_WORKING_DAY");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "WD" -> workingDays(amount);
            case "WH" -> workingHours(amount);
            default -> hours(amount);
        };
    }

    /** Whether the clock counts only working time (everything but plain hours). */
    public boolean inWorkingTime() {
        return unit != Unit.HOURS;
    }

    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, Math.toIntExact(amount));
            case WORKING_HOURS -> calendar.plusWorkingHours(start, amount);
            case HOURS -> start.plus(Duration.ofHours(amount));
            case SAME_WORKING_DAY -> calendar.endOfWorkingDay(start);
        };
    }

    @Override
    public String toString() {
        return switch (unit) {
            case WORKING_DAYS -> amount + "WD";
            case WORKING_HOURS -> amount + "WH";
            case HOURS -> amount + "H";
            case SAME_WORKING_DAY -> "SAME_WORKING_DAY";
        };
    }
}
