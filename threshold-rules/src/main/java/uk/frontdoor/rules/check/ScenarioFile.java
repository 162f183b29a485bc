package uk.frontdoor.rules.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.frontdoor.rules.ChildHistory;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.rules.PriorContact;
import uk.frontdoor.rules.Priority;
import uk.frontdoor.rules.WorkingCalendar;

/**
 * Reads a scenarios file: CSV with a header row, {@code #} comment lines, no quoting (cells never contain commas;
 * lists inside a cell are separated by {@code ;}). Columns (see docs/threshold-rules.md):
 *
 * <pre>
 * name, receivedAt, source, factors, indicators, age, sex, immediateRisk,
 * priorContacts, missingEpisodes, cpPlans, openTo, level, priority, mustFire, mustNotFire, flags
 * </pre>
 *
 * <ul>
 *   <li>receivedAt: London local time {@code 2026-03-10T10:00} or an instant {@code 2026-03-10T10:00:00Z}</li>
 *   <li>age: whole years, or {@code unborn}</li>
 *   <li>priorContacts: {@code ;}-separated; each {@code <days>d} before receipt, {@code R} if it became a referral,
 *       then optionally {@code :} and {@code +}-separated codes, e.g. {@code 40dR:3B+CHILD_PRESENT}</li>
 *   <li>missingEpisodes: {@code ;}-separated {@code <days>d} before receipt</li>
 *   <li>openTo: empty, {@code EARLY_HELP}, {@code SOCIAL_CARE} or {@code BOTH}</li>
 * </ul>
 */
public final class ScenarioFile {

    static final List<String> COLUMNS = List.of("name", "receivedAt", "source", "factors", "indicators", "age", "sex",
            "immediateRisk", "priorContacts", "missingEpisodes", "cpPlans", "openTo", "level", "priority", "mustFire",
            "mustNotFire", "flags");

    private ScenarioFile() {
    }

    public static List<Scenario> read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Scenario> parse(String fileName, List<String> lines) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = cells;
                if (!header.equals(COLUMNS)) {
                    throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": header must be " + String.join(",", COLUMNS));
                }
                continue;
            }
            if (cells.size() != COLUMNS.size()) {
                throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": expected " + COLUMNS.size() + " cells, found " + cells.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                row.put(COLUMNS.get(c), cells.get(c));
            }
            try {
                scenarios.add(scenario(row, i + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return scenarios;
    }

    private static Scenario scenario(Map<String, String> row, int line) {
        Instant receivedAt = instant(row.get("receivedAt"));
        String age = row.get("age");
        boolean unborn = age.equalsIgnoreCase("unborn");
        Integer years = unborn || age.isEmpty() ? null : Integer.valueOf(age);
        ContactFacts contact = new ContactFacts(receivedAt, emptyToNull(row.get("source")), list(row.get("factors"), ";"),
                list(row.get("indicators"), ";"), years, unborn, emptyToNull(row.get("sex")),
                Boolean.parseBoolean(row.get("immediateRisk")));

        List<PriorContact> prior = new ArrayList<>();
        for (String entry : list(row.get("priorContacts"), ";")) {
            String[] parts = entry.split(":", 2);
            String when = parts[0];
            boolean referral = when.endsWith("R");
            Instant at = daysBefore(receivedAt, referral ? when.substring(0, when.length() - 1) : when);
            Set<String> factors = new HashSet<>();
            Set<String> indicators = new HashSet<>();
            if (parts.length == 2) {
                for (String code : list(parts[1], "\\+")) {
                    (CinFactor.isKnown(code) ? factors : indicators).add(code);
                }
            }
            prior.add(new PriorContact(at, factors, indicators, referral));
        }
        List<Instant> missing = new ArrayList<>();
        for (String entry : list(row.get("missingEpisodes"), ";")) {
            missing.add(daysBefore(receivedAt, entry));
        }
        String openTo = row.get("openTo");
        if (!Set.of("", "EARLY_HELP", "SOCIAL_CARE", "BOTH").contains(openTo)) {
            throw new IllegalArgumentException("openTo must be empty, EARLY_HELP, SOCIAL_CARE or BOTH");
        }
        int cpPlans = row.get("cpPlans").isEmpty() ? 0 : Integer.parseInt(row.get("cpPlans"));
        ChildHistory history = new ChildHistory(prior, missing, cpPlans,
                openTo.equals("EARLY_HELP") || openTo.equals("BOTH"), openTo.equals("SOCIAL_CARE") || openTo.equals("BOTH"));

        return new Scenario(row.get("name"), line, contact, history, Integer.parseInt(row.get("level")),
                Priority.valueOf(row.get("priority")), List.copyOf(list(row.get("mustFire"), ";")),
                List.copyOf(list(row.get("mustNotFire"), ";")), List.copyOf(list(row.get("flags"), ";")));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            return LocalDateTime.parse(text).atZone(WorkingCalendar.LONDON).toInstant();
        }
    }

    private static Instant daysBefore(Instant receivedAt, String days) {
        if (!days.endsWith("d")) {
            throw new IllegalArgumentException("'" + days + "' must be a number of days followed by d, e.g. 30d");
        }
        return receivedAt.minus(Duration.ofDays(Long.parseLong(days.substring(0, days.length() - 1))));
    }

    private static Set<String> list(String cell, String separator) {
        Set<String> values = new java.util.LinkedHashSet<>();
        if (cell != null && !cell.isBlank()) {
            for (String v : cell.split(separator)) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        return values;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
