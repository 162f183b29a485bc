package uk.frontdoor.triage.web;

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
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
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
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One contact's workspace: the submission as the referrer wrote it, the rules' assessment and why,
 * the child's history in brief, and a form for each step of the front-door job. Every form sends the
 * same command the staff API sends, then redirects back here (POST-redirect-GET) with a success
 * banner or an error summary. Every view is recorded before the page is built.
 */
@Controller
class ContactPage {

    /** Enough attendee and action rows for a typical strategy discussion without scripting. */
    static final int ATTENDEE_ROWS = 5;
    static final int ACTION_ROWS = 3;
    /** The history in brief: the most recent earlier contacts; the chronology has the rest. */
    static final int HISTORY_CONTACTS = 10;

    private final StaffDesk desk;
    private final RecordViews views;
    private final TriagePolicy policy;
    private final Clock clock;
    private final Labels labels;

    ContactPage(StaffDesk desk, RecordViews views, TriagePolicy policy, Clock clock, Labels labels) {
        this.desk = desk;
        this.views = views;
        this.policy = policy;
        this.clock = clock;
        this.labels = labels;
    }

    // ----- the page -----

    /** An earlier contact about the child (or a record linked to them), as the history in brief shows it. */
    record EarlierContact(ContactId contactId, Instant receivedAt, String received, String threshold,
                          String decision, boolean linkedRecord) {
    }

    /** A partner check with its time left. */
    record CheckRow(ContactWorkView.PartnerCheck check, TimeLeft timeLeft) {
    }

    /**
     * A duty the rules raised whose clock is still running, with its time left. {@code path} names it
     * in the form's address ({@code return-home-interview}) and prefixes its fields' ids.
     */
    record DutyRow(AlertBoard.Alert clock, String path, TimeLeft timeLeft) {

        public String field(String suffix) {
            return "duty-" + path + "-" + suffix;
        }
    }

    /** The answers to "is this the same child?" on a possible match, as the identity form offers them. */
    static final List<String> IDENTITY_CHOICES = List.of("SAME", "DIFFERENT");

