package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

/**
 * The rules no JSON Schema can say, run over the normalised tree after the schema check. A field the schema
 * already faulted is skipped: it may not even be a string.
 *
 * <ul>
 *   <li>Dates and times must be real ones (the schema's patterns give only their shape; {@code format} is an
 *       annotation in draft 2020-12, and RFC 3339's date-time would refuse the minutes-only times we take).</li>
 *   <li>A child is under 18 on the day of receipt (Europe/London). Care leavers and young adults go to
 *       other services, not the children's front door.</li>
 *   <li>An unborn child's expected date may be up to 14 days past (a pregnancy is only post-term after
 *       42 weeks) and up to 10 months ahead.</li>
 *   <li>Nobody is born in the future, and a referrer cannot have been aware of a concern more than
 *       10 months before the child's (expected) birth.</li>
 *   <li>The NHS number's modulus-11 check digit.</li>
 *   <li>Indicators come from the front door's vocabulary, which belongs to the threshold rules.</li>
 *   <li>A correction names another submission than itself (whether the agency sent it is the registry's to say).</li>
 * </ul>
 */
final class SemanticChecks {

    static final String REAL_DATE = "must be a real date in the form YYYY-MM-DD";
    static final String DATE_TIME = "must be a date and time with an offset, such as 2026-11-20T21:40:00Z";

    /** Dates of birth and "today" are English dates, whatever the server's zone. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int ADULT_AGE = 18;
    static final int UNBORN_OVERDUE_DAYS = 14;
    static final int GESTATION_MONTHS = 10;

    private final Predicate<String> knownIndicator;

    SemanticChecks(Predicate<String> knownIndicator) {
        this.knownIndicator = knownIndicator;
    }

    void check(JsonNode submission, Instant now, Violations violations) {
        LocalDate today = LocalDate.ofInstant(now, LONDON);
        LocalDate birth = child(submission.path("child"), today, violations);
        JsonNode household = submission.path("household");
        for (int i = 0; household.isArray() && i < household.size(); i++) {
            String path = FieldPaths.item("household", i) + ".dateOfBirth";
            LocalDate born = date(household.get(i).path("dateOfBirth"), path, violations);
            if (born != null && born.isAfter(today)) {
                violations.add(path, "must not be in the future");
            }
        }
        JsonNode indicators = submission.path("concerns").path("indicators");
        for (int i = 0; indicators.isArray() && i < indicators.size(); i++) {
            String path = FieldPaths.item("concerns.indicators", i);
            String code = text(indicators.get(i), path, violations);
            if (code != null && !knownIndicator.test(code)) {
                violations.add(path, "is not a known indicator");
            }
        }
        awareSince(text(submission.path("awareSince"), "awareSince", violations), now, birth, violations);
        String corrects = text(submission.path("corrects"), "corrects", violations);
        if (corrects != null && corrects.equals(text(submission.path("submissionId"), "submissionId", violations))) {
            violations.add("corrects", "must name an earlier submission, not this one");
        }
    }

    /** @return the child's date of birth, or expected date of birth, when it is valid; otherwise null */
    private static LocalDate child(JsonNode child, LocalDate today, Violations violations) {
        LocalDate born = date(child.path("dateOfBirth"), "child.dateOfBirth", violations);
        if (born != null && born.isAfter(today)) {
            violations.add("child.dateOfBirth", "must not be in the future");
            born = null;
        } else if (born != null && !born.isAfter(today.minusYears(ADULT_AGE))) {
            // minusYears keeps a 29 February birthday's 18th on 1 March, as English law has it.
            violations.add("child.dateOfBirth", "gives an age of 18 or over: the front door takes children only");
            born = null;
        }
        LocalDate expected = date(child.path("expectedDateOfBirth"), "child.expectedDateOfBirth", violations);
        if (expected != null && expected.isBefore(today.minusDays(UNBORN_OVERDUE_DAYS))) {
            violations.add("child.expectedDateOfBirth", "must not be more than " + UNBORN_OVERDUE_DAYS
                    + " days in the past (if the child has been born, give dateOfBirth)");
            expected = null;
        } else if (expected != null && expected.isAfter(today.plusMonths(GESTATION_MONTHS))) {
            violations.add("child.expectedDateOfBirth", "must not be more than " + GESTATION_MONTHS + " months ahead");
            expected = null;
        }
        String nhsNumber = text(child.path("nhsNumber"), "child.nhsNumber", violations);
        if (nhsNumber != null && !NhsNumber.isValid(nhsNumber.replace(" ", ""))) {
            violations.add("child.nhsNumber", "is not a valid NHS number (check digit)");
        }
        return born != null ? born : expected;
    }

    private static void awareSince(String raw, Instant now, LocalDate birth, Violations violations) {
        if (raw == null) {
            return;
        }
        Instant awareSince;
        try {
            awareSince = OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            violations.add("awareSince", DATE_TIME);
            return;
        }
        if (awareSince.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add("awareSince", "must not be in the future");
        } else if (birth != null
                && awareSince.isBefore(birth.minusMonths(GESTATION_MONTHS).atStartOfDay(LONDON).toInstant())) {
            violations.add("awareSince", "must not be more than " + GESTATION_MONTHS
                    + " months before the child's (expected) date of birth");
        }
    }

    /** A real calendar date, or null (reported) when the string is not one. */
    private static LocalDate date(JsonNode value, String path, Violations violations) {
        String text = text(value, path, violations);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            violations.add(path, REAL_DATE);
            return null;
        }
    }

    /** The string at a field the schema passed, or null (absent, null, or already faulted). */
    private static String text(JsonNode value, String path, Violations violations) {
        return value.isTextual() && !violations.has(path) ? value.textValue() : null;
    }
}
