package uk.frontdoor.triage.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.rules.Indicator;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.chronology.ChronologyFilter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A child's chronology as a page: every entry for the child and any record linked to them, oldest
 * first, filtered by type and date, printable, and exportable as CSV. Each view and each export is
 * recorded before anything is shown. Filters travel as GET parameters of codes and dates only.
 * Two forms act on the record as a whole: link another record found to be the same child, and step
 * a child whose latest decision was early help up to social care (a new contact, whose page follows).
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
        model.addAttribute("linkedChildren", chronology.linkedChildren());
        model.addAttribute("openToEarlyHelp", openToEarlyHelp(chronology, child));
        model.addAttribute("factorCodes", FACTORS);
        model.addAttribute("indicatorCodes", INDICATORS);
        model.addAttribute("yesNo", YES_NO);
        if (errors.any()) {
            model.addAttribute("errors", errors);
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

    // ----- the forms -----

    /** Links another record found to be the same child; each chronology then shows both histories. */
    @PostMapping("/children/{childId}/links")
    String link(Authentication who, @PathVariable String childId, @RequestParam(required = false) String other,
                @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Actor me = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        String back = "redirect:/children/" + child.value() + "/chronology";
        FormErrors errors = new FormErrors("link").keep("link-other", other).keep("link-reason", reason);
        String typed = FormInput.text(other);
        if (typed == null) {
            errors.add("link-other", "Enter the reference of the other record");
        } else if (!ContactIds.valid(typed)) {
            errors.add("link-other", "Enter the other record's reference in full, as its chronology shows it");
        }
        if (FormInput.text(reason) == null) {
            errors.add("link-reason", "Enter why the records are one child");
        }
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        ChildId otherChild = ContactIds.child(typed);
        try {
            desk.send(new LinkChildRecords(child, otherChild, FormInput.text(reason), me));
        } catch (AggregateNotFoundException unknown) {
            flash.addFlashAttribute("errors", errors.add("link-other", "No child's record has that reference"));
            return back;
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(
                    refused.refusal() == Refusal.REASON_REQUIRED ? "link-reason" : "link-other",
                    RefusalMessages.of(refused)));
            return back;
        }
        boolean shown = desk.awaitVisible(() -> desk.chronology(child)
                .filter(found -> found.linkedChildren().contains(otherChild)).isPresent());
        flash.addFlashAttribute("success", Notices.done("Records linked", shown));
        return back;
    }

    /**
     * Steps the child up from early help: a new contact, carrying the early-help history, is received
     * and assessed like any other, and the worker is taken to it.
     */
    @PostMapping("/children/{childId}/step-up")
    String stepUp(Authentication who, @PathVariable String childId,
                  @RequestParam(required = false) String summary, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) List<String> factors,
                  @RequestParam(required = false) List<String> indicators,
                  @RequestParam(name = "immediate-risk", required = false) String immediateRisk,
                  RedirectAttributes flash) {
        Actor me = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        String back = "redirect:/children/" + child.value() + "/chronology";
        List<String> chosenFactors = factors == null ? List.of() : List.copyOf(new LinkedHashSet<>(factors));
        List<String> chosenIndicators = indicators == null ? List.of() : List.copyOf(new LinkedHashSet<>(indicators));
        FormErrors errors = new FormErrors("step-up").keep("step-up-summary", summary).keep("step-up-reason", reason)
                .keep("step-up-factors", String.join(",", chosenFactors))
                .keep("step-up-indicators", String.join(",", chosenIndicators))
                .keep("step-up-risk", immediateRisk);
        if (FormInput.text(summary) == null) {
            errors.add("step-up-summary", "Enter what early help did and found");
        }
        if (FormInput.text(reason) == null) {
            errors.add("step-up-reason", "Enter why early help is no longer enough");
        }
        if (chosenFactors.isEmpty()) {
            errors.add("step-up-factors", "Select the factors of the concern, or No factors identified");
        } else if (!chosenFactors.stream().allMatch(FACTORS::contains)) {
            errors.add("step-up-factors", "Select factors from the list");
        } else if (chosenFactors.contains(NO_FACTORS) && chosenFactors.size() > 1) {
            errors.add("step-up-factors", "No factors identified cannot be selected with other factors");
        }
        if (!chosenIndicators.stream().allMatch(INDICATORS::contains)) {
            errors.add("step-up-indicators", "Select indicators from the list");
        }
        String risk = FormInput.text(immediateRisk);
        if (risk == null || !YES_NO.contains(risk)) {
            errors.add("step-up-risk", "Select whether the child is at immediate risk");
        }
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        ContactAccepted accepted;
        try {
            accepted = desk.send(new StepUpFromEarlyHelp(child, FormInput.text(summary), FormInput.text(reason),
                    chosenFactors, chosenIndicators, "YES".equals(risk), me));
        } catch (AggregateNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(
                    refused.refusal() == Refusal.REASON_REQUIRED ? "step-up-reason" : "step-up-summary",
                    RefusalMessages.of(refused)));
            return back;
        }
        ContactId contact = accepted.contactId();
        // The new contact's page shows the rules' assessment: wait (briefly) until its view has it.
        boolean shown = desk.awaitVisible(contact, view -> view.threshold() != null);
        flash.addFlashAttribute("success", Notices.done("Stepped up from early help: this is the new contact, "
                + "assessed by the threshold rules", shown));
        return "redirect:/contacts/" + contact.value();
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
