package uk.frontdoor.triage.staff.partner;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckAnswered.Answer;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.query.PartnerRequests;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Seconded MASH partner staff (a police researcher, a health practitioner, an education officer): the partner
 * checks sent to their agency, most urgent first, each with the child's details to search their own systems by,
 * and a form for the answer. They see nothing else of any record; the agency they answer for is their own
 * ({@link Actor#agency()}), so another agency's request is not found.
 */
@Controller
@StaffPage
class PartnerRequestsPage {

    /** Check ids are UUIDs: letters, digits and dashes. Anything else is not a request. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final List<Answer> ANSWERS = List.of(Answer.values());

    private final StaffDesk desk;
    private final Clock clock;
    private final ViewLog views;

    PartnerRequestsPage(StaffDesk desk, Clock clock, ViewLog views) {
        this.desk = desk;
        this.clock = clock;
        this.views = views;
    }

    @GetMapping("/partner-requests")
    String requests(Authentication who, Model model) {
        Actor me = partnerStaff(who);
        var open = desk.partnerRequests(me.agency()).requests();
        // Each child named on the page: a read of their details, recorded like any other.
        views.recordAll(open.stream().map(request -> new ViewLog.Viewed(request.childId(), request.contactId()))
                .toList(), me, "partner checks page");
        var now = clock.instant();
        model.addAttribute("agency", me.agency());
        model.addAttribute("rows", open.stream().map(request -> new Row(request, TimeLeft.until(request.dueAt(), now)))
                .toList());
        return "partner-requests";
    }

    /** The agency's past requests: how and when each was answered, or that it fell away. */
    @GetMapping("/partner-requests/answered")
    String answered(Authentication who, Model model) {
        Actor me = partnerStaff(who);
        model.addAttribute("agency", me.agency());
        var past = desk.partnerRequestHistory(me.agency()).requests();
        views.recordAll(past.stream().map(request -> new ViewLog.Viewed(request.childId(), request.contactId()))
                .toList(), me, "answered partner checks page");
        model.addAttribute("past", past);
        return "partner-requests-answered";
    }

    @GetMapping("/partner-requests/{requestId}")
    String request(Authentication who, @PathVariable String requestId, Model model) {
        Actor me = partnerStaff(who);
        PartnerRequests.Request request = find(me, requestId);
        views.record(request.childId(), request.contactId(), me, "partner check page");
        model.addAttribute("request", request);
        model.addAttribute("timeLeft", TimeLeft.until(request.dueAt(), clock.instant()));
        model.addAttribute("answers", ANSWERS);
        return "partner-request";
    }

    @PostMapping("/partner-requests/{requestId}/answer")
    String answer(Authentication who, @PathVariable String requestId,
                  @RequestParam(required = false) String answer, @RequestParam(required = false) String information,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Actor me = partnerStaff(who);
        PartnerRequests.Request request = find(me, requestId);
        String page = "redirect:/partner-requests/" + request.requestId();
        FormErrors errors = new FormErrors("answer").keep("answer", answer).keep("information", information)
                .keep("reason", reason);
        Answer chosen = FormInput.choice(Answer.class, answer);
        if (chosen == null) {
            errors.add("answer", "Select what your agency found");
        } else if (chosen == Answer.INFORMATION_FOUND && FormInput.text(information) == null) {
            errors.add("information", "Enter the information your agency holds");
        } else if (chosen == Answer.CANNOT_SHARE && FormInput.text(reason) == null) {
            errors.add("reason", "Enter why your agency cannot share what it holds");
        }
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return page;
        }
        try {
            desk.send(new AnswerPartnerCheck(request.childId(), request.contactId(), request.requestId(),
                    me.agency(), chosen, FormInput.text(information), FormInput.text(reason),
                    new PartnerCheckAnswered.Answerer(me.userId(), me.agency(), Channel.STAFF)));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add("answer", RefusalMessages.of(refused)));
            return page;
        }
        flash.addFlashAttribute("success", Notices.done("Answer sent", true));
        return "redirect:/partner-requests";
    }

    private Actor partnerStaff(Authentication who) {
        Actor me = desk.actor(who);
        if (!me.role().may(StaffPermission.ANSWER_PARTNER_REQUESTS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return me;
    }

    private PartnerRequests.Request find(Actor me, String requestId) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return desk.partnerRequest(requestId, me.agency())
                .filter(PartnerRequests.Request::open)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    record Row(PartnerRequests.Request request, TimeLeft timeLeft) {
    }
}
