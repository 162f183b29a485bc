package uk.frontdoor.triage.staff.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.contact.ContactCommands.ActionDoneRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.HandBackRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.AssessmentRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConferenceRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConsentRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.ContactAction;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConveneRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.DutyRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.FeedbackRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.IdentityDecision;
import uk.frontdoor.triage.staff.contact.ContactCommands.PartnerChecksRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PartnerReplyRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.PriorityRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.ProposalRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.ReasonRequest;
import uk.frontdoor.triage.staff.contact.ContactCommands.StrategyDiscussionRecord;

import java.util.List;

/**
 * The front-door job on one contact, for staff: each call is one command on the child's stream,
 * recorded with who made it, in which role and agency. A call that breaks a rule is refused with a
 * problem response naming the rule. The contact's state is read back from
 * {@code GET /api/v1/contacts/{id}}. The request bodies are the contact page's too ({@link ContactCommands}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Triage work", description = "Screening a contact: claim, consent, partner checks, decision, strategy discussion")
class ContactWorkController {

    private final StaffDesk desk;
    private final ActorResolver actors;

    ContactWorkController(StaffDesk desk, ActorResolver actors) {
        this.desk = desk;
        this.actors = actors;
    }

    @Operation(summary = "Claim a contact: one worker holds it at a time; a second claim gets 409")
    @PostMapping("/contacts/{contactId}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(Authentication who, @PathVariable String contactId) {
        send(who, contactId, ContactCommands.CLAIM);
    }

    @Operation(summary = "Release a contact back to the queue (its holder, or a manager)")
    @PostMapping("/contacts/{contactId}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(Authentication who, @PathVariable String contactId) {
        send(who, contactId, ContactCommands.RELEASE);
    }

    @Operation(summary = "Record consent: GIVEN, REFUSED, NOT_SOUGHT (reason required) or REFUSAL_OVERRIDDEN (manager, reason required)")
    @PostMapping("/contacts/{contactId}/consent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void consent(Authentication who, @PathVariable String contactId, @RequestBody ConsentRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Ask named agencies for information; each reply is due by the contact's RAG rating")
    @PostMapping(path = "/contacts/{contactId}/partner-checks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<PartnerCheckReceipt> requestChecks(Authentication who, @PathVariable String contactId,
                                            @RequestBody PartnerChecksRequest body) {
        return send(who, contactId, body);
    }

    @Operation(summary = "Record an agency's reply to a partner check (any staff role)")
    @PostMapping("/contacts/{contactId}/partner-checks/{checkId}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(Authentication who, @PathVariable String contactId, @PathVariable String checkId,
               @RequestBody PartnerReplyRequest body) {
        send(who, contactId, body.to(checkId));
    }

    @Operation(summary = "Change the RAG rating (rationale required)")
    @PostMapping("/contacts/{contactId}/priority")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void priority(Authentication who, @PathVariable String contactId, @RequestBody PriorityRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Propose a decision with its rationale, for a manager to authorise")
    @PostMapping("/contacts/{contactId}/proposal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void propose(Authentication who, @PathVariable String contactId, @RequestBody ProposalRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "A manager authorises the proposal (not their own); a step below the threshold needs a reason")
    @PostMapping("/contacts/{contactId}/proposal/authorise")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void authorise(Authentication who, @PathVariable String contactId,
                   @RequestBody(required = false) ReasonRequest body) {
        send(who, contactId, (body == null ? new ReasonRequest(null) : body).authorise());
    }

    @Operation(summary = "A manager returns the proposal to its worker, with a reason")
    @PostMapping("/contacts/{contactId}/proposal/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnProposal(Authentication who, @PathVariable String contactId, @RequestBody ReasonRequest body) {
        send(who, contactId, body.giveBack());
    }

    @Operation(summary = "Record feedback to the referrer: what was decided, when and how it was sent")
    @PostMapping("/contacts/{contactId}/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void feedback(Authentication who, @PathVariable String contactId, @RequestBody FeedbackRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Convene the required strategy discussion: planned time and invited agencies")
    @PostMapping("/contacts/{contactId}/strategy-discussion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void convene(Authentication who, @PathVariable String contactId, @RequestBody ConveneRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Record the strategy discussion as held: attendees, mode, outcome, actions (each with a due date)")
    @PostMapping("/contacts/{contactId}/strategy-discussion/record")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordDiscussion(Authentication who, @PathVariable String contactId,
                          @RequestBody StrategyDiscussionRecord body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Record the initial child protection conference that followed a section 47 enquiry")
    @PostMapping("/contacts/{contactId}/conference")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordConference(Authentication who, @PathVariable String contactId, @RequestBody ConferenceRecord body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Hand a contact on the out-of-hours queue back to the day team, with what the emergency duty "
            + "team did; its out-of-hours clock stops")
    @PostMapping("/contacts/{contactId}/out-of-hours/hand-back")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void handBack(Authentication who, @PathVariable String contactId, @RequestBody HandBackRequest body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Record an action agreed at the strategy discussion (numbered from 1 in its record) as done, "
            + "with a note of what was done; its clock stops")
    @PostMapping("/contacts/{contactId}/strategy-discussion/actions/{action}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordActionDone(Authentication who, @PathVariable String contactId, @PathVariable int action,
                          @RequestBody ActionDoneRecord body) {
        send(who, contactId, body.of(action));
    }

    @Operation(summary = "Record the child and family assessment a decision of ASSESSMENT started as completed, with "
            + "its outcome (and lateReason when it took longer than 45 working days); its clock stops")
    @PostMapping("/contacts/{contactId}/assessment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordAssessment(Authentication who, @PathVariable String contactId, @RequestBody AssessmentRecord body) {
        send(who, contactId, body);
    }

    @Operation(summary = "Record a duty the rules raised as done: return-home-interview, private-fostering-visit or "
            + "lado-referral; its clock stops")
    @PostMapping("/contacts/{contactId}/duties/{duty}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordDuty(Authentication who, @PathVariable String contactId, @PathVariable String duty,
                    @RequestBody DutyRecord body) {
        ClockType type = ContactCommands.duty(duty).orElseThrow(() -> new TriageRefusedException(Refusal.DUTY_NOT_DUE,
                "Duties recorded here: return-home-interview, private-fostering-visit, lado-referral."));
        send(who, contactId, body.of(type));
    }

    @Operation(summary = "Confirm or reject a possible match of the contact's child to a known child")
    @PostMapping("/contacts/{contactId}/identity/resolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolveIdentity(Authentication who, @PathVariable String contactId, @RequestBody IdentityDecision body) {
        if (body.sameChild() == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "sameChild is required.");
        }
        send(who, contactId, body);
    }

    private <R> R send(Authentication who, String contactId, ContactAction action) {
        var actor = actors.require(who);
        ContactId contact = ContactId.of(contactId);
        return desk.send(action.command(desk.childOf(contact), contact, actor));
    }
}
