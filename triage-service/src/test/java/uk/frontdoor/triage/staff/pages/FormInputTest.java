package uk.frontdoor.triage.staff.pages;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class FormInputTest {

    @Test
    void a_date_comes_from_day_month_and_year_fields() {
        FormErrors errors = new FormErrors("test");
        assertThat(FormInput.date(errors, "held", "the date held", true, "27", "3", "2026"))
                .isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(errors.any()).isFalse();
        assertThat(errors.value("held-day")).isEqualTo("27");
    }

    @Test
    void an_impossible_or_missing_date_is_a_message_on_its_field_that_does_not_repeat_the_input() {
        FormErrors errors = new FormErrors("test");
        assertThat(FormInput.date(errors, "held", "the date held", true, "31", "2", "2026")).isNull();
        assertThat(errors.message("held-day")).isEqualTo("Date held must be a real date");
        assertThat(FormInput.date(errors, "planned", "the date planned", true, "", " ", null)).isNull();
        assertThat(errors.message("planned-day")).isEqualTo("Enter the date planned");
        assertThat(FormInput.date(errors, "due", "the due date", true, "1", "2", "26")).isNull();
        assertThat(errors.message("due-year")).isEqualTo("Due date must include a year with 4 numbers");
        assertThat(FormInput.date(errors, "from", "the first date", false, "", "", "")).isNull();
        assertThat(errors.has("from-day")).isFalse();
    }

    @Test
    void a_time_is_24_hour_clock_time_and_with_the_date_an_instant_in_england() {
        FormErrors errors = new FormErrors("test");
        LocalTime time = FormInput.time(errors, "at", "the time", true, "14:30");
        assertThat(time).isEqualTo(LocalTime.of(14, 30));
        // 14:30 in July is 13:30 UTC (British Summer Time).
        assertThat(FormInput.instant(LocalDate.of(2026, 7, 1), time)).isEqualTo(Instant.parse("2026-07-01T13:30:00Z"));
        assertThat(FormInput.time(errors, "late", "the time", true, "25:00")).isNull();
        assertThat(errors.message("late")).isEqualTo("Time must be a real time in 24-hour format, like 14:30");
    }

    @Test
    void a_choice_is_one_of_the_constants_or_nothing() {
        assertThat(FormInput.choice(DecisionOutcome.class, "EARLY_HELP")).isEqualTo(DecisionOutcome.EARLY_HELP);
        assertThat(FormInput.choice(DecisionOutcome.class, "DROP TABLE")).isNull();
        assertThat(FormInput.choice(DecisionOutcome.class, null)).isNull();
    }

    @Test
    void a_row_with_anything_filled_needs_every_field_and_an_empty_row_is_skipped() {
        FormErrors errors = new FormErrors("test");
        assertThat(FormInput.row(errors, "attendee-0", false,
                new FormInput.RowField("name", "DS Example", "Enter the name"),
                new FormInput.RowField("role", null, "Enter the role"))).isTrue();
        assertThat(errors.message("attendee-0-role")).isEqualTo("Enter the role");
        assertThat(errors.has("attendee-0-name")).isFalse();
        assertThat(errors.value("attendee-0-name")).isEqualTo("DS Example");

        assertThat(FormInput.row(errors, "attendee-1", false,
                new FormInput.RowField("name", null, "Enter the name"))).isFalse();
        assertThat(errors.has("attendee-1-name")).isFalse();

        // Only a due date given: still a row, so its description is missing.
        assertThat(FormInput.row(errors, "action-0", true,
                new FormInput.RowField("description", null, "Enter what action 1 is"))).isTrue();
        assertThat(errors.message("action-0-description")).isEqualTo("Enter what action 1 is");
    }
}
