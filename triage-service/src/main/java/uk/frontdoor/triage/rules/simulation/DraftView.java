package uk.frontdoor.triage.rules.simulation;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.rules.RuleBook;
import uk.frontdoor.triage.staff.pages.FormErrors;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The page of a draft rule file that loads: its rules in plain words, what it changes from the version it revises,
 * and the form to simulate it. Shown by the draft check, and again by the simulation form when the period the
 * manager gave is wrong, so that the draft (which the browser cannot upload again) is not lost.
 */
@Component
class DraftView {

    private final RuleBook book;
    private final Clock clock;

    DraftView(RuleBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** The page; {@code periodForm} is the simulate form that came back with errors, or null. */
    String show(Model model, RuleSetSimulations.DraftFile draft, RuleSetCatalogue loaded, FormErrors periodForm) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.LONDON));
        model.addAttribute("draftFile", draft.file());
        model.addAttribute("draftText", draft.text());
        model.addAttribute("draft", book.draftVersion(loaded));
        model.addAttribute("diff", book.diffOfDraft(loaded).orElse(null));
        model.addAttribute("periodFrom", today.minusYears(1));
        model.addAttribute("periodTo", today);
        if (periodForm != null) {
            model.addAttribute("errors", periodForm);
            model.addAttribute("periodForm", periodForm);
        }
        return "rule-draft";
    }
}
