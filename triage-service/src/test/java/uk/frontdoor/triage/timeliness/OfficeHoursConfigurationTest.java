package uk.frontdoor.triage.timeliness;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.ThresholdRulesConfiguration;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeHoursConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ThresholdRulesConfiguration.class);

    @Test
    void the_default_is_monday_to_friday_nine_to_five_in_london() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            WorkingCalendar calendar = started.getBean(WorkingCalendar.class);
            assertThat(calendar.officeHours().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(calendar.officeHours().opens()).isEqualTo(LocalTime.of(9, 0));
            assertThat(calendar.officeHours().closes()).isEqualTo(LocalTime.of(17, 0));
            assertThat(calendar.zone()).isEqualTo(WorkingCalendar.LONDON);
        });
    }

    @Test
    void a_council_configures_its_own_hours_and_the_clocks_count_them() {
        context.withPropertyValues("frontdoor.office-hours.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
                        "frontdoor.office-hours.opens=08:30", "frontdoor.office-hours.closes=18:00")
                .run(started -> {
                    WorkingCalendar calendar = started.getBean(WorkingCalendar.class);
                    // Thursday 17:00 + 4 working hours: 1 on Thursday, none on Friday, 3 on Monday from 08:30.
                    var due = calendar.plusWorkingHours(
                            LocalDateTime.parse("2026-03-12T17:00").atZone(WorkingCalendar.LONDON).toInstant(), 4);
                    assertThat(LocalDateTime.ofInstant(due, WorkingCalendar.LONDON)).isEqualTo("2026-03-16T11:30");
                });
    }

    @Test
    void empty_office_days_fail_start_up_with_a_clear_message() {
        context.withPropertyValues("frontdoor.office-hours.days=").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("frontdoor.office-hours.days is empty"));
    }

    @Test
    void office_hours_that_close_before_they_open_fail_start_up_with_a_clear_message() {
        context.withPropertyValues("frontdoor.office-hours.opens=17:00", "frontdoor.office-hours.closes=09:00")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Office hours close (09:00) at or before they open (17:00)"));
    }

    @Test
    void an_empty_opening_time_fails_start_up_with_a_clear_message() {
        context.withPropertyValues("frontdoor.office-hours.opens=").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("frontdoor.office-hours.opens is empty"));
    }
}
