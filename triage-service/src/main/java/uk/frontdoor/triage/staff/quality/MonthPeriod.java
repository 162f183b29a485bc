package uk.frontdoor.triage.staff.quality;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The months asked for ({@code from=2026-01&to=2026-06}, both included), as the partner API's referral figures take
 * them: by default the 12 months to this one (in England), at most {@value #MOST_MONTHS}. Problems are worded for the
 * GOV.UK error summary and the problem details alike, and never repeat what was typed.
 */
record MonthPeriod(YearMonth from, YearMonth to, List<Problem> problems) {

    /** Two years of months at most: enough for a trend, and a bounded query. */
    static final int MOST_MONTHS = 24;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    record Problem(String field, String message) {
    }

    MonthPeriod {
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    static MonthPeriod parse(String fromText, String toText, Clock clock) {
        YearMonth now = YearMonth.now(clock.withZone(ENGLAND));
        List<Problem> problems = new ArrayList<>();
        YearMonth to = month(toText, "to", "last", problems);
        YearMonth from = month(fromText, "from", "first", problems);
        if (!problems.isEmpty()) {
            return new MonthPeriod(null, null, problems);
        }
        if (to == null) {
            to = from == null || from.isBefore(now) ? now : from;
        }
        if (from == null) {
            from = to.minusMonths(11);
        }
        if (to.isBefore(from)) {
            problems.add(new Problem("to", "The last month must be the same as or after the first month"));
        } else if (from.plusMonths(MOST_MONTHS).isBefore(to.plusMonths(1))) {
            problems.add(new Problem("from", "The period must be " + MOST_MONTHS + " months or shorter"));
        }
        return problems.isEmpty() ? new MonthPeriod(from, to, problems) : new MonthPeriod(null, null, problems);
    }

    private static YearMonth month(String text, String field, String which, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException notAMonth) {
            problems.add(new Problem(field, "Enter the " + which + " month as year-month, for example 2026-03"));
            return null;
        }
    }
}
