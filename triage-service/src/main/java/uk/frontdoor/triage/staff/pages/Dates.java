package uk.frontdoor.triage.staff.pages;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as staff read them: clock time in England, whatever the server's zone. Templates call it as
 * {@code ${@dates.time(instant)}}; {@code iso} fills a {@code <time datetime>} attribute.
 */
@Component("dates")
public class Dates {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ENGLAND);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
