package uk.frontdoor.triage.staff.contact;

import uk.frontdoor.triage.staff.asat.AsAtControl;
import uk.frontdoor.triage.staff.asat.AsAtRecords;
import uk.frontdoor.triage.api.query.ChildAsAt;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.Permissions;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One contact's workspace: the submission as the referrer wrote it, the rules' assessment and why,
 * the child's history in brief, and a form for each step of the front-door job. The forms are posted to
 * this package's other pages ({@link CaseworkPage}, {@link DecisionPage}, {@link StrategyDiscussionPage},
 * {@link DutyAndIdentityPage}); each sends the same command the staff API sends ({@link ContactCommands}),
 * then redirects back here (POST-redirect-GET) with a success banner or an error summary. Every view is
 * recorded before the page is built.
 */
@Controller
@StaffPage
class ContactPage {

    /** The history in brief: the most recent earlier contacts; the chronology has the rest. */
    static final int HISTORY_CONTACTS = 10;

    private final StaffDesk desk;
    private final ContactActions actions;
    private final RecordViews views;
    private final TriagePolicy policy;
    private final Clock clock;

    private final Placeholders placeholders;
    private final RestrictedRecords restricted;

    private final AsAtRecords asAtRecords;

    ContactPage(ContactActions actions, RecordViews views, TriagePolicy policy, Clock clock, Placeholders placeholders,
                RestrictedRecords restricted, AsAtRecords asAtRecords) {
        this.asAtRecords = asAtRecords;
        this.placeholders = placeholders;
        this.restricted = restricted;
        this.desk = actions.desk();
        this.actions = actions;
        this.views = views;
        this.policy = policy;
        this.clock = clock;
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

    @GetMapping("/contacts/{contactId}")
    String contact(Authentication who, @PathVariable String contactId,
                   @ModelAttribute("asAtInput") AsAtControl.Input asAtInput, Model model) {
        Actor me = desk.actor(who);
        ContactId id = ContactIds.parse(contactId);
        ChildId child = actions.childOrNotFound(id);
        ContactStatusView status = desk.status(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (placeholders.withheldFrom(me, List.of(child)).contact(child, id)) {
            // Restricted to others: that it exists and where it stands, nothing it says. The attempt is recorded.
            views.record(child, who, "contact " + id + " (contact page, restricted: withheld)");
            model.addAttribute("contactId", id.value());
            model.addAttribute("status", status);
            return "contact-restricted";
        }
        // The child's history is part of their case record: screeners only, as in the staff API.
        boolean screener = Permissions.may(me, StaffPermission.SCREEN);
        boolean overseer = Permissions.may(me, StaffPermission.OVERSEE);

        AsAtControl.Moment moment = AsAtControl.read(asAtInput, clock.instant());
        model.addAttribute("asAtForm", moment.errors());
        model.addAttribute("liveUrl", "/contacts/" + id.value());
        if (moment.asked()) {
            Optional<String> then = asAt(me, id, child, moment.at(), screener, model);
            if (then.isPresent()) {
                return then.get();
            }
            moment.errors().add("as-at-day", "The contact had not been received yet at that moment");
        }
        if (moment.errors().any() && !model.containsAttribute("errors")) {
            model.addAttribute("errors", moment.errors());
        }
        // Earlier contacts restricted from this worker are left out of the history in brief.
        Optional<ChildChronology> chronology = screener
                ? desk.chronology(child).map(found -> placeholders.chronology(me, found)) : Optional.empty();

        // Recorded before anything is shown: a view that cannot be recorded is not given.
        String what = "contact " + id + " (contact page)";
        views.record(child, chronology.map(ChildChronology::linkedChildren).orElse(List.of()), who, what);

        ContactWorkView work = status.work();
        Instant now = clock.instant();
        boolean decided = status.status() == ContactStatus.DECIDED;
        ThresholdAssessed.Threshold threshold = status.threshold();
        ContactWorkView.Proposal proposal = work.proposal();

        model.addAttribute("contactId", id.value());
        model.addAttribute("childId", child.value());
        model.addAttribute("restrictions", restricted.of(child).stream()
                .filter(restriction -> restriction.contactId() == null || restriction.contactId().equals(id))
                .toList());
        model.addAttribute("restrictionCategories", RecordRestricted.Category.values());
        model.addAttribute("restrictionScopes", RestrictionPage.Scope.values());
        model.addAttribute("status", status);
        model.addAttribute("work", work);
        model.addAttribute("threshold", threshold);
        model.addAttribute("submission", desk.submission(id).orElse(null));
        model.addAttribute("decided", decided);
        model.addAttribute("holder", me.userId().equals(work.heldBy()));
        model.addAttribute("screener", screener);
        model.addAttribute("overseer", overseer);
        model.addAttribute("responseTimeLeft", decided || work.responseDueAt() == null ? null
                : TimeLeft.until(work.responseDueAt(), now));
        model.addAttribute("decisionTimeLeft", decided || threshold == null || threshold.decisionDueAt() == null
                ? null : TimeLeft.until(threshold.decisionDueAt(), now));
        model.addAttribute("checks", ContactActions.listOf(work.partnerChecks()).stream()
                .map(check -> new CheckRow(check, check.repliedAt() == null ? TimeLeft.until(check.dueAt(), now) : null))
                .toList());
        model.addAttribute("history", history(chronology, id, child));
        model.addAttribute("linkedRecords", chronology.map(ChildChronology::linkedChildren).orElse(List.of()));
        model.addAttribute("canAuthorise", overseer && proposal != null && !decided
                && !me.userId().equals(proposal.by().userId()));
        model.addAttribute("ownProposal", proposal != null && me.userId().equals(proposal.by().userId()));
        model.addAttribute("stepDown", proposal != null && threshold != null
                && proposal.outcome().level() < threshold.level());
        model.addAttribute("consentChoices", consentChoices(overseer, work));
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
        List<AlertBoard.Alert> clocks = desk.clocks(id);
        AlertBoard.Alert assessmentClock = clocks.stream().filter(running -> running.type() == ClockType.ASSESSMENT)
                .findFirst().orElse(null);
        model.addAttribute("assessmentClock", assessmentClock);
        model.addAttribute("outOfHoursClock", clocks.stream().filter(running -> running.type() == ClockType.OUT_OF_HOURS)
                .findFirst().orElse(null));
        model.addAttribute("assessmentTimeLeft", assessmentClock == null || work.assessment() != null
                || assessmentClock.state() == AlertBoard.State.STOPPED ? null
                : TimeLeft.until(assessmentClock.dueAt(), now));
        model.addAttribute("assessmentOutcomes", AssessmentCompleted.Outcome.values());
        // A strategy action's clock names it "<discussion>#<n>": its number in the discussion's record.
        model.addAttribute("actionClocks", clocks.stream()
                .filter(running -> running.type() == ClockType.STRATEGY_ACTION && running.reference() != null
                        && running.reference().contains("#"))
                .collect(java.util.stream.Collectors.toMap(running -> Integer.valueOf(
                        running.reference().substring(running.reference().lastIndexOf('#') + 1)),
                        running -> running, (first, second) -> first)));
        model.addAttribute("actionsDone", ContactActions.listOf(work.strategyActionsDone()).stream()
                .collect(java.util.stream.Collectors.toMap(ContactWorkView.ActionDone::action, done -> done,
                        (first, second) -> first)));
        model.addAttribute("duties", clocks.stream()
                .filter(running -> running.type().recordedAsDuty() && running.state() != AlertBoard.State.STOPPED)
                .map(running -> new DutyRow(running, ContactCommands.dutyPath(running.type()), TimeLeft.until(running.dueAt(), now)))
                .toList());
        model.addAttribute("dutiesDone", ContactActions.listOf(work.dutiesDone()));
        model.addAttribute("allocations", screener ? desk.allocations(id) : List.of());
        // What a manager may allocate now: the decided contact, and a strategy discussion once one is required.
        model.addAttribute("allocatable", Stream.of(WorkAllocated.Work.values())
                .filter(kind -> kind == WorkAllocated.Work.CONTACT ? decided : discussion != null).toList());
        model.addAttribute("identityChoices", DutyAndIdentityPage.IDENTITY_CHOICES);
        model.addAttribute("attendeeRows", DiscussionForms.ATTENDEE_ROWS);
        model.addAttribute("actionRows", DiscussionForms.ACTION_ROWS);
        LocalDate today = LocalDate.ofInstant(now, Dates.ENGLAND);
        model.addAttribute("today", today);
        model.addAttribute("nowTime", LocalTime.ofInstant(now, Dates.ENGLAND).withSecond(0).withNano(0).toString());
        return "contact";
    }

    /** A clock as the page shows it at a moment: its time left then, while it was running. */
    record ClockRow(AlertBoard.Alert clock, TimeLeft timeLeft) {
    }

    /**
     * The contact as it stood at a past moment ({@code contact-as-at}): read only, from the record folded up to then
     * (see {@link AsAtRecords}); the view is recorded first. Empty when the contact had not been received then.
     */
    private Optional<String> asAt(Actor me, ContactId id, ChildId child, Instant at, boolean screener, Model model) {
        Optional<AsAtRecords.Shown> found = asAtRecords.show(me, child, id, at, "contact " + id + " (contact page)",
                false);
        Optional<ContactStatusView> then = found.flatMap(shown -> shown.record().contact(id));
        if (then.isEmpty()) {
            return Optional.empty();
        }
        ChildAsAt record = found.get().record();
        ContactStatusView status = then.get();
        ContactWorkView work = status.work();
        boolean decided = status.status() == ContactStatus.DECIDED;
        // Earlier contacts as the record stood then; the history in brief is for screeners, as live.
        Optional<ChildChronology> chronology = screener ? Optional.ofNullable(record.chronology()) : Optional.empty();
        model.addAttribute("asAt", at);
        model.addAttribute("asAtWords", AsAtControl.words(at));
        model.addAttribute("contactId", id.value());
        model.addAttribute("childId", child.value());
        model.addAttribute("status", status);
        model.addAttribute("work", work);
        model.addAttribute("threshold", status.threshold());
        model.addAttribute("submission", desk.submission(id).orElse(null));
        model.addAttribute("decided", decided);
        model.addAttribute("screener", screener);
        model.addAttribute("responseTimeLeft", decided || work.responseDueAt() == null ? null
                : TimeLeft.until(work.responseDueAt(), at));
        model.addAttribute("checks", ContactActions.listOf(work.partnerChecks()).stream()
                .map(check -> new CheckRow(check, check.repliedAt() == null ? TimeLeft.until(check.dueAt(), at) : null))
                .toList());
        model.addAttribute("clocks", record.clocks(id).stream()
                .map(clock -> new ClockRow(clock.clock(), clock.open() ? TimeLeft.until(clock.clock().dueAt(), at) : null))
                .toList());
        model.addAttribute("history", history(chronology, id, child));
        model.addAttribute("linkedRecords", chronology.map(ChildChronology::linkedChildren).orElse(List.of()));
        return Optional.of("contact-as-at");
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
    private static List<ConsentRecorded.Decision> consentChoices(boolean overseer, ContactWorkView work) {
        List<ConsentRecorded.Decision> choices = new ArrayList<>(List.of(ConsentRecorded.Decision.GIVEN,
                ConsentRecorded.Decision.REFUSED, ConsentRecorded.Decision.NOT_SOUGHT));
        if (overseer && work.consent() != null && work.consent().decision() == ConsentRecorded.Decision.REFUSED) {
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

}
