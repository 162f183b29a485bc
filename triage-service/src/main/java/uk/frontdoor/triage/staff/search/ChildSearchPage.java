package uk.frontdoor.triage.staff.search;

import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Finding a child, as a page reached from the navigation: a GOV.UK form and a table of the children found,
 * best first, each with what agreed and (for those who screen) a link to its chronology. The details are
 * posted, never put in the address (names and dates of birth would stay in browser history and server
 * logs); the search then runs on the page the post redirects to, from the session, once. Every child
 * listed is recorded as viewed ({@value ChildSearchController#PURPOSE}) before the page is drawn.
 */
@Controller
@StaffPage
class ChildSearchPage {

    static final String PATH = "/children/search";
    private static final String FORM = "search";

    private final StaffDesk desk;
    private final RecordViews views;

    private final Placeholders placeholders;

    ChildSearchPage(StaffDesk desk, RecordViews views, Placeholders placeholders) {
        this.placeholders = placeholders;
        this.desk = desk;
        this.views = views;
    }

    /** The form as typed; carried across the redirect in the session, never in the address. */
    record SearchForm(@BindParam("givenName") String givenName, @BindParam("familyName") String familyName,
                      @BindParam("dateOfBirth-day") String day, @BindParam("dateOfBirth-month") String month,
                      @BindParam("dateOfBirth-year") String year, @BindParam("nhsNumber") String nhsNumber,
                      @BindParam("postcode") String postcode) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @GetMapping(PATH)
    String page(Authentication who, Model model) {
        desk.actor(who);
        FormErrors typed = model.getAttribute("errors") instanceof FormErrors refused ? refused : new FormErrors(FORM);
        if (model.getAttribute(FORM) instanceof SearchForm form) {
            typed = check(form);
            SearchCriteria.Parsed criteria = parse(form, typed);
            if (criteria.valid()) {
                // A restricted child is listed (so nobody makes a second record of them) with none of their details.
                ChildSearchResults found = desk.search(criteria.query());
                RestrictedRecords.Withheld withheld = placeholders.withheldFrom(desk.actor(who),
                        found.children().stream().map(ChildSearchResults.Child::childId).toList());
                ChildSearchResults results = Placeholders.search(found, withheld);
                // A view that cannot be recorded is not given; a placeholder shows nothing of the record.
                results.children().stream().filter(child -> !withheld.child(child.childId()))
                        .forEach(child -> views.record(child.childId(), who, ChildSearchController.PURPOSE));
                model.addAttribute("withheld", withheld);
                model.addAttribute("results", results);
            }
        }
        model.addAttribute("typed", typed);
        return "child-search";
    }

    @PostMapping(PATH)
    String search(Authentication who, @ModelAttribute SearchForm form, RedirectAttributes flash) {
        desk.actor(who);
        FormErrors errors = check(form);
        if (!parse(form, errors).valid()) {
            flash.addFlashAttribute("errors", errors);
        } else {
            flash.addFlashAttribute(FORM, form);
        }
        return "redirect:" + PATH;
    }

    /** What was typed, kept for the form, with any problem reading the date. */
    private static FormErrors check(SearchForm form) {
        FormErrors errors = new FormErrors(FORM);
        errors.keep(SearchCriteria.GIVEN_NAME, form.givenName()).keep(SearchCriteria.FAMILY_NAME, form.familyName())
                .keep(SearchCriteria.NHS_NUMBER, form.nhsNumber()).keep(SearchCriteria.POSTCODE, form.postcode());
        return errors;
    }

    private static SearchCriteria.Parsed parse(SearchForm form, FormErrors errors) {
        FormErrors date = new FormErrors(FORM);
        LocalDate born = FormInput.date(date, SearchCriteria.DATE_OF_BIRTH, "the date of birth", false,
                form.day(), form.month(), form.year());
        String day = SearchCriteria.DATE_OF_BIRTH + "-";
        errors.keep(day + "day", form.day()).keep(day + "month", form.month()).keep(day + "year", form.year());
        SearchCriteria.Parsed parsed = SearchCriteria.parse(form.givenName(), form.familyName(), born,
                form.nhsNumber(), form.postcode(), date.items().stream()
                        .map(item -> new SearchCriteria.Problem(item.field(), item.message())).toList());
        parsed.problems().forEach(problem -> errors.add(problem.field(), problem.message()));
        return parsed;
    }
}
