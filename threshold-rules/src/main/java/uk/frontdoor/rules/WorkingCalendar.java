package uk.frontdoor.rules;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
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
 * <p>Semantics (decided for this service, issue 16): a <b>working day</b> is an office day of the week (by default
 * Monday to Friday) that is not an England and Wales bank holiday. <b>Working time</b> is the council's office hours
 * on working days ({@link OfficeHours}, by default 09:00 to 17:00): 4 working hours from 16:00 on a Friday run to
 * 12:00 on the next working day, and a contact that arrives at night or at a weekend starts counting when the office
 * next opens. So a red contact received at 00:57 on a Sunday is due at 13:00 on the Monday, not 04:00.
 *
 * <p><b>Working days</b> keep their statutory meaning: N working days from a time in office hours end at the same
 * local time on the Nth working day after it (1 working day from 16:30 on the Friday before a bank-holiday Monday
 * ends at 16:30 on the Tuesday; 45 working days is 45 working days, never 45 x 8 office hours from a night start).
 * A start outside office hours counts from the next opening, so 1 working day from a Sunday ends at 09:00 on the
 * Tuesday: no office time passes between the Monday's closing and then.
 *
 * <p>Arithmetic is done in local date-time, so a clock change (always on a Sunday in the UK) never shifts a due time
 * off the local hour it started at. Bank holidays come from jollyday (GB, subdivision England "eng"; England and
 * Wales share the same list), including the one-offs: 2 and 3 June 2022, 19 September 2022, 8 May 2023. Nothing is
 * hand-typed here.
 */
public final class WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Set<HolidayType> NON_WORKING = Set.of(HolidayType.PUBLIC_HOLIDAY, HolidayType.BANK_HOLIDAY);

    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final BankHolidays holidays;

    private WorkingCalendar(OfficeHours officeHours, BankHolidays holidays) {
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.zone = officeHours.zone();
        this.holidays = holidays;
    }

    /** The default office hours (Monday to Friday, 09:00 to 17:00, Europe/London), England and Wales bank holidays. */
    public static WorkingCalendar englandAndWales() {
        return Holder.ENGLAND_AND_WALES;
    }

    /** The council's own office hours, England and Wales bank holidays. */
    public static WorkingCalendar englandAndWales(OfficeHours officeHours) {
        return new WorkingCalendar(officeHours, Holder.ENGLAND_AND_WALES_HOLIDAYS);
    }

    // Loading jollyday's XML takes a moment: one shared, thread-safe list of holidays.
    private static final class Holder {
        static final BankHolidays ENGLAND_AND_WALES_HOLIDAYS = new BankHolidays(
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM)), "eng");
        static final WorkingCalendar ENGLAND_AND_WALES = new WorkingCalendar(OfficeHours.defaults(),
                ENGLAND_AND_WALES_HOLIDAYS);
    }

    private static final class BankHolidays {
        private final HolidayManager manager;
        private final String[] subdivision;
        private final ConcurrentMap<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

        BankHolidays(HolidayManager manager, String... subdivision) {
            this.manager = manager;
            this.subdivision = subdivision;
        }

        Set<LocalDate> in(int year) {
            return byYear.computeIfAbsent(year, y -> manager.getHolidays(Year.of(y), subdivision).stream()
                    .filter(h -> NON_WORKING.contains(h.getType()))
                    // getDate() is the day off (the substitute day when the holiday falls at a weekend); getActualDate() is the nominal one.
                    .map(Holiday::getDate)
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    /** The bank holidays (England and Wales) in a year, as jollyday reports them (observed dates). */
    public Set<LocalDate> bankHolidays(int year) {
        return holidays.in(year);
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHolidays(date.getYear()).contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        return officeHours.days().contains(date.getDayOfWeek()) && !isBankHoliday(date);
    }

    /** Whether the office is open at {@code at}: a working day, at or after opening and before closing. */
    public boolean isOfficeHours(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return isWorkingDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(officeHours.opens())
                && local.toLocalTime().isBefore(officeHours.closes());
    }

    /** When the office next opens at or after {@code at} ({@code at} itself when it is open then). */
    public Instant nextOpening(Instant at) {
        return toInstant(intoOfficeHours(LocalDateTime.ofInstant(at, zone)));
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** {@code days} working days after {@code from} (see the class comment: the same local time, in office hours). */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        Objects.requireNonNull(from, "from");
        LocalDateTime start = intoOfficeHours(LocalDateTime.ofInstant(from, zone));
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        return toInstant(day.atTime(start.toLocalTime()));
    }

    /** {@code hours} working hours (office hours on working days) after {@code from}. */
    public Instant plusWorkingHours(Instant from, long hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        return plusWorkingTime(from, Duration.ofHours(hours));
    }

    /** {@code amount} of working time (office hours on working days) after {@code from}. */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        LocalDateTime cursor = intoOfficeHours(LocalDateTime.ofInstant(from, zone));
        Duration remaining = amount;
        while (true) {
            LocalDateTime closing = cursor.toLocalDate().atTime(officeHours.closes());
            Duration leftToday = Duration.between(cursor, closing);
            if (remaining.compareTo(leftToday) <= 0) {
                return toInstant(cursor.plus(remaining));
            }
            remaining = remaining.minus(leftToday);
            cursor = nextWorkingDay(cursor.toLocalDate()).atTime(officeHours.opens());
        }
    }

    /**
     * The working time (office hours on working days) between two instants: the inverse of {@link #plusWorkingTime},
     * so that {@code plusWorkingTime(from, workingTimeBetween(from, to))} is {@code to} whenever {@code to} falls after
     * an opening and no later than the closing of that day. Zero when {@code to} is not after {@code from}.
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
            LocalDateTime opening = day.atTime(officeHours.opens());
            LocalDateTime closing = day.atTime(officeHours.closes());
            LocalDateTime from1 = start.isAfter(opening) ? start : opening;
            LocalDateTime to1 = end.isBefore(closing) ? end : closing;
            if (to1.isAfter(from1)) {
                total = total.plus(Duration.between(from1, to1));
            }
        }
        return total;
    }

    /**
     * The closing time of the working day {@code at} falls in, or of the next working day when {@code at} is after
     * closing, on a weekend or on a bank holiday: "the same working day" for a red strategy discussion.
     */
    public Instant endOfWorkingDay(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(officeHours.closes())) {
            day = nextWorkingDay(day);
        }
        return toInstant(day.atTime(officeHours.closes()));
    }

    // Before opening on a working day: that day's opening; from closing, or on a day the office is shut: the next
    // working day's opening; in office hours: unchanged.
    private LocalDateTime intoOfficeHours(LocalDateTime at) {
        LocalDate day = at.toLocalDate();
        if (isWorkingDay(day)) {
            if (at.toLocalTime().isBefore(officeHours.opens())) {
                return day.atTime(officeHours.opens());
            }
            if (at.toLocalTime().isBefore(officeHours.closes())) {
                return at;
            }
        }
        return nextWorkingDay(day).atTime(officeHours.opens());
    }

    private Instant toInstant(LocalDateTime local) {
        // In a spring-forward gap the time moves on by the gap; in an autumn overlap the earlier offset is used.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
