package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.Labels;

import uk.frontdoor.triage.api.query.ChildChronology;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A chronology as CSV (RFC 4180) for a spreadsheet or a case file. Cells that a spreadsheet would
 * run as a formula (starting =, +, -, @, tab or carriage return) are prefixed with an apostrophe:
 * entries can carry text that arrived from outside, and opening an export must never run it.
 */
final class ChronologyCsv {

    static final String HEADER = "When (England),Record,Contact,Type,Summary,By,Role,Agency";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK)
            .withZone(Dates.ENGLAND);

    private ChronologyCsv() {
    }

    static String of(List<ChildChronology.Entry> entries, Labels labels) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ChildChronology.Entry entry : entries) {
            row(csv, WHEN.format(entry.at()), entry.childId().value(),
                    entry.contactId() == null ? "" : entry.contactId().value(), labels.of("type", entry.type()),
                    entry.summary(), entry.actorUserId(), labels.of("role", entry.actorRole()), entry.actorAgency());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
