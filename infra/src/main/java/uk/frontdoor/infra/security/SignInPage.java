package uk.frontdoor.infra.security;

import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/**
 * Sign-in, start and the administrators' way into a contact. Spring Security handles the sign-in
 * form's POST, the identity provider's redirects and sign-out; these render the pages around them.
 */
@Controller
@StaffPage
class SignInPage {

    private final StaffDesk desk;
    private final SignInOptions options;

    SignInPage(StaffDesk desk, SignInOptions options) {
        this.desk = desk;
        this.options = options;
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(name = "signed-out", required = false)
                  String signedOut, @RequestParam(name = "not-staff", required = false) String notStaff,
                  @RequestParam(name = "provider-error", required = false) String providerError, Model model) {
        model.addAttribute("signIn", options);
        if (error != null) {
            // Never which of the two was wrong: that would help someone guess user names.
            model.addAttribute("errors", new FormErrors("sign-in")
                    .add("username", "Enter a correct user name and password"));
        }
        if (notStaff != null || providerError != null) {
            // The identity provider knew them, but their account is not set up for the front door (no
            // front-door role, user name or agency), or the provider's sign-in did not complete.
            String button = options.identityProviders().stream().findFirst()
                    .map(provider -> "sign-in-with-" + provider.id()).orElse("main-content");
            model.addAttribute("errors", new FormErrors("sign-in").add(button, notStaff != null
                    ? "Your account is not set up for the front door. Ask your IT service desk to give it a "
                    + "front-door role and agency"
                    : "Sign-in did not finish. Try again"));
        }
        if (signedOut != null) {
            model.addAttribute("success", "You have signed out.");
        }
        return "sign-in";
    }

    /**
     * Screeners start at the queue; administrators, who do not screen, at a contact they look up;
     * system managers, who see no child, at the projections; seconded partner staff at their agency's requests.
     */
    @GetMapping("/")
    String start(Authentication who) {
        var role = desk.signedIn(who).map(me -> me.role());
        if (role.filter(r -> r.screens()).isPresent()) {
            return "redirect:/queue";
        }
        if (role.filter(r -> r.managesSystem()).isPresent()) {
            return "redirect:/admin/projections";
        }
        if (role.filter(r -> r.answersPartnerRequests()).isPresent()) {
            return "redirect:/partner-requests";
        }
        return "start";
    }

    /**
     * An administrator opens a contact by its reference (the contact id partners and staff are given).
     * A POST, not a GET form: whatever is typed (a name, by mistake) must not land in a URL or a log.
     */
    @PostMapping("/open-contact")
    String open(@RequestParam(required = false) String reference, RedirectAttributes flash) {
        String typed = Optional.ofNullable(reference).map(String::trim).orElse("");
        if (ContactIds.valid(typed)) {
            return "redirect:/contacts/" + ContactIds.parse(typed).value();
        }
        flash.addFlashAttribute("errors", new FormErrors("open")
                .add("reference", "Enter a contact reference in full, like 0f8fad5b-d9cb-469f-a165-70867728950e"));
        return "redirect:/";
    }
}
