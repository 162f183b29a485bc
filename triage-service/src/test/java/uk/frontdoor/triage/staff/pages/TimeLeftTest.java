package uk.frontdoor.triage.staff.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLeftTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "{0} minutes from now: {1}")
    @CsvSource({
            "200, Due in 3 hours 20 minutes, false",
            "180, Due in 3 hours, false",
            "61, Due in 1 hour 1 minute, false",
            "45, Due in 45 minutes, false",
            "0, Due in less than a minute, false",
            "-1, Overdue by 1 minute, true",
            "-125, Overdue by 2 hours 5 minutes, true",
            "-1560, Overdue by 1 day 2 hours, true",
            "2890, Due in 2 days, false"})
    void says_how_long_is_left_or_how_long_overdue_in_its_two_largest_units(long minutes, String text, boolean overdue) {
        TimeLeft left = TimeLeft.until(NOW.plus(Duration.ofMinutes(minutes)), NOW);
        assertThat(left.text()).isEqualTo(text);
        assertThat(left.overdue()).isEqualTo(overdue);
    }
}
