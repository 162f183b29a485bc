package uk.frontdoor.triage.staff.performance;

import uk.frontdoor.triage.api.query.FindPerformance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a manager asks for, from the two ISO dates of a page's or the API's GET parameters
 * ({@code from=2026-03-02&to=2026-05-24}). With neither, the last {@value FindPerformance#DEFAULT_WEEKS}
 * complete weeks by the service's clock; with only {@code from}, up to today; with only {@code to}, the
 * {@value FindPerformance#DEFAULT_WEEKS} weeks ending with that day's week. Problems are worded for the
 * GOV.UK error summary and never repeat what was typed.
 */
public final class PerformancePeriod {

    /** One problem with the request, for the field it concerns ({@code from} or {@code to}). */
    public record Problem(String field, String message) {
    }

    /** The query to send, or why there is none. */
    public record Parsed(FindPerformance query, List<Problem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return query != null;
        }
    }

    private PerformancePeriod() {
    }

    public static Parsed parse(String fromText, String toText, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        LocalDate from = date(fromText, "from", "start", problems);
        LocalDate to = date(toText, "to", "end", problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        if (from == null && to == null) {
            return new Parsed(FindPerformance.lastCompleteWeeks(clock, FindPerformance.DEFAULT_WEEKS), problems);
        }
        if (to == null) {
            to = LocalDate.ofInstant(clock.instant(), FindPerformance.ENGLAND);
            if (to.isBefore(from)) {
                to = from;
            }
        }
        if (from == null) {
            from = FindPerformance.weekStart(to).minusWeeks(FindPerformance.DEFAULT_WEEKS - 1);
        }
        if (to.isBefore(from)) {
            problems.add(new Problem("to", "The end date must be the same as or after the start date"));
        } else if (FindPerformance.weekStart(from).plusWeeks(FindPerformance.MAX_WEEKS)
                .isBefore(FindPerformance.weekStart(to).plusWeeks(1))) {
            problems.add(new Problem("from", "The period must be " + FindPerformance.MAX_WEEKS
                    + " weeks or shorter"));
        }
        return problems.isEmpty() ? new Parsed(new FindPerformance(from, to), problems) : new Parsed(null, problems);
    }

    private static LocalDate date(String text, String field, String which, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            problems.add(new Problem(field, "Enter the " + which + " date as a real date in the form year-month-day,"
                    + " for example 2026-03-02"));
            return null;
        }
    }
}
