package uk.frontdoor.rules;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Working days and working time for statutory and local clocks.
 *
 * <p>Semantics (decided for this service): the clock runs through every hour of a working day (00:00-24:00 local
 * time) and stops on weekends and bank holidays. A start on a non-working day starts counting at 00:00 of the next
 * working day. One working day is 24 working hours, so 1 working day from 16:00 on the Friday before a bank-holiday
 * Monday ends at 16:00 on the Tuesday. Arithmetic is done in local date-time, so a clock change (always on a Sunday
 * in the UK) never shifts a due time off the local hour it started at.
 *
 * <p>Bank holidays come from jollyday (GB, subdivision England "eng"; England and Wales share the same list),
 * including the one-offs: 2 and 3 June 2022, 19 September 2022, 8 May 2023. Nothing is hand-typed here.
 */
public final class WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Set<HolidayType> NON_WORKING = Set.of(HolidayType.PUBLIC_HOLIDAY, HolidayType.BANK_HOLIDAY);

    private final ZoneId zone;
    private final HolidayManager holidays;
    private final String[] subdivision;
    private final ConcurrentMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(ZoneId zone, HolidayManager holidays, String... subdivision) {
        this.zone = zone;
        this.holidays = holidays;
        this.subdivision = subdivision;
    }

    /** Europe/London, England and Wales bank holidays from jollyday. */
    public static WorkingCalendar englandAndWales() {
        return Holder.ENGLAND_AND_WALES;
    }

    // Loading jollyday's XML takes a moment: one shared, thread-safe instance.
    private static final class Holder {
        static final WorkingCalendar ENGLAND_AND_WALES = new WorkingCalendar(LONDON,
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM)), "eng");
    }

    public ZoneId zone() {
        return zone;
    }

    /** The bank holidays (England and Wales) in a year, as jollyday reports them (observed dates). */
    public Set<LocalDate> bankHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), subdivision).stream()
                .filter(h -> NON_WORKING.contains(h.getType()))
                // getDate() is the day off (the substitute day when the holiday falls at a weekend); getActualDate() is the nominal one.
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHolidays(date.getYear()).contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** {@code days} working days (24 working hours each) after {@code from}. */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        return plusWorkingTime(from, Duration.ofHours(24L * days));
    }

    /** {@code hours} working hours after {@code from}. */
    public Instant plusWorkingHours(Instant from, long hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        return plusWorkingTime(from, Duration.ofHours(hours));
    }

    /** {@code amount} of working time after {@code from} (see the class comment for the semantics). */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        if (!isWorkingDay(cursor.toLocalDate())) {
            cursor = nextWorkingDay(cursor.toLocalDate()).atStartOfDay();
        }
        Duration remaining = amount;
        while (true) {
            LocalDateTime endOfDay = cursor.toLocalDate().plusDays(1).atStartOfDay();
            // Local arithmetic: every working day has 24 working hours, including clock-change days.
            Duration leftToday = Duration.between(cursor, endOfDay);
            if (remaining.compareTo(leftToday) <= 0) {
                return toInstant(cursor.plus(remaining));
            }
            remaining = remaining.minus(leftToday);
            cursor = nextWorkingDay(cursor.toLocalDate()).atStartOfDay();
        }
    }

    /**
     * The working time between two instants: the inverse of {@link #plusWorkingTime}, so that
     * {@code plusWorkingTime(from, workingTimeBetween(from, to))} is {@code to} whenever {@code to} falls in working
     * time. Zero when {@code to} is not after {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            LocalDateTime dayStart = day.atStartOfDay();
            LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
            LocalDateTime from1 = start.isAfter(dayStart) ? start : dayStart;
            LocalDateTime to1 = end.isBefore(dayEnd) ? end : dayEnd;
            if (to1.isAfter(from1)) {
                total = total.plus(Duration.between(from1, to1));
            }
        }
        return total;
    }

    /**
     * The end of the working day {@code at} falls in (midnight local time), or of the next working day when
     * {@code at} is on a weekend or bank holiday: "the same working day" for a red strategy discussion.
     */
    public Instant endOfWorkingDay(Instant at) {
        LocalDate day = LocalDateTime.ofInstant(at, zone).toLocalDate();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
        }
        return toInstant(day.plusDays(1).atStartOfDay());
    }

    private Instant toInstant(LocalDateTime local) {
        // In a spring-forward gap the time moves on by the gap; in an autumn overlap the earlier offset is used.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
