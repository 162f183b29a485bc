package uk.frontdoor.triage.staff.review;

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
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.time.LocalDate;

/**
 * The practice review pack on the pages, for managers: a form for the period, then the pack as a printable page
 * with a link to the same pack as a PDF. Each pack produced is recorded in the record of views.
 */
@Controller
@StaffPage
class ReviewPackPage {

    private final StaffDesk desk;
    private final ReviewPacks packs;

    ReviewPackPage(StaffDesk desk, ReviewPacks packs) {
        this.desk = desk;
        this.packs = packs;
    }

    /** Without a period, the form; with one (GOV.UK date inputs, or ISO {@code from} and {@code to}), the pack. */
    @GetMapping("/children/{childId}/review-pack")
    String pack(Authentication who, @PathVariable String childId,
                @RequestParam(name = "from-day", required = false) String fromDay,
                @RequestParam(name = "from-month", required = false) String fromMonth,
                @RequestParam(name = "from-year", required = false) String fromYear,
                @RequestParam(name = "to-day", required = false) String toDay,
                @RequestParam(name = "to-month", required = false) String toMonth,
                @RequestParam(name = "to-year", required = false) String toYear,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Model model) {
        var manager = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        model.addAttribute("childId", child.value());
        FormErrors errors = new FormErrors("review-pack");
        model.addAttribute("packForm", errors);
        boolean typed = fromDay != null || fromMonth != null || fromYear != null || toDay != null || toMonth != null
                || toYear != null;
        if (typed) {
            LocalDate start = FormInput.date(errors, "from", "the first day", true, fromDay, fromMonth, fromYear);
            LocalDate end = FormInput.date(errors, "to", "the last day", true, toDay, toMonth, toYear);
            from = start == null ? null : start.toString();
            to = end == null ? null : end.toString();
        } else if (from == null && to == null) {
            return "review-pack-form";
        }
        ReviewPacks.Period period = null;
        if (!errors.any()) {
            try {
                period = packs.period(from, to);
            } catch (ReviewPacks.PeriodRefused refused) {
                errors.add(refused.field() + "-day", "The " + (refused.field().equals("from") ? "first" : "last")
                        + " day " + refused.getMessage().replace("from", "the first day"));
            }
        }
        if (period == null) {
            model.addAttribute("errors", errors);
            return "review-pack-form";
        }
        ReviewPack pack = packs.produce(manager, child, period, "page")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAllAttributes(packs.model(pack, UriComponentsBuilder.fromPath("/children/{child}/review-pack.pdf")
                .queryParam("from", period.from()).queryParam("to", period.to())
                .buildAndExpand(child.value()).encode().toUriString()));
        return "review-pack";
    }

    @GetMapping("/children/{childId}/review-pack.pdf")
    ResponseEntity<byte[]> pdf(Authentication who, @PathVariable String childId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var manager = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        ReviewPacks.Period period;
        try {
            period = packs.period(from, to);
        } catch (ReviewPacks.PeriodRefused refused) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ReviewPack pack = packs.produce(manager, child, period, "PDF")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("review-pack.pdf").build().toString())
                .body(packs.pdf(pack));
    }
}
