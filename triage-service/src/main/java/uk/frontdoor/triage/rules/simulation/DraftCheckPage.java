package uk.frontdoor.triage.rules.simulation;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetLoadException;
import uk.frontdoor.triage.rules.RuleBook;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * The rules page's draft check, for managers: a draft rule file uploaded or pasted is checked as start-up checks a
 * rule file (through {@link RuleSetSimulations#load}, as a simulation of it is). One that does not load is an error
 * on the rules page naming the file, rule and error; one that loads shows its rules in plain words, what it changes
 * from the version it revises, and a form to simulate it over a period.
 */
@Controller
@StaffPage
class DraftCheckPage {

    private final StaffDesk desk;
    private final RuleSetSimulations simulations;
    private final RuleBook book;
    private final DraftView view;

    DraftCheckPage(StaffDesk desk, RuleSetSimulations simulations, RuleBook book, DraftView view) {
        this.desk = desk;
        this.simulations = simulations;
        this.book = book;
        this.view = view;
    }

    @PostMapping(path = "/rules/drafts/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String check(Authentication who, @RequestPart(name = "file", required = false) MultipartFile file,
                 @RequestParam(name = "draft", required = false) String pasted, Model model) {
        desk.actor(who);
        FormErrors errors = new FormErrors("draft");
        RuleSetSimulations.DraftFile draft = null;
        boolean uploaded = file != null && !file.isEmpty();
        boolean typed = pasted != null && !pasted.isBlank();
        if (uploaded && typed) {
            errors.add("draft-file", "Upload a draft rule file or paste one, not both");
        } else if (uploaded) {
            draft = SimulationPage.draft(errors, file, "draft-file");
        } else if (typed) {
            if (pasted.length() > RuleSetSimulations.MAX_DRAFT_CHARS) {
                errors.add("draft-text", "The pasted rule file must be shorter than "
                        + RuleSetSimulations.MAX_DRAFT_CHARS / 1000 + " thousand characters");
            } else {
                draft = new RuleSetSimulations.DraftFile("draft.yaml", pasted);
            }
        } else {
            errors.add("draft-file", "Upload a draft rule file or paste one");
        }
        RuleSetCatalogue loaded = null;
        if (draft != null) {
            try {
                loaded = simulations.load(draft);
            } catch (RuleSetLoadException e) {
                errors.add(uploaded ? "draft-file" : "draft-text", "The draft rule file does not load: " + e.getMessage());
                model.addAttribute("loadError", e);
            }
        }
        if (loaded == null) {
            if (typed) {
                errors.keep("draft-text", pasted);
            }
            model.addAttribute("errors", errors);
            model.addAttribute("draftForm", errors);
            model.addAttribute("versions", book.versions());
            return "rules";
        }
        return view.show(model, draft, loaded, null);
    }
}
