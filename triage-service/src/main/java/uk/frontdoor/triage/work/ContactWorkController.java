package uk.frontdoor.triage.work;

import uk.frontdoor.triage.api.staff.ActorResolver;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.TriageRefusedException;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The front-door job on one contact, for staff: each call is one command on the child's stream,
 * recorded with who made it, in which role and agency. A call that breaks a rule is refused with a
 * problem response naming the rule. The contact's state is read back from
 * {@code GET /api/v1/contacts/{id}}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Triage work", description = "Screening a contact: claim, consent, partner checks, decision, strategy discussion")
class ContactWorkController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ActorResolver actors;

    ContactWorkController(CommandGateway commands, QueryGateway queries, ActorResolver actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    @Operation(summary = "Claim a contact: one worker holds it at a time; a second claim gets 409")
    @PostMapping("/contacts/{contactId}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(Authentication who, @PathVariable String contactId) {
        send(who, contactId, (child, actor) -> new ClaimContact(child, ContactId.of(contactId), actor));
    }

    @Operation(summary = "Release a contact back to the queue (its holder, or a manager)")
    @PostMapping("/contacts/{contactId}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(Authentication who, @PathVariable String contactId) {
        send(who, contactId, (child, actor) -> new ReleaseContact(child, ContactId.of(contactId), actor));
    }

    record ConsentRequest(ConsentRecorded.Decision decision, String reason) {
    }

    @Operation(summary = "Record consent: GIVEN, REFUSED, NOT_SOUGHT (reason required) or REFUSAL_OVERRIDDEN (manager, reason required)")
    @PostMapping("/contacts/{contactId}/consent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void consent(Authentication who, @PathVariable String contactId, @RequestBody ConsentRequest body) {
        send(who, contactId, (child, actor) -> new RecordConsent(child, ContactId.of(contactId), body.decision(),
                body.reason(), actor));
    }

    record PartnerChecksRequest(List<String> agencies, String question) {
    }

    @Operation(summary = "Ask named agencies for information; each reply is due by the contact's RAG rating")
    @PostMapping(path = "/contacts/{contactId}/partner-checks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<PartnerCheckReceipt> requestChecks(Authentication who, @PathVariable String contactId,
                                     @RequestBody PartnerChecksRequest body) {
        return send(who, contactId, (child, actor) -> new RequestPartnerChecks(child, ContactId.of(contactId),
                body.agencies(), body.question(), actor));
    }

    record PartnerReplyRequest(String information) {
    }

    @Operation(summary = "Record an agency's reply to a partner check (any staff role)")
    @PostMapping("/contacts/{contactId}/partner-checks/{checkId}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(Authentication who, @PathVariable String contactId, @PathVariable String checkId,
               @RequestBody PartnerReplyRequest body) {
        send(who, contactId, (child, actor) -> new RecordPartnerReply(child, ContactId.of(contactId), checkId,
                body.information(), actor));
    }

    record PriorityRequest(ThresholdAssessed.Priority priority, String rationale) {
    }

    @Operation(summary = "Change the RAG rating (rationale required)")
    @PostMapping("/contacts/{contactId}/priority")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void priority(Authentication who, @PathVariable String contactId, @RequestBody PriorityRequest body) {
        send(who, contactId, (child, actor) -> new ChangePriority(child, ContactId.of(contactId), body.priority(),
                body.rationale(), actor));
    }

    record ProposalRequest(DecisionOutcome outcome, String rationale) {
    }

    @Operation(summary = "Propose a decision with its rationale, for a manager to authorise")
    @PostMapping("/contacts/{contactId}/proposal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void propose(Authentication who, @PathVariable String contactId, @RequestBody ProposalRequest body) {
        send(who, contactId, (child, actor) -> new ProposeDecision(child, ContactId.of(contactId), body.outcome(),
                body.rationale(), actor));
    }

    record ReasonRequest(String reason) {
    }

    @Operation(summary = "A manager authorises the proposal (not their own); a step below the threshold needs a reason")
    @PostMapping("/contacts/{contactId}/proposal/authorise")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void authorise(Authentication who, @PathVariable String contactId,
                   @RequestBody(required = false) ReasonRequest body) {
        send(who, contactId, (child, actor) -> new AuthoriseProposal(child, ContactId.of(contactId),
                body == null ? null : body.reason(), actor));
    }

    @Operation(summary = "A manager returns the proposal to its worker, with a reason")
    @PostMapping("/contacts/{contactId}/proposal/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnProposal(Authentication who, @PathVariable String contactId, @RequestBody ReasonRequest body) {
        send(who, contactId, (child, actor) -> new ReturnProposal(child, ContactId.of(contactId), body.reason(),
                actor));
    }

    record FeedbackRequest(FeedbackSent.Method method, Instant sentAt, String summary) {
    }

    @Operation(summary = "Record feedback to the referrer: what was decided, when and how it was sent")
    @PostMapping("/contacts/{contactId}/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void feedback(Authentication who, @PathVariable String contactId, @RequestBody FeedbackRequest body) {
        send(who, contactId, (child, actor) -> new RecordFeedback(child, ContactId.of(contactId), body.method(),
                body.sentAt(), body.summary(), actor));
    }

    record ConveneRequest(Instant plannedAt, List<String> invitedAgencies) {
    }

    @Operation(summary = "Convene the required strategy discussion: planned time and invited agencies")
    @PostMapping("/contacts/{contactId}/strategy-discussion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void convene(Authentication who, @PathVariable String contactId, @RequestBody ConveneRequest body) {
        send(who, contactId, (child, actor) -> new ConveneStrategyDiscussion(child, ContactId.of(contactId),
                body.plannedAt(), body.invitedAgencies(), actor));
    }

    record StrategyDiscussionRecord(Instant heldAt, StrategyDiscussionHeld.Mode mode,
                                    List<StrategyDiscussionHeld.Attendee> attendees,
                                    StrategyDiscussionHeld.Outcome outcome, String summary,
                                    List<StrategyDiscussionHeld.Action> actions) {
    }

    @Operation(summary = "Record the strategy discussion as held: attendees, mode, outcome, actions (each with a due date)")
    @PostMapping("/contacts/{contactId}/strategy-discussion/record")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordDiscussion(Authentication who, @PathVariable String contactId,
                          @RequestBody StrategyDiscussionRecord body) {
        send(who, contactId, (child, actor) -> new RecordStrategyDiscussion(child, ContactId.of(contactId),
                body.heldAt(), body.mode(), body.attendees(), body.outcome(), body.summary(), body.actions(), actor));
    }

    record ConferenceRecord(Instant heldAt, InitialConferenceHeld.Outcome outcome, String summary) {
    }

    @Operation(summary = "Record the initial child protection conference that followed a section 47 enquiry")
    @PostMapping("/contacts/{contactId}/conference")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordConference(Authentication who, @PathVariable String contactId, @RequestBody ConferenceRecord body) {
        send(who, contactId, (child, actor) -> new RecordInitialConference(child, ContactId.of(contactId),
                body.heldAt(), body.outcome(), body.summary(), actor));
    }

    record DutyRecord(Instant doneAt, String note) {
    }

    @Operation(summary = "Record a duty the rules raised as done: return-home-interview, private-fostering-visit or "
            + "lado-referral; its clock stops")
    @PostMapping("/contacts/{contactId}/duties/{duty}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordDuty(Authentication who, @PathVariable String contactId, @PathVariable String duty,
                    @RequestBody DutyRecord body) {
        ClockType type = Arrays.stream(ClockType.values())
                .filter(candidate -> candidate.recordedAsDuty()
                        && candidate.name().equals(duty.toUpperCase(Locale.ROOT).replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new TriageRefusedException(Refusal.DUTY_NOT_DUE,
                        "Duties recorded here: return-home-interview, private-fostering-visit, lado-referral."));
        send(who, contactId, (child, actor) -> new RecordDutyCompleted(child, ContactId.of(contactId), type,
                body.doneAt(), body.note(), actor));
    }

    record IdentityDecision(String candidateChildId, Boolean sameChild, String reason) {
    }

    @Operation(summary = "Confirm or reject a possible match of the contact's child to a known child")
    @PostMapping("/contacts/{contactId}/identity/resolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolveIdentity(Authentication who, @PathVariable String contactId, @RequestBody IdentityDecision body) {
        if (body.sameChild() == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "sameChild is required.");
        }
        send(who, contactId, (child, actor) -> new ResolvePossibleMatch(child, ContactId.of(contactId),
                body.candidateChildId() == null ? null : ChildId.of(body.candidateChildId()), body.sameChild(),
                body.reason(), actor));
    }

    record LinkRequest(String otherChildId, String reason) {
    }

    @Operation(summary = "Link two records found to be one child; each chronology then shows both histories")
    @PostMapping("/children/{childId}/links")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(Authentication who, @PathVariable String childId, @RequestBody LinkRequest body) {
        Actor actor = actor(who);
        commands.sendAndWait(new LinkChildRecords(ChildId.of(childId),
                body.otherChildId() == null ? null : ChildId.of(body.otherChildId()), body.reason(), actor));
    }

    record StepUpRequest(String earlyHelpSummary, String reason, List<String> factors, List<String> indicators,
                         boolean immediateRisk) {
    }

    @Operation(summary = "Step a child up from early help: a new contact, carrying the early-help history, is received and assessed")
    @PostMapping(path = "/children/{childId}/step-up", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactAccepted> stepUp(Authentication who, @PathVariable String childId,
                                           @RequestBody StepUpRequest body) {
        ContactAccepted accepted = commands.sendAndWait(new StepUpFromEarlyHelp(ChildId.of(childId),
                body.earlyHelpSummary(), body.reason(), body.factors(), body.indicators(), body.immediateRisk(),
                actor(who)));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + accepted.contactId())).body(accepted);
    }

    private <R> R send(Authentication who, String contactId, BiFunction<ChildId, Actor, Object> command) {
        Actor actor = actor(who);
        ChildId child = childOf(ContactId.of(contactId));
        return commands.sendAndWait(command.apply(child, actor));
    }

    private Actor actor(Authentication who) {
        return actors.require(who);
    }

    private ChildId childOf(ContactId contactId) {
        Optional<ContactRegistration> registration = queries.query(new FindContactRegistration(contactId),
                ResponseTypes.optionalInstanceOf(ContactRegistration.class)).join();
        return registration.map(ContactRegistration::childId)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_CONTACT));
    }
}
