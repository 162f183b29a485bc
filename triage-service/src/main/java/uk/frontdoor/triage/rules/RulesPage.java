package uk.frontdoor.triage.rules;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * The threshold rules on the pages, for social workers and managers: each loaded rule-set version and its rules in
 * plain words, and what changed between two versions. Managers also check a draft rule file here before simulating
 * it (the form posts to the simulations' draft check).
 */
@Controller
@StaffPage
class RulesPage {

    private final StaffDesk desk;
    private final RuleBook book;

    RulesPage(StaffDesk desk, RuleBook book) {
        this.desk = desk;
        this.book = book;
    }

    @GetMapping("/rules")
    String rules(Authentication who, Model model) {
        desk.actor(who);
        model.addAttribute("versions", book.versions());
        model.addAttribute("draftForm", new FormErrors("draft"));
        return "rules";
    }

    @GetMapping("/rules/diff")
    String diff(Authentication who, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        desk.actor(who);
        model.addAttribute("versions", book.versions());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from == null && to == null) {
            return "rules-diff";
        }
        FormErrors errors = new FormErrors("diff");
        RuleSetRef older = book.parse(from).orElse(null);
        RuleSetRef newer = book.parse(to).orElse(null);
        if (older == null) {
            errors.add("from", "Select the version to compare from");
        }
        if (newer == null) {
            errors.add("to", "Select the version to compare with");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return "rules-diff";
        }
        model.addAttribute("diff", book.diff(older, newer));
        return "rules-diff";
    }
}
