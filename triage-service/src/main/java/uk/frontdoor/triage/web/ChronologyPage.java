package uk.frontdoor.triage.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.ChildChronology;
import uk.frontdoor.triage.api.ChildId;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.chronology.ChronologyFilter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A child's chronology as a page: every entry for the child and any record linked to them, oldest
 * first, filtered by type and date, printable, and exportable as CSV. Each view and each export is
 * recorded before anything is shown. Filters travel as GET parameters of codes and dates only.
 */
@Controller
class ChronologyPage {

    private final StaffDesk desk;
    private final RecordViews views;
    private final Labels labels;

    ChronologyPage(StaffDesk desk, RecordViews views, Labels labels) {
        this.desk = desk;
        this.views = views;
        this.labels = labels;
    }

    /** A type the filter offers, with its words and whether it is ticked. */
    record TypeOption(String type, String label, boolean checked) {
    }

    @GetMapping("/children/{childId}/chronology")
    String chronology(Authentication who, @PathVariable String childId,
                      @RequestParam(name = "type", required = false) List<String> types,
                      @RequestParam(name = "from-day", required = false) String fromDay,
                      @RequestParam(name = "from-month", required = false) String fromMonth,
                      @RequestParam(name = "from-year", required = false) String fromYear,
                      @RequestParam(name = "to-day", required = false) String toDay,
                      @RequestParam(name = "to-month", required = false) String toMonth,
                      @RequestParam(name = "to-year", required = false) String toYear,
                      Model model) {
        desk.actor(who);
        ChildId child = ContactIds.child(childId);
        FormErrors errors = new FormErrors("filter");
        LocalDate from = FormInput.date(errors, "from", "the first date", false, fromDay, fromMonth, fromYear);
        LocalDate to = FormInput.date(errors, "to", "the last date", false, toDay, toMonth, toYear);
        ChronologyFilter filter = new ChronologyFilter(known(types), from, to);
        if (filter.problem() != null) {
            errors.add("to-day", "The last date must be the same as or after the first date");
        }
        ChildChronology chronology = load(child, who, "chronology page" + filter.describe());
        ChildChronology shown = errors.any() ? chronology : filter.apply(chronology);

        model.addAttribute("childId", child.value());
        model.addAttribute("chronology", shown);
        model.addAttribute("total", chronology.entries().size());
        model.addAttribute("filtered", !filter.types().isEmpty() || from != null || to != null);
        model.addAttribute("typeOptions", ChronologyFilter.TYPES.stream()
                .map(type -> new TypeOption(type, labels.of("type", type), filter.types().contains(type)))
                .sorted(Comparator.comparing(TypeOption::label))
                .toList());
        model.addAttribute("csvUrl", csvUrl(child, filter));
        model.addAttribute("filterForm", errors);
        if (errors.any()) {
            model.addAttribute("errors", errors);
        }
        return "chronology";
    }

    @GetMapping("/children/{childId}/chronology.csv")
    ResponseEntity<byte[]> export(Authentication who, @PathVariable String childId,
                                  @RequestParam(name = "type", required = false) List<String> types,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        desk.actor(who);
        ChildId child = ContactIds.child(childId);
        ChronologyFilter filter = new ChronologyFilter(known(types), isoDate(from), isoDate(to));
        if (filter.problem() != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ChildChronology chronology = filter.apply(load(child, who, "chronology export (CSV)" + filter.describe()));
        // A byte-order mark, so that spreadsheets read the UTF-8 (names with accents) correctly.
        byte[] body = ("\uFEFF" + ChronologyCsv.of(chronology.entries(), labels)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                // A generic file name: nothing about the child in it.
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("chronology.csv").build().toString())
                .body(body);
    }

    /** The chronology, after recording the view of it (and of every linked record shown with it). */
    private ChildChronology load(ChildId child, Authentication who, String what) {
        ChildChronology chronology = desk.chronology(child)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        views.record(child, who, what);
        chronology.linkedChildren().forEach(linked -> views.record(linked, who, what + " via linked record " + child));
        return chronology;
    }

    /** Only types the chronology knows; a tampered address cannot smuggle anything else through. */
    private static Set<String> known(List<String> types) {
        return types == null ? Set.of()
                : types.stream().filter(ChronologyFilter.TYPES::contains).collect(java.util.stream.Collectors.toSet());
    }

    private static LocalDate isoDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException notADate) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static String csvUrl(ChildId child, ChronologyFilter filter) {
        var url = UriComponentsBuilder.fromPath("/children/{child}/chronology.csv");
        filter.types().forEach(type -> url.queryParam("type", type));
        if (filter.from() != null) {
            url.queryParam("from", filter.from());
        }
        if (filter.to() != null) {
            url.queryParam("to", filter.to());
        }
        return url.buildAndExpand(child.value()).encode().toUriString();
    }
}
