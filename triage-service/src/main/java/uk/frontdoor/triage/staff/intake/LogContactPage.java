package uk.frontdoor.triage.staff.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.rules.Indicator;
import uk.frontdoor.rules.CinFactor;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.staff.StaffContactLog;
import uk.frontdoor.triage.api.staff.SubmissionRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ConcernCategory;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Logging a contact phoned or e-mailed in, on a GOV.UK form instead of hand-written JSON. The form
 * becomes the version-1 submission a partner would send and goes through the intake's one path
 * ({@link StaffContactLog}, implemented by contact-intake): the published schema's reader, the same
 * rules, the same words for every problem, the same matching of the child. Recorded on the STAFF
 * channel under the member of staff's agency, as {@code POST /api/v1/contacts} does for staff.
 *
 * <p>The form carries its own submission id, made when the form is opened: sending the same form twice
 * (a double click, a resubmitted page) is one contact, as a partner's resend is. A refused form is shown
 * again at once, not through a redirect, so what was typed about the child is never held in the session.
 */
@Controller
@StaffPage
class LogContactPage {

    /** Census referral-source codes, as the schema lists them. */
    static final List<String> SOURCES = List.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
            "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");
    static final List<String> SEXES = List.of("FEMALE", "MALE", "UNKNOWN", "INDETERMINATE");
    static final List<String> ETHNICITIES = List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    static final List<String> RELATIONSHIPS = List.of("MOTHER", "FATHER", "STEP_PARENT", "PARTNER_OF_PARENT", "CARER",
            "SIBLING", "HALF_SIBLING", "GRANDPARENT", "OTHER_RELATIVE", "LODGER", "OTHER");
    static final List<String> CONSENT = List.of("GIVEN", "REFUSED", "NOT_SOUGHT");
    static final List<String> YES_NO = List.of("YES", "NO");
    static final List<String> INTERPRETER = List.of("YES", "NO", "UNKNOWN");
    /** The census factors grouped as the queue's categories, then any others the census has. */
    static final List<String> FACTORS = Stream.concat(
                    Arrays.stream(ConcernCategory.values()).flatMap(category -> category.factors().stream()),
                    CinFactor.CODES.stream().sorted())
            .filter(CinFactor::isKnown).distinct().toList();
    static final List<String> INDICATORS = Arrays.stream(Indicator.values()).map(Enum::name).toList();

    private final StaffDesk desk;
    private final StaffContactLog intake;
    private final ObjectMapper json;

    LogContactPage(StaffDesk desk, StaffContactLog intake, ObjectMapper json) {
        this.desk = desk;
        this.intake = intake;
        this.json = json;
    }

    @GetMapping("/contacts/new")
    String form(Authentication who, Model model) {
        desk.actor(who);
        return page(model, "STAFF-" + UUID.randomUUID());
    }

    @PostMapping("/contacts/new")
    String log(Authentication who, @RequestParam MultiValueMap<String, String> input,
               @RequestParam(name = "submissionId", required = false) String submissionId,
               Model model, RedirectAttributes flash) {
        Actor me = desk.actor(who);
        // A form without its id (one made by hand) still gets one: the intake requires it.
        String id = submissionId == null || !submissionId.matches("STAFF-[0-9a-f-]{36}")
                ? "STAFF-" + UUID.randomUUID() : submissionId;
        ContactForm form = new ContactForm(input);
        byte[] submission;
        try {
            submission = json.writeValueAsBytes(form.submission(id));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ContactAccepted accepted;
        try {
            accepted = intake.log(me, submission);
        } catch (SubmissionRefusedException refused) {
            model.addAttribute("errors", form.refused(refused.problems()));
            return page(model, id);
        }
        ContactId contact = accepted.contactId();
        // The contact page shows the rules' assessment: wait (briefly) until its view has it.
        boolean shown = desk.awaitVisible(contact, view -> view.threshold() != null);
        flash.addFlashAttribute("success", Notices.done(accepted.alreadyReceived()
                ? "This contact was already logged: this is it" : "Contact logged", shown));
        return "redirect:/contacts/" + contact.value();
    }

    private static String page(Model model, String submissionId) {
        model.addAttribute("submissionId", submissionId);
        model.addAttribute("sources", SOURCES);
        model.addAttribute("sexes", SEXES);
        model.addAttribute("ethnicities", ETHNICITIES);
        model.addAttribute("relationships", RELATIONSHIPS);
        model.addAttribute("consentStatuses", CONSENT);
        model.addAttribute("yesNo", YES_NO);
        model.addAttribute("interpreter", INTERPRETER);
        model.addAttribute("factorCodes", FACTORS);
        model.addAttribute("indicatorCodes", INDICATORS);
        model.addAttribute("householdRows", IntStream.range(0, ContactForm.HOUSEHOLD_ROWS).boxed().toList());
        return "log-contact";
    }
}