    @GetMapping("/contacts/{contactId}")
    String contact(Authentication who, @PathVariable String contactId, Model model) {
        Actor me = desk.actor(who);
        ContactId id = ContactIds.parse(contactId);
        ChildId child = childOrNotFound(id);
        ContactStatusView status = desk.status(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The child's history is part of their case record: screeners only, as in the staff API.
        Optional<ChildChronology> chronology = me.role().screens() ? desk.chronology(child) : Optional.empty();

        // Recorded before anything is shown: a view that cannot be recorded is not given.
        String what = "contact " + id + " (contact page)";
        views.record(child, who, what);
        chronology.ifPresent(found -> found.linkedChildren()
                .forEach(linked -> views.record(linked, who, what + " via linked record " + child)));

        ContactWorkView work = status.work();
        Instant now = clock.instant();
        boolean decided = status.status() == ContactStatus.DECIDED;
        ThresholdAssessed.Threshold threshold = status.threshold();
        ContactWorkView.Proposal proposal = work.proposal();

        model.addAttribute("contactId", id.value());
        model.addAttribute("childId", child.value());
        model.addAttribute("status", status);
        model.addAttribute("work", work);
        model.addAttribute("threshold", threshold);
        model.addAttribute("submission", desk.submission(id).orElse(null));
        model.addAttribute("decided", decided);
        model.addAttribute("holder", me.userId().equals(work.heldBy()));
        model.addAttribute("screener", me.role().screens());
        model.addAttribute("responseTimeLeft", decided || work.responseDueAt() == null ? null
                : TimeLeft.until(work.responseDueAt(), now));
        model.addAttribute("decisionTimeLeft", decided || threshold == null || threshold.decisionDueAt() == null
                ? null : TimeLeft.until(threshold.decisionDueAt(), now));
        model.addAttribute("checks", listOf(work.partnerChecks()).stream()
                .map(check -> new CheckRow(check, check.repliedAt() == null ? TimeLeft.until(check.dueAt(), now) : null))
                .toList());
        model.addAttribute("history", history(chronology, id, child));
        model.addAttribute("linkedRecords", chronology.map(ChildChronology::linkedChildren).orElse(List.of()));
        model.addAttribute("canAuthorise", me.isManager() && proposal != null && !decided
                && !me.userId().equals(proposal.by().userId()));
        model.addAttribute("ownProposal", proposal != null && me.userId().equals(proposal.by().userId()));
        model.addAttribute("stepDown", proposal != null && threshold != null
                && proposal.outcome().level() < threshold.level());
        model.addAttribute("consentChoices", consentChoices(me, work));
        model.addAttribute("checkAgencies", policy.agencies().stream()
                .filter(agency -> !TriagePolicy.SOCIAL_CARE.equals(agency)).sorted(agencyOrder()).toList());
        model.addAttribute("allAgencies", policy.agencies().stream().sorted(agencyOrder()).toList());
        // Working Together 2023: social care, police and health at every strategy discussion.
        model.addAttribute("strategyAgencies",
                List.of(TriagePolicy.POLICE, TriagePolicy.HEALTH, TriagePolicy.SOCIAL_CARE));
        model.addAttribute("priorities", ThresholdAssessed.Priority.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        model.addAttribute("feedbackMethods", FeedbackSent.Method.values());
        model.addAttribute("modes", StrategyDiscussionHeld.Mode.values());
        model.addAttribute("discussionOutcomes", StrategyDiscussionHeld.Outcome.values());
        model.addAttribute("conferenceOutcomes", InitialConferenceHeld.Outcome.values());
        ContactWorkView.StrategyDiscussion discussion = work.strategyDiscussion();
        Instant conferenceDueAt = discussion == null || discussion.held() == null ? null
                : discussion.held().conferenceDueAt();
        model.addAttribute("conferenceDueAt", conferenceDueAt);
        model.addAttribute("conferenceTimeLeft", conferenceDueAt == null || work.conference() != null ? null
                : TimeLeft.until(conferenceDueAt, now));
        model.addAttribute("duties", desk.clocks(id).stream()
                .filter(running -> running.type().recordedAsDuty() && running.state() != AlertBoard.State.STOPPED)
                .map(running -> new DutyRow(running, dutyPath(running.type()), TimeLeft.until(running.dueAt(), now)))
                .toList());
        model.addAttribute("dutiesDone", listOf(work.dutiesDone()));
        model.addAttribute("identityChoices", IDENTITY_CHOICES);
        model.addAttribute("attendeeRows", ATTENDEE_ROWS);
        model.addAttribute("actionRows", ACTION_ROWS);
        LocalDate today = LocalDate.ofInstant(now, Dates.ENGLAND);
        model.addAttribute("today", today);
        model.addAttribute("nowTime", LocalTime.ofInstant(now, Dates.ENGLAND).withSecond(0).withNano(0).toString());
        return "contact";
    }

    private ChildId childOrNotFound(ContactId id) {
        try {
            return desk.childOf(id);
        } catch (TriageRefusedException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** Earlier contacts, newest first: when, from whom, what the rules said and what was decided. */
    private static List<EarlierContact> history(Optional<ChildChronology> chronology, ContactId current, ChildId child) {
        if (chronology.isEmpty()) {
            return List.of();
        }
        Map<ContactId, List<ChildChronology.Entry>> byContact = new LinkedHashMap<>();
        for (ChildChronology.Entry entry : chronology.get().entries()) {
            if (entry.contactId() != null && !entry.contactId().equals(current)) {
                byContact.computeIfAbsent(entry.contactId(), key -> new ArrayList<>()).add(entry);
            }
        }
        List<EarlierContact> earlier = new ArrayList<>();
        byContact.forEach((contactId, entries) -> {
            Optional<ChildChronology.Entry> received = latest(entries, "ContactReceived");
            if (received.isEmpty()) {
                return; // only contacts whose receipt is in the record count as earlier contacts
            }
            earlier.add(new EarlierContact(contactId, received.get().at(), received.get().summary(),
                    latest(entries, "PriorityChanged").or(() -> latest(entries, "ThresholdAssessed"))
                            .map(ChildChronology.Entry::summary).orElse(null),
                    latest(entries, "ProposalAuthorised").map(ChildChronology.Entry::summary).orElse(null),
                    !received.get().childId().equals(child)));
        });
        return earlier.stream().sorted(Comparator.comparing(EarlierContact::receivedAt).reversed())
                .limit(HISTORY_CONTACTS).toList();
    }

    private static Optional<ChildChronology.Entry> latest(List<ChildChronology.Entry> entries, String type) {
        return entries.stream().filter(entry -> entry.type().equals(type)).reduce((first, second) -> second);
    }

    /** Overriding a refusal is a manager's decision, and only once consent has been refused. */
    private static List<ConsentRecorded.Decision> consentChoices(Actor me, ContactWorkView work) {
        List<ConsentRecorded.Decision> choices = new ArrayList<>(List.of(ConsentRecorded.Decision.GIVEN,
                ConsentRecorded.Decision.REFUSED, ConsentRecorded.Decision.NOT_SOUGHT));
        if (me.isManager() && work.consent() != null && work.consent().decision() == ConsentRecorded.Decision.REFUSED) {
            choices.add(ConsentRecorded.Decision.REFUSAL_OVERRIDDEN);
        }
        return choices;
    }

    /** The configured agencies in the usual order (police and health first), then any others by name. */
    private static Comparator<String> agencyOrder() {
        return Comparator.comparingInt((String agency) -> {
            int index = TriagePolicy.DEFAULT_AGENCIES.indexOf(agency);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(Comparator.naturalOrder());
    }

    /** {@code RETURN_HOME_INTERVIEW} as the staff API and the page's addresses write it: {@code return-home-interview}. */
    static String dutyPath(ClockType duty) {
        return duty.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The duty an address names, if it is one a worker records as done; anything else is no page. */
    private static ClockType duty(String path) {
        return Arrays.stream(ClockType.values())
                .filter(type -> type.recordedAsDuty() && dutyPath(type).equals(path))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ----- the forms -----

    @PostMapping("/contacts/{contactId}/claim")
    String claim(Authentication who, @PathVariable String contactId, RedirectAttributes flash) {
        return act(who, contactId, new FormErrors("claim"), flash, "You have claimed this contact",
                (child, id, me) -> new ClaimContact(child, id, me), refusal -> "claim",
                (result, me) -> view -> me.userId().equals(view.work().heldBy()));
    }

    @PostMapping("/contacts/{contactId}/release")
    String release(Authentication who, @PathVariable String contactId, RedirectAttributes flash) {
        return act(who, contactId, new FormErrors("release"), flash, "The contact is back in the queue",
                (child, id, me) -> new ReleaseContact(child, id, me), refusal -> "release",
                (result, me) -> view -> view.work().heldBy() == null);
    }

    @PostMapping("/contacts/{contactId}/consent")
    String consent(Authentication who, @PathVariable String contactId,
                   @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("consent").keep("consent-decision", decision).keep("consent-reason", reason);
        ConsentRecorded.Decision chosen = FormInput.choice(ConsentRecorded.Decision.class, decision);
        if (chosen == null) {
            errors.add("consent-decision", "Select what was decided about consent");
        }
        return act(who, contactId, errors, flash, "Consent recorded",
                (child, id, me) -> new RecordConsent(child, id, chosen, FormInput.text(reason), me),
                refusal -> refusal == Refusal.REASON_REQUIRED ? "consent-reason" : "consent-decision",
                (result, me) -> view -> view.work().consent() != null && view.work().consent().decision() == chosen);
    }

    @PostMapping("/contacts/{contactId}/partner-checks")
    String requestChecks(Authentication who, @PathVariable String contactId,
                         @RequestParam(required = false) List<String> agencies,
                         @RequestParam(required = false) String question, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("checks").keep("check-question", question)
                .keep("check-agencies", agencies == null ? null : String.join(",", agencies));
        if (agencies == null || agencies.isEmpty()) {
            errors.add("check-agencies", "Select the agencies to ask");
        }
        if (FormInput.text(question) == null) {
            errors.add("check-question", "Enter what you want to know");
        }
        return act(who, contactId, errors, flash, "Partner checks requested",
                (child, id, me) -> new RequestPartnerChecks(child, id, agencies, FormInput.text(question), me),
                refusal -> refusal == Refusal.UNKNOWN_AGENCY || refusal == Refusal.AGENCY_REQUIRED
                        ? "check-agencies" : "check-question",
                (List<PartnerCheckReceipt> receipts, Actor me) -> view -> receipts.stream().allMatch(receipt ->
                        listOf(view.work().partnerChecks()).stream()
                                .anyMatch(check -> check.checkId().equals(receipt.checkId()))));
    }

    @PostMapping("/contacts/{contactId}/partner-checks/{checkId}/reply")
    String reply(Authentication who, @PathVariable String contactId, @PathVariable String checkId,
                 @RequestParam(required = false) String information, RedirectAttributes flash) {
        String field = "reply-" + checkId;
        FormErrors errors = new FormErrors("reply").keep(field, information);
        if (FormInput.text(information) == null) {
            errors.add(field, "Enter the agency's reply");
        }
        return act(who, contactId, errors, flash, "Reply recorded",
                (child, id, me) -> new RecordPartnerReply(child, id, checkId, FormInput.text(information), me),
                refusal -> field,
                (result, me) -> view -> listOf(view.work().partnerChecks()).stream()
                        .anyMatch(check -> check.checkId().equals(checkId) && check.repliedAt() != null));
    }

    @PostMapping("/contacts/{contactId}/priority")
    String priority(Authentication who, @PathVariable String contactId,
                    @RequestParam(required = false) String priority, @RequestParam(required = false) String rationale,
                    RedirectAttributes flash) {
        FormErrors errors = new FormErrors("priority").keep("priority-rag", priority)
                .keep("priority-rationale", rationale);
        ThresholdAssessed.Priority chosen = FormInput.choice(ThresholdAssessed.Priority.class, priority);
        if (chosen == null) {
            errors.add("priority-rag", "Select the new RAG rating");
        }
        return act(who, contactId, errors, flash, "RAG rating changed",
                (child, id, me) -> new ChangePriority(child, id, chosen, FormInput.text(rationale), me),
                refusal -> refusal == Refusal.REASON_REQUIRED ? "priority-rationale" : "priority-rag",
                (result, me) -> view -> view.work().priority() == chosen);
    }

    @PostMapping("/contacts/{contactId}/proposal")
    String propose(Authentication who, @PathVariable String contactId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String rationale,
                   RedirectAttributes flash) {
        FormErrors errors = new FormErrors("proposal").keep("proposal-outcome", outcome)
                .keep("proposal-rationale", rationale);
        DecisionOutcome chosen = FormInput.choice(DecisionOutcome.class, outcome);
        if (chosen == null) {
            errors.add("proposal-outcome", "Select the decision you propose");
        }
        if (FormInput.text(rationale) == null) {
            errors.add("proposal-rationale", "Enter the rationale for the decision");
        }
        return act(who, contactId, errors, flash, "Decision proposed for a manager to authorise",
                (child, id, me) -> new ProposeDecision(child, id, chosen, FormInput.text(rationale), me),
                refusal -> refusal == Refusal.REASON_REQUIRED ? "proposal-rationale" : "proposal-outcome",
                (result, me) -> view -> view.work().proposal() != null);
    }

    @PostMapping("/contacts/{contactId}/proposal/authorise")
    String authorise(Authentication who, @PathVariable String contactId,
                     @RequestParam(required = false) String reason, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("authorise").keep("authorise-reason", reason);
        return act(who, contactId, errors, flash, "Decision authorised",
                (child, id, me) -> new AuthoriseProposal(child, id, FormInput.text(reason), me),
                refusal -> "authorise-reason",
                (result, me) -> view -> view.work().decision() != null);
    }

    @PostMapping("/contacts/{contactId}/proposal/return")
    String returnProposal(Authentication who, @PathVariable String contactId,
                          @RequestParam(required = false) String reason, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("return").keep("return-reason", reason);
        if (FormInput.text(reason) == null) {
            errors.add("return-reason", "Enter why the proposal goes back to its worker");
        }
        return act(who, contactId, errors, flash, "Proposal returned to its worker",
                (child, id, me) -> new ReturnProposal(child, id, FormInput.text(reason), me),
                refusal -> "return-reason",
                (result, me) -> view -> view.work().proposal() == null);
    }

    @PostMapping("/contacts/{contactId}/feedback")
    String feedback(Authentication who, @PathVariable String contactId,
                    @RequestParam(required = false) String method,
                    @RequestParam(name = "sent-day", required = false) String day,
                    @RequestParam(name = "sent-month", required = false) String month,
                    @RequestParam(name = "sent-year", required = false) String year,
                    @RequestParam(name = "sent-time", required = false) String time,
                    @RequestParam(required = false) String summary, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("feedback").keep("feedback-method", method).keep("feedback-summary", summary);
        FeedbackSent.Method chosen = FormInput.choice(FeedbackSent.Method.class, method);
        if (chosen == null) {
            errors.add("feedback-method", "Select how the referrer was told");
        }
        LocalDate date = FormInput.date(errors, "sent", "the date the feedback was sent", true, day, month, year);
        LocalTime at = FormInput.time(errors, "sent-time", "the time the feedback was sent", true, time);
        if (FormInput.text(summary) == null) {
            errors.add("feedback-summary", "Enter what the referrer was told");
        }
        Instant sentAt = FormInput.instant(date, at);
        int before = desk.status(ContactIds.parse(contactId)).map(view -> listOf(view.work().feedback()).size())
                .orElse(0);
        return act(who, contactId, errors, flash, "Feedback to the referrer recorded",
                (child, id, me) -> new RecordFeedback(child, id, chosen, sentAt, FormInput.text(summary), me),
                refusal -> "feedback-method",
                (result, me) -> view -> listOf(view.work().feedback()).size() > before);
    }

    @PostMapping("/contacts/{contactId}/strategy-discussion")
    String convene(Authentication who, @PathVariable String contactId,
                   @RequestParam(name = "planned-day", required = false) String day,
                   @RequestParam(name = "planned-month", required = false) String month,
                   @RequestParam(name = "planned-year", required = false) String year,
                   @RequestParam(name = "planned-time", required = false) String time,
                   @RequestParam(name = "invited", required = false) List<String> invited, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("convene")
                // Kept even when none was ticked, so the refused form comes back as it was sent.
                .keep("invited", invited == null ? "" : String.join(",", invited));
        LocalDate date = FormInput.date(errors, "planned", "the date the discussion is planned for", true,
                day, month, year);
        LocalTime at = FormInput.time(errors, "planned-time", "the time the discussion is planned for", true, time);
        if (invited == null || invited.isEmpty()) {
            errors.add("invited", "Select the agencies invited");
        }
        Instant plannedAt = FormInput.instant(date, at);
        return act(who, contactId, errors, flash, "Strategy discussion convened",
                (child, id, me) -> new ConveneStrategyDiscussion(child, id, plannedAt, invited, me),
                refusal -> refusal == Refusal.AGENCY_REQUIRED || refusal == Refusal.UNKNOWN_AGENCY
                        ? "invited" : "planned-day",
                (result, me) -> view -> view.work().strategyDiscussion() != null
                        && Objects.equals(view.work().strategyDiscussion().plannedAt(), plannedAt));
    }

    @PostMapping("/contacts/{contactId}/strategy-discussion/record")
    String recordDiscussion(Authentication who, @PathVariable String contactId,
                            @RequestParam(name = "held-day", required = false) String day,
                            @RequestParam(name = "held-month", required = false) String month,
                            @RequestParam(name = "held-year", required = false) String year,
                            @RequestParam(name = "held-time", required = false) String time,
                            @RequestParam(required = false) String mode,
                            @RequestParam(name = "attendee-name", required = false) List<String> names,
                            @RequestParam(name = "attendee-agency", required = false) List<String> agencies,
                            @RequestParam(name = "attendee-role", required = false) List<String> roles,
                            @RequestParam(required = false) String outcome,
                            @RequestParam(required = false) String summary,
                            @RequestParam(name = "action-description", required = false) List<String> descriptions,
                            @RequestParam(name = "action-owner", required = false) List<String> owners,
                            @RequestParam(name = "action-agency", required = false) List<String> actionAgencies,
                            @RequestParam(name = "action-due-day", required = false) List<String> dueDays,
                            @RequestParam(name = "action-due-month", required = false) List<String> dueMonths,
                            @RequestParam(name = "action-due-year", required = false) List<String> dueYears,
                            RedirectAttributes flash) {
        FormErrors errors = new FormErrors("held").keep("held-mode", mode).keep("held-outcome", outcome)
                .keep("held-summary", summary);
        LocalDate date = FormInput.date(errors, "held", "the date the discussion was held", true, day, month, year);
        LocalTime at = FormInput.time(errors, "held-time", "the time the discussion was held", true, time);
        StrategyDiscussionHeld.Mode chosenMode = FormInput.choice(StrategyDiscussionHeld.Mode.class, mode);
        if (chosenMode == null) {
            errors.add("held-mode", "Select how the discussion was held");
        }
        List<StrategyDiscussionHeld.Attendee> attendees = new ArrayList<>();
        for (int row = 0; row < ATTENDEE_ROWS; row++) {
            String name = FormInput.at(names, row);
            String agency = FormInput.at(agencies, row);
            String role = FormInput.at(roles, row);
            int n = row + 1;
            if (!FormInput.row(errors, "attendee-" + row, false,
                    new FormInput.RowField("name", name, "Enter the name of attendee " + n),
                    new FormInput.RowField("agency", agency, "Select the agency of attendee " + n),
                    new FormInput.RowField("role", role, "Enter the role of attendee " + n))) {
                continue;
            }
            attendees.add(new StrategyDiscussionHeld.Attendee(name, agency, role));
        }
        if (attendees.isEmpty()) {
            errors.add("attendee-0-name", "Enter who attended");
        }
        StrategyDiscussionHeld.Outcome chosenOutcome = FormInput.choice(StrategyDiscussionHeld.Outcome.class, outcome);
        if (chosenOutcome == null) {
            errors.add("held-outcome", "Select the outcome of the discussion");
        }
        List<StrategyDiscussionHeld.Action> actions = new ArrayList<>();
        for (int row = 0; row < ACTION_ROWS; row++) {
            String description = FormInput.at(descriptions, row);
            String owner = FormInput.at(owners, row);
            String agency = FormInput.at(actionAgencies, row);
            String id = "action-" + row;
            int n = row + 1;
            boolean dueGiven = FormInput.at(dueDays, row) != null || FormInput.at(dueMonths, row) != null
                    || FormInput.at(dueYears, row) != null;
            if (!FormInput.row(errors, id, dueGiven,
                    new FormInput.RowField("description", description, "Enter what action " + n + " is"),
                    new FormInput.RowField("owner", owner, "Enter who owns action " + n),
                    new FormInput.RowField("agency", agency, "Select the agency of action " + n))) {
                continue;
            }
            LocalDate due = FormInput.date(errors, id + "-due", "the due date of action " + (row + 1), true,
                    FormInput.at(dueDays, row), FormInput.at(dueMonths, row), FormInput.at(dueYears, row));
            actions.add(new StrategyDiscussionHeld.Action(description, owner, agency, due));
        }
        Instant heldAt = FormInput.instant(date, at);
        return act(who, contactId, errors, flash, "Strategy discussion recorded",
                (child, id, me) -> new RecordStrategyDiscussion(child, id, heldAt, chosenMode, attendees,
                        chosenOutcome, FormInput.text(summary), actions, me),
                refusal -> switch (refusal) {
                    case ATTENDEES_REQUIRED, UNKNOWN_AGENCY -> "attendee-0-name";
                    case ACTION_DUE_DATE_REQUIRED -> "action-0-description";
                    default -> "held-day";
                },
                (result, me) -> view -> view.work().strategyDiscussion() != null
                        && view.work().strategyDiscussion().held() != null);
    }

    @PostMapping("/contacts/{contactId}/conference")
    String recordConference(Authentication who, @PathVariable String contactId,
                            @RequestParam(name = "conference-held-day", required = false) String day,
                            @RequestParam(name = "conference-held-month", required = false) String month,
                            @RequestParam(name = "conference-held-year", required = false) String year,
                            @RequestParam(name = "conference-held-time", required = false) String time,
                            @RequestParam(required = false) String outcome,
                            @RequestParam(required = false) String summary, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("conference").keep("conference-outcome", outcome)
                .keep("conference-summary", summary);
        LocalDate date = FormInput.date(errors, "conference-held", "the date the conference was held", true,
                day, month, year);
        LocalTime at = FormInput.time(errors, "conference-held-time", "the time the conference was held", true, time);
        InitialConferenceHeld.Outcome chosen = FormInput.choice(InitialConferenceHeld.Outcome.class, outcome);
        if (chosen == null) {
            errors.add("conference-outcome", "Select the outcome of the conference");
        }
        Instant heldAt = FormInput.instant(date, at);
        notInFuture(errors, heldAt, "conference-held-day", "The date and time the conference was held");
        return act(who, contactId, errors, flash, "Initial child protection conference recorded",
                (child, id, me) -> new RecordInitialConference(child, id, heldAt, chosen, FormInput.text(summary), me),
                refusal -> refusal == Refusal.FIELD_REQUIRED || refusal == Refusal.NO_CONFERENCE_DUE
                        ? "conference-outcome" : "conference-held-day",
                (result, me) -> view -> view.work().conference() != null);
    }

    /**
     * A duty the rules raised, recorded as done. Each open duty has its own form on the page, so its
     * fields are named after it ({@code duty-return-home-interview-done-day} …), read here by name.
     */
    @PostMapping("/contacts/{contactId}/duties/{duty}")
    String recordDuty(Authentication who, @PathVariable String contactId, @PathVariable String duty,
                      @RequestParam Map<String, String> form, RedirectAttributes flash) {
        ClockType type = duty(duty);
        String prefix = "duty-" + dutyPath(type) + "-";
        String note = form.get(prefix + "note");
        FormErrors errors = new FormErrors("duty").keep(prefix + "note", note);
        String name = labels.of("clock", type);
        // "return home interview", "referral to the LADO": the duty's name inside a sentence.
        String what = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        LocalDate date = FormInput.date(errors, prefix + "done", "the date the " + what + " was done", true,
                form.get(prefix + "done-day"), form.get(prefix + "done-month"), form.get(prefix + "done-year"));
        LocalTime at = FormInput.time(errors, prefix + "time", "the time the " + what + " was done", true,
                form.get(prefix + "time"));
        Instant doneAt = FormInput.instant(date, at);
        notInFuture(errors, doneAt, prefix + "done-day", "The date and time the " + what + " was done");
        ContactId id = ContactIds.parse(contactId);
        return act(who, contactId, errors, flash, name + " recorded as done",
                (child, contact, me) -> new RecordDutyCompleted(child, contact, type, doneAt, FormInput.text(note), me),
                refusal -> prefix + "done-day",
                (result, me) -> view -> listOf(view.work().dutiesDone()).stream()
                        .anyMatch(done -> done.duty() == type && done.doneAt().equals(doneAt))
                        // ... and its clock has stopped in the alerts read model, which the page also shows.
                        && desk.clocks(id).stream().noneMatch(running -> running.type() == type
                        && running.state() != AlertBoard.State.STOPPED));
    }

    /**
     * Confirms or rules out one possible match of the contact's child with a child already known.
     * Confirming links the two records (each chronology then shows both).
     */
    @PostMapping("/contacts/{contactId}/identity/resolve")
    String resolveIdentity(Authentication who, @PathVariable String contactId,
                           @RequestParam(required = false) String candidate,
                           @RequestParam(required = false) String same,
                           @RequestParam(required = false) String reason, RedirectAttributes flash) {
        ChildId candidateId = ContactIds.child(candidate);
        String prefix = "identity-" + candidateId.value() + "-";
        FormErrors errors = new FormErrors("identity").keep(prefix + "same", same).keep(prefix + "reason", reason);
        String answer = FormInput.text(same);
        if (answer == null || !IDENTITY_CHOICES.contains(answer)) {
            errors.add(prefix + "same", "Select whether this is the same child");
        }
        if (FormInput.text(reason) == null) {
            errors.add(prefix + "reason", "Enter how the match was confirmed or ruled out");
        }
        boolean sameChild = "SAME".equals(answer);
        return act(who, contactId, errors, flash, sameChild ? "Match confirmed: the two records are linked"
                        : "Match ruled out",
                (child, id, me) -> new ResolvePossibleMatch(child, id, candidateId, sameChild, FormInput.text(reason),
                        me),
                refusal -> refusal == Refusal.REASON_REQUIRED ? prefix + "reason" : prefix + "same",
                (result, me) -> view -> view.work().identity() != null
                        && listOf(view.work().identity().resolutions()).stream()
                        .anyMatch(resolution -> resolution.candidate().equals(candidateId)));
    }

    /** A time recorded as past may not be later than now, by the service's clock (the domain checks it too). */
    private void notInFuture(FormErrors errors, Instant at, String field, String what) {
        if (at != null && at.isAfter(clock.instant())) {
            errors.add(field, what + " must be in the past");
        }
    }

    // ----- one way to act -----

    @FunctionalInterface
    interface Command {
        Object build(ChildId child, ContactId contact, Actor me);
    }

    /**
     * Sends the command unless the form already has errors; then back to the page with the outcome.
     *
     * @param fieldFor the field a refusal is about, for the error summary's link
     * @param visible  how the contact's read model shows the change, given the command's result
     */
    @SuppressWarnings("unchecked")
    private <R> String act(Authentication who, String contactId, FormErrors errors, RedirectAttributes flash,
                           String success, Command command, Function<Refusal, String> fieldFor,
                           BiFunction<R, Actor, Predicate<ContactStatusView>> visible) {
        Actor me = desk.actor(who);
        ContactId id = ContactIds.parse(contactId);
        String back = "redirect:/contacts/" + id.value();
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return back;
        }
        R result;
        try {
            result = (R) desk.send(command.build(childOrNotFound(id), id, me));
        } catch (TriageRefusedException refused) {
            if (refused.refusal() == Refusal.UNKNOWN_CONTACT) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("errors", errors.add(fieldFor.apply(refused.refusal()), RefusalMessages.of(refused)));
            return back;
        }
        boolean shown = desk.awaitVisible(id, visible.apply(result, me));
        flash.addFlashAttribute("success", Notices.done(success, shown));
        return back;
    }
}
