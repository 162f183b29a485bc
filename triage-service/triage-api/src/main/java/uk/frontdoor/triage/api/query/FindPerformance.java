package uk.frontdoor.triage.api.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The managers' performance figures for a period of whole days in England, {@code from} and {@code to}
 * both included. Figures are grouped by ISO week (Monday to Sunday, Europe/London), each week named by
 * its Monday; a period that starts or ends mid-week has a part week at that end. Answered with
 * {@link PerformanceReport}.
 */
public record FindPerformance(LocalDate from, LocalDate to) {

    /** Days and weeks are England's, whatever the server's zone: a contact at 00:30 BST on a Monday is Monday's. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** About two years of weeks: enough to compare a year with the one before, small enough to draw. */
    public static final int MAX_WEEKS = 106;

    /** The default period: the last 12 whole weeks before the current one. */
    public static final int DEFAULT_WEEKS = 12;

    public FindPerformance {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (weekStart(from).plusWeeks(MAX_WEEKS).isBefore(weekStart(to).plusWeeks(1))) {
            throw new IllegalArgumentException("the period is longer than " + MAX_WEEKS + " weeks");
        }
    }

    /** The last {@code weeks} complete ISO weeks before the week that {@code clock} is in, in England. */
    public static FindPerformance lastCompleteWeeks(Clock clock, int weeks) {
        LocalDate thisMonday = weekStart(LocalDate.ofInstant(clock.instant(), ENGLAND));
        return new FindPerformance(thisMonday.minusWeeks(weeks), thisMonday.minusDays(1));
    }

    /** The Monday of the ISO week a day is in. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Every week the period touches, by its Monday, oldest first. */
    public List<LocalDate> weeks() {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = weekStart(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    /** The first instant of the period: midnight at the start of {@code from} in England. */
    public Instant start() {
        return from.atStartOfDay(ENGLAND).toInstant();
    }

    /** The end of the period, excluded: midnight at the end of {@code to} in England. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ENGLAND).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
