package uk.frontdoor.triage.staff.performance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.frontdoor.triage.api.query.FindPerformance;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The period arithmetic behind the performance figures: ISO weeks in England, the default, bad dates. */
class PerformancePeriodTest {

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "at {0} the default is {1} to {2}")
    @CsvSource({
            // A Wednesday: the 12 weeks before this one, Monday to Sunday.
            "2026-03-04T12:00:00Z, 2025-12-08, 2026-03-01",
            // Sunday 23:30 UTC is already Monday 00:30 in British Summer Time: that week is the current one.
            "2026-04-05T23:30:00Z, 2026-01-12, 2026-04-05",
            // Sunday 22:59 UTC is Sunday 23:59 BST: still in the week that ends that day.
            "2026-04-05T22:59:00Z, 2026-01-05, 2026-03-29",
            // Monday 00:00 in winter: a new week has just begun.
            "2026-01-05T00:00:00Z, 2025-10-13, 2026-01-04",
    })
    void the_default_period_is_the_last_twelve_complete_weeks_in_england(String now, LocalDate from, LocalDate to) {
        FindPerformance period = PerformancePeriod.parse(null, "", at(now)).query();
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.weeks()).hasSize(12).first().isEqualTo(from);
        assertThat(period.from().getDayOfWeek()).hasToString("MONDAY");
        assertThat(period.to().getDayOfWeek()).hasToString("SUNDAY");
    }

    @Test
    void a_period_that_starts_and_ends_mid_week_touches_each_week_once_by_its_monday() {
        FindPerformance period = new FindPerformance(LocalDate.parse("2026-02-04"), LocalDate.parse("2026-02-17"));
        assertThat(period.weeks()).containsExactly(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-09"),
                LocalDate.parse("2026-02-16"));
        assertThat(period.days()).isEqualTo(14);
    }

    @Test
    void the_period_runs_from_midnight_to_midnight_in_england_across_the_clock_change() {
        // Clocks went forward on 29 March 2026: the last day ends at 23:00 UTC.
        FindPerformance period = new FindPerformance(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-29"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void only_a_start_runs_to_today_and_only_an_end_covers_the_twelve_weeks_up_to_it() {
        Clock now = at("2026-03-04T12:00:00Z");
        assertThat(PerformancePeriod.parse("2026-02-01", null, now).query())
                .isEqualTo(new FindPerformance(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-04")));
        assertThat(PerformancePeriod.parse(null, "2026-03-01", now).query())
                .isEqualTo(new FindPerformance(LocalDate.parse("2025-12-08"), LocalDate.parse("2026-03-01")));
        assertThat(PerformancePeriod.parse("2026-04-01", null, now).query())
                .as("a start after today is a one-day period").isEqualTo(
                        new FindPerformance(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01")));
    }

    @ParameterizedTest(name = "from={0} to={1}: {2}")
    @CsvSource({
            "2026-02-30, 2026-03-01, from",
            "02/03/2026, , from",
            "2026-03-01, next week, to",
            "2026-03-08, 2026-03-01, to",
            "2024-01-01, 2026-03-01, from",
    })
    void bad_dates_are_problems_for_their_field_without_repeating_them(String from, String to, String field) {
        PerformancePeriod.Parsed parsed = PerformancePeriod.parse(from, to, at("2026-03-04T12:00:00Z"));
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).doesNotContain(from == null ? "\u0000" : from);
        });
    }

    @Test
    void a_period_of_exactly_the_longest_allowed_is_accepted_and_a_week_more_is_not() {
        LocalDate monday = LocalDate.parse("2024-01-01");
        LocalDate lastSunday = monday.plusWeeks(FindPerformance.MAX_WEEKS).minusDays(1);
        assertThat(new FindPerformance(monday, lastSunday).weeks()).hasSize(FindPerformance.MAX_WEEKS);
        assertThatThrownBy(() -> new FindPerformance(monday, lastSunday.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratios_have_no_percentage_when_there_is_nothing_to_count() {
        assertThat(new Ratio(0, 0).percent()).isNull();
        assertThat(new Ratio(2, 3).percent()).isEqualTo(66.7);
        assertThat(new Ratio(1, 1).percent()).isEqualTo(100.0);
        assertThatThrownBy(() -> new Ratio(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1A, INDIVIDUAL", "2A, EDUCATION", "3E, HEALTH", "4, HOUSING", "5D, LOCAL_AUTHORITY", "6, POLICE",
            "7, OTHER_LEGAL_AGENCY", "9, ANONYMOUS", "10, UNKNOWN", "11, UNKNOWN", "'', UNKNOWN"})
    void census_referral_sources_fall_in_their_group(String code, ReferralSourceGroup group) {
        assertThat(ReferralSourceGroup.of(code)).isEqualTo(group);
    }
}
