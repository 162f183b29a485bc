package uk.frontdoor.triage.staff.asat;

import org.springframework.web.bind.annotation.BindParam;
import uk.frontdoor.triage.api.query.AsAtInstant;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' "as at" control: a date and a time in England (to the minute, or to the second), or, from a link,
 * {@code asAt} as an ISO-8601 instant. Blank means the record as it is now. The moment must be in the past.
 */
public final class AsAtControl {

    /** The control's fields as typed; they travel in the address (GET), and hold only a date and a time. */
    public record Input(@BindParam("as-at-day") String day, @BindParam("as-at-month") String month,
                        @BindParam("as-at-year") String year, @BindParam("as-at-time") String time,
                        @BindParam("asAt") String asAt) {
    }

    /**
     * What the control asked for.
     *
     * @param at     the moment, or null for the record as it is now (or when the input was refused)
     * @param errors the control's problems and what was typed, for the page to show again
     */
    public record Moment(Instant at, FormErrors errors) {

        public boolean asked() {
            return at != null;
        }
    }

    public static final String FORM = "as-at";
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])(?:[:.]([0-5][0-9]))?");
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("HH:mm:ss 'on' d MMMM yyyy", Locale.UK)
            .withZone(Dates.ENGLAND);

    private AsAtControl() {
    }

    public static Moment read(Input input, Instant now) {
        FormErrors errors = new FormErrors(FORM);
        if (input == null) {
            return new Moment(null, errors);
        }
        if (FormInput.text(input.asAt()) != null) {
            try {
                return new Moment(AsAtInstant.parse(input.asAt(), now), errors);
            } catch (IllegalArgumentException e) {
                errors.add("as-at-day", AsAtInstant.IN_THE_FUTURE.equals(e.getMessage())
                        ? "The moment must be in the past" : "The moment must be a real date and time");
                return new Moment(null, errors);
            }
        }
        boolean blank = FormInput.text(input.day()) == null && FormInput.text(input.month()) == null
                && FormInput.text(input.year()) == null && FormInput.text(input.time()) == null;
        if (blank) {
            return new Moment(null, errors);
        }
        LocalDate date = FormInput.date(errors, "as-at", "the date", true, input.day(), input.month(), input.year());
        LocalTime time = time(errors, input.time());
        if (date == null || time == null) {
            return new Moment(null, errors);
        }
        Instant at = date.atTime(time).atZone(Dates.ENGLAND).toInstant();
        if (at.isAfter(now)) {
            errors.add("as-at-day", "The moment must be in the past");
            return new Moment(null, errors);
        }
        return new Moment(at, errors);
    }

    /** "14:00:00 on 3 March 2026", clock time in England. */
    public static String words(Instant at) {
        return WORDS.format(at);
    }

    private static LocalTime time(FormErrors errors, String value) {
        errors.keep("as-at-time", value);
        String typed = FormInput.text(value);
        if (typed == null) {
            errors.add("as-at-time", "Enter the time");
            return null;
        }
        Matcher matcher = TIME.matcher(typed);
        try {
            if (matcher.matches()) {
                return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
            }
        } catch (DateTimeException outOfRange) {
            // falls through to the message
        }
        errors.add("as-at-time", "The time must be a real time in 24-hour format, like 14:30 or 14:30:15");
        return null;
    }
}
