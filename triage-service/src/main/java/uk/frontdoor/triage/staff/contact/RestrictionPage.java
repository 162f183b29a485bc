package uk.frontdoor.triage.staff.contact;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.command.RestrictRecord;
import uk.frontdoor.triage.api.command.UnrestrictRecord;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.util.Arrays;
import java.util.List;

/**
 * The contact page's restriction forms (managers): restrict the child's whole record or this contact to
 * named staff and teams, and lift a restriction. The same commands as {@code POST /api/v1/children/{id}/restriction}.
 */
@Controller
@StaffPage
class RestrictionPage {

    /** What a restriction covers, as the form's radios offer it. */
    enum Scope { RECORD, CONTACT }

    private final ContactActions actions;

    RestrictionPage(ContactActions actions) {
        this.actions = actions;
    }

    record RestrictForm(String scope, String category, String staff, String teams, String reason) {
        ContactCommands.ContactAction read(FormErrors errors) {
            errors.keep("restrict-scope", scope).keep("restrict-category", category)
                    .keep("restrict-staff", staff).keep("restrict-teams", teams).keep("restrict-reason", reason);
            Scope what = FormInput.choice(Scope.class, scope);
            RecordRestricted.Category why = FormInput.choice(RecordRestricted.Category.class, category);
            if (what == null) {
                errors.add("restrict-scope", "Select what to restrict");
            }
            if (why == null) {
                errors.add("restrict-category", "Select why the record is sensitive");
            }
            if (FormInput.text(reason) == null) {
                errors.add("restrict-reason", "Say why the record is restricted");
            }
            return (child, contact, by) -> new RestrictRecord(child, what == Scope.CONTACT ? contact : null, why,
                    reason, names(staff), names(teams), by);
        }
    }

    record LiftForm(String scope, String reason) {
    }

    @PostMapping("/contacts/{contactId}/restriction")
    String restrict(Authentication who, @PathVariable String contactId, @ModelAttribute RestrictForm form,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("restrict");
        ContactCommands.ContactAction action = form.read(errors);
        return actions.<Object>act(who, contactId, errors, flash, "The record is restricted", action,
                refusal -> switch (refusal) {
                    case REASON_REQUIRED -> "restrict-reason";
                    case UNKNOWN_TEAM -> "restrict-teams";
                    case UNKNOWN_STAFF -> "restrict-staff";
                    case FIELD_REQUIRED -> "restrict-category";
                    default -> "restrict-scope";
                }, (wait, contact, result, me) -> true);
    }

    @PostMapping("/contacts/{contactId}/restriction/lift")
    String lift(Authentication who, @PathVariable String contactId, @ModelAttribute LiftForm form,
                RedirectAttributes flash) {
        FormErrors errors = new FormErrors("lift");
        String field = "lift-reason-0";
        if (FormInput.text(form.reason()) == null) {
            errors.add(field, "Say why the restriction is lifted");
        }
        boolean wholeRecord = !"CONTACT".equals(form.scope());
        return actions.<Object>act(who, contactId, errors, flash, "The restriction is lifted",
                (child, contact, by) -> new UnrestrictRecord(child, wholeRecord ? null : contact, form.reason(), by),
                refusal -> field, (wait, contact, result, me) -> true);
    }

    private static List<String> names(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,;\\s]+")).filter(name -> !name.isBlank())
                .toList();
    }
}
