package uk.frontdoor.triage.staff.erasure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.command.AuthoriseErasure;
import uk.frontdoor.triage.api.command.LiftLegalHold;
import uk.frontdoor.triage.api.command.PlaceLegalHold;
import uk.frontdoor.triage.api.command.RequestErasure;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.erasure.ErasureRecords;
import uk.frontdoor.triage.retention.RetentionReview;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.subjectaccess.SubjectAccess;

/**
 * The data protection pages, for managers: a child's record's erasure (record the decision, or authorise another
 * manager's: four eyes), its legal holds (place, lift), and its subject access bundle (JSON, PDF); and an overview
 * of the erasures waiting for a second manager and of what the retention schedule's runs did. The same commands as
 * the API ({@link ErasureController}).
 */
@Controller
@StaffPage
class DataProtectionPage {

    private static final String PAGE = "data-protection";

    private final StaffDesk desk;
    private final ErasureRecords erasures;
    private final RetentionReview retention;
    private final SubjectAccess access;

    DataProtectionPage(StaffDesk desk, ErasureRecords erasures, RetentionReview retention, SubjectAccess access) {
        this.desk = desk;
        this.erasures = erasures;
        this.retention = retention;
        this.access = access;
    }

    record ErasureForm(String reason, String legalBasis, String reference) {
    }

    record HoldForm(String kind, String reason) {
    }

    record LiftForm(String holdId, String reason) {
    }

    @GetMapping("/children/{childId}/data-protection")
    String page(Authentication who, @PathVariable String childId, Model model) {
        Actor manager = desk.actor(who);
        ChildId child = ContactIds.child(childId);
        model.addAttribute("childId", child.value());
        var erased = erasures.erased(child);
        model.addAttribute("erased", erased.orElse(null));
        model.addAttribute("erasedInWords", erased.map(ErasureRecords.Erased::inWords).orElse(null));
        model.addAttribute("pending", erasures.pending(child).orElse(null));
        model.addAttribute("holds", erasures.holds(child));
        model.addAttribute("reasons", ErasureRequested.Reason.values());
        model.addAttribute("legalBases", ErasureRequested.LegalBasis.values());
        model.addAttribute("holdKinds", LegalHoldPlaced.Kind.values());
        return PAGE;
    }

    @PostMapping("/children/{childId}/data-protection/erasure")
    String request(Authentication who, @PathVariable String childId, @ModelAttribute ErasureForm form,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("erasure").keep("erasure-reason", form.reason())
                .keep("erasure-legal-basis", form.legalBasis()).keep("erasure-reference", form.reference());
        ErasureRequested.Reason reason = FormInput.choice(ErasureRequested.Reason.class, form.reason());
        ErasureRequested.LegalBasis basis = FormInput.choice(ErasureRequested.LegalBasis.class, form.legalBasis());
        if (reason == null) {
            errors.add("erasure-reason", "Select why the record is to be erased");
        }
        if (basis == null) {
            errors.add("erasure-legal-basis", "Select the law it is erased under");
        }
        return send(who, childId, errors, flash, "The erasure is recorded: a second manager must authorise it",
                by -> new RequestErasure(ContactIds.child(childId), reason, basis, form.reference(), by),
                "erasure-reason");
    }

    @PostMapping("/children/{childId}/data-protection/erasure/authorise")
    String authorise(Authentication who, @PathVariable String childId, RedirectAttributes flash) {
        return send(who, childId, new FormErrors("authorise"), flash, "The record is erased",
                by -> new AuthoriseErasure(ContactIds.child(childId), by), "authorise-erasure");
    }

    @PostMapping("/children/{childId}/data-protection/legal-holds")
    String hold(Authentication who, @PathVariable String childId, @ModelAttribute HoldForm form,
                RedirectAttributes flash) {
        FormErrors errors = new FormErrors("hold").keep("hold-kind", form.kind()).keep("hold-reason", form.reason());
        LegalHoldPlaced.Kind kind = FormInput.choice(LegalHoldPlaced.Kind.class, form.kind());
        if (kind == null) {
            errors.add("hold-kind", "Select what the hold is for");
        }
        if (FormInput.text(form.reason()) == null) {
            errors.add("hold-reason", "Say why the record is held");
        }
        return send(who, childId, errors, flash, "The legal hold is placed",
                by -> new PlaceLegalHold(ContactIds.child(childId), kind, form.reason(), by), "hold-kind");
    }

    @PostMapping("/children/{childId}/data-protection/legal-holds/lift")
    String lift(Authentication who, @PathVariable String childId, @ModelAttribute LiftForm form,
                RedirectAttributes flash) {
        FormErrors errors = new FormErrors("lift").keep("lift-reason", form.reason());
        if (FormInput.text(form.reason()) == null) {
            errors.add("lift-reason", "Say why the hold is lifted");
        }
        return send(who, childId, errors, flash, "The legal hold is lifted",
                by -> new LiftLegalHold(ContactIds.child(childId), form.holdId(), form.reason(), by), "lift-reason");
    }

    @GetMapping("/children/{childId}/data-protection/subject-access.json")
    ResponseEntity<ObjectNode> subjectAccess(Authentication who, @PathVariable String childId) {
        ObjectNode bundle = access.produce(desk.actor(who), ContactIds.child(childId), "page, JSON")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("subject-access.json").build().toString())
                .body(bundle);
    }

    @GetMapping("/children/{childId}/data-protection/subject-access.pdf")
    ResponseEntity<byte[]> subjectAccessPdf(Authentication who, @PathVariable String childId) {
        ObjectNode bundle = access.produce(desk.actor(who), ContactIds.child(childId), "page, PDF")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("subject-access.pdf").build().toString())
                .body(access.pdf(bundle));
    }

    /** The erasures waiting for a second manager, and what the retention schedule's latest runs did. */
    @GetMapping("/data-protection")
    String overview(Authentication who, Model model) {
        desk.actor(who);
        model.addAttribute("pending", erasures.pending());
        model.addAttribute("runs", retention.runs(10));
        model.addAttribute("schedule", retention.schedule());
        return "data-protection-overview";
    }

    private String send(Authentication who, String childId, FormErrors errors, RedirectAttributes flash, String done,
                        java.util.function.Function<Actor, Object> command, String refusedField) {
        String back = "redirect:/children/" + ContactIds.child(childId).value() + "/data-protection";
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        try {
            desk.send(command.apply(desk.actor(who)));
            flash.addFlashAttribute("success", done + ".");
        } catch (TriageRefusedException refused) {
            // The refusal's own detail where it names a hold or who asked: written by the code, never the input.
            String message = switch (refused.refusal()) {
                case UNDER_LEGAL_HOLD, OWN_ERASURE_REQUEST, ERASURE_PENDING -> refused.getMessage();
                default -> RefusalMessages.of(refused);
            };
            flash.addFlashAttribute("errors", errors.add(refusedField, message));
        }
        return back;
    }
}
