package uk.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.LONDON).toInstant();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.LONDON).toString();
    }

    @ParameterizedTest(name = "{0} is a bank holiday in England and Wales ({1})")
    @CsvSource({
            "2026-01-01, New Year's Day",
            "2026-04-03, Good Friday 2026",
            "2026-04-06, Easter Monday 2026",
            "2026-05-04, Early May 2026",
            "2026-05-25, Spring 2026",
            "2026-08-31, Summer 2026",
            "2026-12-25, Christmas 2026 (Friday)",
            "2026-12-28, Boxing Day 2026 substitute (26th is a Saturday)",
            "2027-03-26, Good Friday 2027",
            "2027-03-29, Easter Monday 2027",
            "2027-12-27, Christmas 2027 substitute (25th is a Saturday)",
            "2027-12-28, Boxing Day 2027 substitute (26th is a Sunday)",
            "2021-12-27, Christmas 2021 substitute",
            "2021-12-28, Boxing Day 2021 substitute",
            "2022-01-03, New Year 2022 substitute (1st is a Saturday)",
            "2022-06-02, Spring bank holiday 2022 moved to Thursday",
            "2022-06-03, Platinum Jubilee 2022",
            "2022-09-19, State funeral of Queen Elizabeth II",
            "2022-12-26, Boxing Day 2022",
            "2022-12-27, Christmas 2022 substitute (25th is a Sunday)",
            "2023-05-01, Early May 2023",
            "2023-05-08, Coronation of King Charles III"})
    void bank_holidays_come_from_jollyday(LocalDate date, String what) {
        assertThat(calendar.isBankHoliday(date)).as(what).isTrue();
        assertThat(calendar.isWorkingDay(date)).as(what).isFalse();
    }

    @ParameterizedTest(name = "{0} is a working day ({1})")
    @CsvSource({
            "2022-05-30, the usual last-Monday-of-May date in 2022: the holiday moved to 2 June",
            "2026-03-10, an ordinary Tuesday",
            "2026-12-24, Christmas Eve",
            "2026-12-29, after Christmas 2026",
            "2027-01-04, first Monday of 2027",
            "2026-08-03, first Monday of August is a holiday only in Scotland",
            "2026-11-30, St Andrew's Day is a holiday only in Scotland",
            "2026-03-17, St Patrick's Day is a holiday only in Northern Ireland"})
    void working_days(LocalDate date, String what) {
        assertThat(calendar.isWorkingDay(date)).as(what).isTrue();
    }

    @Test
    void weekends_are_not_working_days() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
    }

    @Test
    void england_and_wales_have_eight_bank_holidays_in_2026() {
        assertThat(calendar.bankHolidays(2026)).hasSize(8);
        assertThat(calendar.bankHolidays(2022)).hasSize(10); // two jubilee days and the state funeral
    }

    @ParameterizedTest(name = "{0} + 1 working day = {1} ({2})")
    @CsvSource({
            "2026-03-10T10:00, 2026-03-11T10:00, an ordinary weekday",
            "2026-03-13T16:00, 2026-03-16T16:00, Friday to Monday over a weekend",
            "2026-05-22T16:00, 2026-05-26T16:00, Friday before the Spring bank holiday Monday ends on Tuesday",
            "2026-04-02T16:00, 2026-04-07T16:00, Thursday before Easter 2026 (Good Friday and Easter Monday)",
            "2027-03-25T09:30, 2027-03-30T09:30, Thursday before Easter 2027",
            "2026-12-24T16:00, 2026-12-29T16:00, Christmas 2026 with Boxing Day substitute on Monday 28th",
            "2027-12-24T16:00, 2027-12-29T16:00, Christmas 2027: substitutes on Monday 27th and Tuesday 28th",
            "2021-12-24T11:00, 2021-12-29T11:00, Christmas 2021 substitutes",
            "2021-12-31T10:00, 2022-01-04T10:00, New Year 2022 substitute on Monday 3rd",
            "2022-09-16T16:00, 2022-09-20T16:00, the Queen's state funeral on Monday 19 September 2022",
            "2023-05-05T16:00, 2023-05-09T16:00, the coronation on Monday 8 May 2023",
            "2022-06-01T16:00, 2022-06-06T16:00, the moved Spring bank holiday and Platinum Jubilee (2 and 3 June 2022)",
            "2022-05-27T16:00, 2022-05-30T16:00, 30 May 2022 was a working day",
            "2026-03-07T14:00, 2026-03-10T09:00, starting on a Saturday counts from the opening on Monday",
            "2026-04-03T12:00, 2026-04-08T09:00, starting on Good Friday counts from the opening on the Tuesday after Easter",
            "2026-05-22T16:30, 2026-05-26T16:30, a red contact received Friday 16:30 before a bank-holiday Monday",
            "2026-03-08T00:57, 2026-03-10T09:00, a Sunday contact: counted from Monday's opening, so due when no office time is left on Monday",
            "2026-03-10T07:30, 2026-03-11T09:00, before opening counts from that day's opening",
            "2026-03-10T17:00, 2026-03-12T09:00, at closing counts from the next working day's opening"})
    void one_working_day(String from, String expected, String why) {
        assertThat(local(calendar.plusWorkingDays(london(from), 1))).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} working hours = {2} ({3})")
    @CsvSource({
            "2026-03-10T10:00, 4, 2026-03-10T14:00, red within the day",
            "2026-03-10T22:00, 4, 2026-03-11T13:00, the clock does not run at night: it starts at the next opening",
            "2026-03-13T22:00, 4, 2026-03-16T13:00, Friday night carries over to Monday's office hours",
            "2026-03-13T15:00, 4, 2026-03-16T11:00, two hours on Friday afternoon, two on Monday morning",
            "2026-03-08T00:57, 4, 2026-03-09T13:00, a red contact at 00:57 on a Sunday is due within Monday's office hours",
            "2026-03-08T00:57, 2, 2026-03-09T11:00, its partner checks (red, 2 working hours) on Monday morning",
            "2026-05-22T16:30, 4, 2026-05-26T12:30, red received Friday 16:30 before a bank-holiday Monday",
            "2026-05-22T16:00, 24, 2026-05-28T16:00, 24 working hours are three office days",
            "2026-05-22T16:00, 8, 2026-05-26T16:00, 8 working hours (one office day) equal one working day",
            "2026-04-02T16:00, 24, 2026-04-09T16:00, three office days over Easter 2026",
            "2026-04-02T16:00, 72, 2026-04-17T16:00, green (72 working hours, nine office days) over Easter 2026",
            "2026-03-13T00:00, 8, 2026-03-13T17:00, a whole Friday ends at its closing",
            "2026-03-10T10:00, 0, 2026-03-10T10:00, nothing to add"})
    void working_hours(String from, long hours, String expected, String why) {
        assertThat(local(calendar.plusWorkingHours(london(from), hours))).as(why).isEqualTo(expected);
    }

    @Test
    void spring_forward_keeps_the_local_hour() {
        // Clocks go forward on Sunday 29 March 2026: Friday 16:00 GMT + 1 working day = Monday 16:00 BST.
        Instant friday = Instant.parse("2026-03-27T16:00:00Z");
        Instant due = calendar.plusWorkingDays(friday, 1);
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
        assertThat(ZonedDateTime.ofInstant(due, WorkingCalendar.LONDON).getHour()).isEqualTo(16);
    }

    @Test
    void fall_back_keeps_the_local_hour() {
        // Clocks go back on Sunday 25 October 2026: Friday 16:00 BST + 1 working day = Monday 16:00 GMT.
        Instant friday = Instant.parse("2026-10-23T15:00:00Z");
        assertThat(calendar.plusWorkingDays(friday, 1)).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));
    }

    @Test
    void a_start_in_the_early_hours_of_a_clock_change_sunday_counts_from_monday() {
        Instant sundayNight = Instant.parse("2026-03-29T00:30:00Z"); // 00:30 GMT, before the change at 01:00
        assertThat(local(calendar.plusWorkingHours(sundayNight, 4))).isEqualTo("2026-03-30T13:00");
    }

    @Test
    void several_working_days_skip_every_weekend_and_holiday() {
        // 45 working days from Monday 2 March 2026 (assessment timescale) skip 6 weekends and Easter.
        Instant due = calendar.plusWorkingDays(london("2026-03-02T09:00"), 45);
        assertThat(local(due)).isEqualTo("2026-05-07T09:00");
    }

    @Test
    void negative_amounts_are_refused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.plusWorkingHours(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} to {1} = {2} working hours ({3})")
    @CsvSource({
            "2026-03-10T10:00, 2026-03-10T14:00, 4, within one day",
            "2026-05-22T16:00, 2026-05-26T16:00, 8, Friday 16:00 to Tuesday 16:00 over the late-May bank holiday",
            "2026-03-10T07:00, 2026-03-10T20:00, 8, only office hours count",
            "2026-03-14T10:00, 2026-03-15T10:00, 0, a weekend has no working time",
            "2026-03-10T14:00, 2026-03-10T10:00, 0, backwards is nothing",
            "2026-04-02T16:00, 2026-04-09T16:00, 24, Easter 2026"})
    void working_time_between(String from, String to, long hours, String why) {
        assertThat(calendar.workingTimeBetween(london(from), london(to))).as(why).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void working_time_between_is_the_inverse_of_adding_it() {
        Instant from = london("2026-12-23T15:20");
        Instant to = calendar.plusWorkingTime(from, Duration.ofMinutes(3 * 24 * 60 + 17));
        assertThat(calendar.workingTimeBetween(from, to)).isEqualTo(Duration.ofMinutes(3 * 24 * 60 + 17));
    }

    @ParameterizedTest(name = "the working day of {0} ends at {1} ({2})")
    @CsvSource({
            "2026-03-10T16:00, 2026-03-10T17:00, a Tuesday's working day ends at closing",
            "2026-03-10T18:00, 2026-03-11T17:00, after closing the same working day is the next one",
            "2026-05-23T10:00, 2026-05-26T17:00, a Saturday before a bank-holiday Monday belongs to the Tuesday"})
    void end_of_the_working_day(String at, String expected, String why) {
        assertThat(local(calendar.endOfWorkingDay(london(at)))).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is in office hours: {1}")
    @CsvSource({
            "2026-03-10T09:00, true",
            "2026-03-10T16:59, true",
            "2026-03-10T17:00, false",
            "2026-03-10T08:59, false",
            "2026-03-08T12:00, false",
            "2026-05-25T12:00, false"})
    void office_hours(String at, boolean open) {
        assertThat(calendar.isOfficeHours(london(at))).isEqualTo(open);
    }

    @Test
    void a_council_sets_its_own_office_hours() {
        WorkingCalendar longer = WorkingCalendar.englandAndWales(new OfficeHours(
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY),
                java.time.LocalTime.of(8, 30), java.time.LocalTime.of(18, 0), WorkingCalendar.LONDON));
        // Thursday 17:00 + 4 working hours: one hour on Thursday, Friday is not an office day, three on Monday.
        assertThat(local(longer.plusWorkingHours(london("2026-03-12T17:00"), 4))).isEqualTo("2026-03-16T11:30");
        assertThat(longer.isWorkingDay(LocalDate.of(2026, 3, 13))).isFalse();
        assertThat(local(longer.plusWorkingDays(london("2026-03-12T17:00"), 1))).isEqualTo("2026-03-16T17:00");
    }

    @Test
    void office_hours_that_are_empty_or_inverted_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new OfficeHours(java.util.Set.of(), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(17, 0), WorkingCalendar.LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one office day");
        assertThatThrownBy(() -> new OfficeHours(java.util.Set.of(java.time.DayOfWeek.MONDAY), java.time.LocalTime.of(17, 0),
                java.time.LocalTime.of(9, 0), WorkingCalendar.LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Office hours close (09:00) at or before they open (17:00): the closing time must be later in the same day than the opening time");
        assertThatThrownBy(() -> new OfficeHours(java.util.Set.of(java.time.DayOfWeek.MONDAY), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(9, 0), WorkingCalendar.LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at or before they open");
    }
}
