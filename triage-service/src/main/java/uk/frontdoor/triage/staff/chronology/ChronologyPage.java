package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.staff.asat.AsAtControl;
import uk.frontdoor.triage.staff.asat.AsAtRecords;
import java.time.Clock;
import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ConcernCategory;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.StaffPage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.rules.Indicator;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.value.Actor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A child's chronology as a page: every entry for the child and any record linked to them, oldest
 * first, filtered by type and date, printable, and exportable as CSV. Each view and each export is
 * recorded before anything is shown. Filters travel as GET parameters of codes and dates only.
 * The page's two forms, which act on the record as a whole, are posted to {@link ChildRecordPage}.
 */
@Controller
@StaffPage
class ChronologyPage {

    private final StaffDesk desk;
    private final RecordViews views;
    private final Labels labels;
    private final Placeholders placeholders;

    private final AsAtRecords asAtRecords;
    private final Clock clock;

    ChronologyPage(StaffDesk desk, RecordViews views, Labels labels, Placeholders placeholders, AsAtRecords asAtRecords,
                   Clock clock) {
        this.asAtRecords = asAtRecords;
        this.clock = clock;
        this.placeholders = placeholders;
        this.desk = desk;
        this.views = views;
        this.labels = labels;
    }

    /** A type the filter offers, with its words and whether it is ticked. */
    record TypeOption(String type, String label, boolean checked) {
    }

    /** The census factors in census order (the queue's categories), then any the rules know besides. */
    static final List<String> FACTORS = Stream.concat(
                    Arrays.stream(ConcernCategory.values()).flatMap(category -> category.factors().stream()),
                    CinFactor.CODES.stream().sorted())
            .filter(CinFactor::isKnown).distinct().toList();
    /** The rules' indicators, in the rules' own order (grouped: domestic abuse, exploitation, missing …). */
    static final List<String> INDICATORS = Arrays.stream(Indicator.values()).map(Enum::name).toList();
    static final List<String> YES_NO = List.of("YES", "NO");
    /** Census factor 21 ("no factors identified") stands alone, as the census and the submission schema say. */
    static final String NO_FACTORS = "21";
    /** Views listed on the page for managers; the API lists more. */
    static final int RECENT_VIEWS = 20;

    /** The filter form as typed: types ticked, and two optional dates as GOV.UK date inputs. */
    record FilterForm(@BindParam("type") List<String> types,
                      @BindParam("from-day") String fromDay, @BindParam("from-month") String fromMonth,
                      @BindParam("from-year") String fromYear, @BindParam("to-day") String toDay,
                      @BindParam("to-month") String toMonth, @BindParam("to-year") String toYear) {
    }

    @GetMapping("/children/{childId}/chronology")
    String chronology(Authentication who, @PathVariable String childId, @ModelAttribute("filterInput") FilterForm form,
                      @ModelAttribute("asAtInput") AsAtControl.Input asAtInput, Model model) {
        Actor me = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        FormErrors errors = new FormErrors("filter");
        LocalDate from = FormInput.date(errors, "from", "the first date", false, form.fromDay(), form.fromMonth(),
                form.fromYear());
        LocalDate to = FormInput.date(errors, "to", "the last date", false, form.toDay(), form.toMonth(),
                form.toYear());
        ChronologyFilter filter = new ChronologyFilter(known(form.types()), from, to);
        if (filter.problem() != null) {
            errors.add("to-day", "The last date must be the same as or after the first date");
        }
        // The record as it stood at a past moment, when the "as at" control asks for one.
        AsAtControl.Moment moment = AsAtControl.read(asAtInput, clock.instant());
        ChildChronology chronology = null;
        if (moment.asked()) {
            chronology = asAtRecords.show(me, child, null, moment.at(), "chronology page" + filter.describe(), false)
                    .map(shown -> shown.record().chronology()).orElse(null);
            if (chronology == null) {
                moment.errors().add("as-at-day", "The record had nothing in it yet at that moment");
                moment = new AsAtControl.Moment(null, moment.errors());
            }
        }
        if (chronology == null) {
            chronology = load(child, who, "chronology page" + filter.describe());
        }
        ChildChronology shown = errors.any() ? chronology : filter.apply(chronology);
        model.addAttribute("asAt", moment.at());
        model.addAttribute("asAtWords", moment.asked() ? AsAtControl.words(moment.at()) : null);
        model.addAttribute("asAtForm", moment.errors());
        model.addAttribute("liveUrl", "/children/" + child.value() + "/chronology");

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
        model.addAttribute("linkedChildren", chronology.linkedChildren());
        model.addAttribute("openToEarlyHelp", openToEarlyHelp(chronology, child));
        model.addAttribute("factorCodes", FACTORS);
        model.addAttribute("indicatorCodes", INDICATORS);
        model.addAttribute("yesNo", YES_NO);
        if (me.role().may(StaffPermission.OVERSEE)) {
            // Managers see who has looked at the record, this view included.
            model.addAttribute("recentViews", views.recent(child, RECENT_VIEWS));
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
        } else if (moment.errors().any()) {
            model.addAttribute("errors", moment.errors());
        }
        return "chronology";
    }

    /**
     * Whether the child's own latest decision was early help, as the step-up command requires: the
     * latest authorised decision in this record (not a linked one), read from that contact's view.
     */
    private boolean openToEarlyHelp(ChildChronology chronology, ChildId child) {
        Optional<ContactId> latestDecided = chronology.entries().stream()
                .filter(entry -> entry.childId().equals(child) && "ProposalAuthorised".equals(entry.type())
                        && entry.contactId() != null)
                .map(ChildChronology.Entry::contactId)
                .reduce((first, second) -> second);
        return latestDecided.flatMap(desk::status)
                .map(view -> view.work().decision() != null
                        && view.work().decision().outcome() == DecisionOutcome.EARLY_HELP)
                .orElse(false);
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
        // Entries of records and contacts restricted from the viewer keep their place and say nothing.
        ChildChronology shown = placeholders.chronology(desk.actor(who), chronology);
        views.record(child, chronology.linkedChildren(), who, what + withheldNote(chronology, shown));
        return shown;
    }

    /** Said in the record of views when something was withheld, so managers see who came across it. */
    static String withheldNote(ChildChronology found, ChildChronology shown) {
        return found.equals(shown) ? "" : " (restricted entries withheld)";
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
