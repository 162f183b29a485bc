package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.staff.pages.Dates;

import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.ChildEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which of a child's chronology entries to show: some types, between two days (in England). Shared
 * by the staff API and the staff pages, so both narrow a chronology, and record what was asked for,
 * the same way.
 *
 * @param types only entries of these types (event simple class names); empty for every type
 * @param from  only entries on or after this day; null for no limit
 * @param to    only entries on or before this day; null for no limit
 */
public record ChronologyFilter(Set<String> types, LocalDate from, LocalDate to) implements Predicate<ChildChronology.Entry> {

    /** Dates in filters are days in England. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** Every type a chronology entry can have: the events a child's stream can hold. */
    public static final Set<String> TYPES = Arrays.stream(ChildEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    public ChronologyFilter {
        types = types == null ? Set.of() : new TreeSet<>(types);
    }

    /** Null when the filter is sound, else why not (written here, never quoting the input). */
    public String problem() {
        if (!TYPES.containsAll(types)) {
            return "Each type must be one of the chronology's event types, e.g. ContactReceived.";
        }
        if (from != null && to != null && from.isAfter(to)) {
            return "'from' is after 'to'.";
        }
        return null;
    }

    /** The query parameter {@link #problem()} is about ({@code type} or {@code from}); null when the filter is sound. */
    public String problemParameter() {
        if (!TYPES.containsAll(types)) {
            return "type";
        }
        return problem() == null ? null : "from";
    }

    @Override
    public boolean test(ChildChronology.Entry entry) {
        if (!types.isEmpty() && !types.contains(entry.type())) {
            return false;
        }
        if (from != null && entry.at().isBefore(from.atStartOfDay(ENGLAND).toInstant())) {
            return false;
        }
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ENGLAND).toInstant();
        return end == null || entry.at().isBefore(end);
    }

    public ChildChronology apply(ChildChronology chronology) {
        return new ChildChronology(chronology.childId(), chronology.linkedChildren(),
                chronology.entries().stream().filter(this).toList());
    }

    /** For the record of views: e.g. " (types ContactReceived; from 2026-01-01)", or "" for no filter. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!types.isEmpty()) {
            parts.add("types " + String.join(", ", types));
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
