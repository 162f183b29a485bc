package uk.frontdoor.triage.timeliness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.rules.OfficeHours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;

/**
 * The council's office hours, which working-hour clocks count (see {@code WorkingCalendar}). Checked while the
 * configuration is bound, so an empty or inverted setting stops start-up with a message saying what is wrong.
 *
 * @param days   the office days of the week (default MONDAY to FRIDAY); bank holidays are never office days
 * @param opens  opening time, {@code HH:mm} (default 09:00)
 * @param closes closing time, {@code HH:mm}, later the same day (default 17:00)
 * @param zone   the time zone the times are in (default Europe/London)
 */
@ConfigurationProperties("frontdoor.office-hours")
public record OfficeHoursProperties(@DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> days,
                                    @DefaultValue("09:00") String opens, @DefaultValue("17:00") String closes,
                                    @DefaultValue("Europe/London") String zone) {

    public OfficeHoursProperties {
        officeHours(days, opens, closes, zone);
    }

    public OfficeHours officeHours() {
        return officeHours(days, opens, closes, zone);
    }

    private static OfficeHours officeHours(List<DayOfWeek> days, String opens, String closes, String zone) {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException(
                    "frontdoor.office-hours.days is empty: name at least one office day (e.g. MONDAY to FRIDAY)");
        }
        return new OfficeHours(EnumSet.copyOf(days), time("opens", opens), time("closes", closes), zoneId(zone));
    }

    private static LocalTime time(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("frontdoor.office-hours." + name + " is empty: write a time such as 09:00");
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("frontdoor.office-hours." + name + " is not a time of day: write it as HH:mm, e.g. 09:00");
        }
    }

    private static ZoneId zoneId(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("frontdoor.office-hours.zone is not a time zone: write it like Europe/London");
        }
    }
}
