package uk.frontdoor.triage.staff.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what was typed into a page's form the GOV.UK way: blank is "not given", dates come as day,
 * month and year fields, times as "14:30", and anything unreadable becomes a message on its field
 * rather than a failed request. Messages never repeat what was typed.
 */
public final class FormInput {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    private FormInput() {
    }

    /** Trimmed text; null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The constant named, or null when blank or not one of them (the form offers only valid ones). */
    public static <E extends Enum<E>> E choice(Class<E> type, String value) {
        String name = text(value);
        return name == null ? null
                : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** An element of a repeated field, or null beyond its end (rows of a table in a form). */
    public static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : text(values.get(index));
    }

    /**
     * A date from a GOV.UK date input whose fields are {@code <id>-day}, {@code -month}, {@code -year}.
     *
     * @param what     how the message names it, e.g. "the date the discussion is planned for"
     * @param required whether a blank date is an error (otherwise null)
     */
    public static LocalDate date(FormErrors errors, String id, String what, boolean required,
                          String day, String month, String year) {
        errors.keep(id + "-day", day).keep(id + "-month", month).keep(id + "-year", year);
        if (text(day) == null && text(month) == null && text(year) == null) {
            if (required) {
                errors.add(id + "-day", "Enter " + what);
            }
            return null;
        }
        try {
            int y = Integer.parseInt(text(year) == null ? "" : text(year));
            if (y < 1900 || y > 2999) {
                errors.add(id + "-year", capitalised(what) + " must include a year with 4 numbers");
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(String.valueOf(text(month))), Integer.parseInt(String.valueOf(text(day))));
        } catch (NumberFormatException | DateTimeException notADate) {
            errors.add(id + "-day", capitalised(what) + " must be a real date");
            return null;
        }
    }

    /** A time of day such as {@code 14:30}; null (with a message if required) when blank or unreadable. */
    public static LocalTime time(FormErrors errors, String id, String what, boolean required, String value) {
        errors.keep(id, value);
        String typed = text(value);
        if (typed == null) {
            if (required) {
                errors.add(id, "Enter " + what);
            }
            return null;
        }
        Matcher matcher = TIME.matcher(typed);
        try {
            if (matcher.matches()) {
                return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            }
        } catch (DateTimeException outOfRange) {
            // falls through to the message
        }
        errors.add(id, capitalised(what) + " must be a real time in 24-hour format, like 14:30");
        return null;
    }

    /** A date and time in England as an instant; null if either is missing. */
    /** One field of a repeated row: its name after the row's id, what was typed, and what to say if it is empty. */
    public record RowField(String name, String value, String missing) {
    }

    /**
     * A repeated row (an attendee, an action): every field is kept for a refused form; a row with
     * anything filled in ({@code otherGiven} counts too) needs each field, and an empty row is skipped.
     *
     * @return whether the row is filled in at all
     */
    public static boolean row(FormErrors errors, String id, boolean otherGiven, RowField... fields) {
        boolean given = otherGiven;
        for (RowField field : fields) {
            errors.keep(id + "-" + field.name(), field.value());
            given |= field.value() != null;
        }
        if (given) {
            for (RowField field : fields) {
                if (field.value() == null) {
                    errors.add(id + "-" + field.name(), field.missing());
                }
            }
        }
        return given;
    }

    public static Instant instant(LocalDate date, LocalTime time) {
        return date == null || time == null ? null : date.atTime(time).atZone(Dates.ENGLAND).toInstant();
    }

    private static String capitalised(String what) {
        String text = what.startsWith("the ") ? what.substring(4) : what;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
