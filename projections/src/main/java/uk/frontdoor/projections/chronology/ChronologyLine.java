package uk.frontdoor.projections.chronology;

import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one event puts in a child's chronology: when, which contact, who, a short plain-English
 * summary, and the free text that goes with it (narrative, rationale, reason, reply) kept apart
 * so the summary stays one line. Summaries are built only from codes, enum names, staff user ids
 * and times; the child's details appear in the free text alone.
 *
 * @param at     when it happened in the record: the event's own time, or the time it was stored
 *               if the event carries none
 * @param detail free text written by a referrer or member of staff; null if there is none
 * @param actor  null for what the service itself recorded (receipt, assessment, matching)
 */
record ChronologyLine(Instant at, ContactId contactId, String summary, String detail, Actor actor) {

    /** Times in summaries are given as clock time in England. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/London"));

    /**
     * The line for any event in a child's stream. An event type this does not know is a programming
     * error (the interface is sealed, and a test covers every permitted type).
     *
     * @param storedAt the time the event was stored, used where the event carries no time of its own
     */
    static ChronologyLine of(ChildEvent event, Instant storedAt) {
        ChronologyLine line = describe(event);
        return line.at() == null ? new ChronologyLine(storedAt, line.contactId(), line.summary(), line.detail(),
                line.actor()) : line;
    }

    private static ChronologyLine describe(ChildEvent event) {
        if (event instanceof ContactReceived e) {
            String narrative = e.submission() == null || e.submission().concerns() == null ? null
                    : e.submission().concerns().narrative();
            String summary = "Contact received from " + e.agency() + " (" + e.channel() + ")";
            return e.loggedBy() == null ? system(e.receivedAt(), e.contactId(), summary, narrative)
                    : staff(e.receivedAt(), e.contactId(), summary + ", logged by " + userId(e.loggedBy()), narrative,
                    e.loggedBy());
        }
        if (event instanceof ThresholdAssessed e) {
            ThresholdAssessed.Threshold t = e.threshold();
            String summary = "Threshold: level " + t.level() + ", " + t.priority()
                    + (t.ruleSet() == null ? "" : ", rule set " + t.ruleSet().id() + " " + t.ruleSet().version())
                    + flags(t.flags());
            String rules = t.rulesFired().stream().map(rule -> rule.id() + ": " + rule.description())
                    .collect(Collectors.joining("\n"));
            return system(e.assessedAt(), e.contactId(), summary, rules.isEmpty() ? null : rules);
        }
        if (event instanceof PossibleMatchFound e) {
            return system(e.at(), e.contactId(), "Possible match with " + e.candidates().size()
                    + " known record(s), waiting for a person to decide", null);
        }
        if (event instanceof PossibleMatchResolved e) {
            return staff(e.at(), e.contactId(), "Possible match " + e.candidate() + " resolved: "
                    + (e.sameChild() ? "same child" : "not the same child"), e.reason(), e.actor());
        }
        if (event instanceof ChildRecordLinked e) {
            return staff(e.at(), null, "Record linked with " + e.linkedChildId(), e.reason(), e.actor());
        }
        if (event instanceof ContactClaimed e) {
            return staff(e.at(), e.contactId(), "Claimed by " + userId(e.actor()), null, e.actor());
        }
        if (event instanceof ContactReleased e) {
            String by = userId(e.actor());
            String summary = e.heldBy() == null || e.heldBy().equals(by) ? "Released by " + by
                    : "Released by " + by + " (held by " + e.heldBy() + ")";
            return staff(e.at(), e.contactId(), summary, null, e.actor());
        }
        if (event instanceof ConsentRecorded e) {
            return staff(e.at(), e.contactId(), "Consent: " + e.decision(), e.reason(), e.actor());
        }
        if (event instanceof PartnerCheckRequested e) {
            return staff(e.at(), e.contactId(), "Partner check requested of " + e.agency()
                    + (e.dueAt() == null ? "" : ", due " + TIME.format(e.dueAt())), e.question(), e.actor());
        }
        if (event instanceof PartnerCheckReplied e) {
            return staff(e.at(), e.contactId(), "Partner check reply from " + e.agency() + (e.late() ? " (late)" : ""),
                    e.information(), e.actor());
        }
        if (event instanceof PriorityChanged e) {
            return staff(e.at(), e.contactId(), "Priority changed from " + e.from() + " to " + e.to()
                            + (e.responseDueAt() == null ? "" : ", response due " + TIME.format(e.responseDueAt())),
                    e.rationale(), e.actor());
        }
        if (event instanceof DecisionProposed e) {
            return staff(e.at(), e.contactId(), "Decision proposed: " + e.outcome()
                    + (e.socialCareInformationOnly() ? " (social care information only)" : ""), e.rationale(), e.actor());
        }
        if (event instanceof ProposalAuthorised e) {
            List<String> marks = new ArrayList<>();
            if (e.belowThreshold()) {
                marks.add("below threshold");
            }
            if (e.auditSample()) {
                marks.add("audit sample");
            }
            return staff(e.at(), e.contactId(), "Proposal authorised: " + e.outcome()
                    + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")"), e.reason(), e.actor());
        }
        if (event instanceof ProposalReturned e) {
            return staff(e.at(), e.contactId(), "Proposal returned", e.reason(), e.actor());
        }
        if (event instanceof FeedbackSent e) {
            return staff(e.at(), e.contactId(), "Feedback sent: " + e.outcome() + " by " + e.method()
                    + (e.sentAt() == null ? "" : ", " + TIME.format(e.sentAt())), e.summary(), e.actor());
        }
        if (event instanceof StrategyDiscussionRequired e) {
            return system(e.at(), e.contactId(), "Strategy discussion required: " + joined(e.reasons())
                    + (e.priority() == null ? "" : " (" + e.priority() + ")"), null);
        }
        if (event instanceof StrategyDiscussionConvened e) {
            return staff(e.at(), e.contactId(), "Strategy discussion convened"
                    + (e.plannedAt() == null ? "" : " for " + TIME.format(e.plannedAt()))
                    + (e.invitedAgencies() == null || e.invitedAgencies().isEmpty() ? ""
                    : "; invited " + joined(e.invitedAgencies())), null, e.actor());
        }
        if (event instanceof StrategyDiscussionHeld e) {
            String summary = "Strategy discussion held: " + e.outcome() + flags(e.flags())
                    + (e.conferenceDueAt() == null ? "" : "; conference due " + TIME.format(e.conferenceDueAt()));
            return staff(e.at(), e.contactId(), summary, heldDetail(e), e.actor());
        }
        if (event instanceof SteppedUpFromEarlyHelp e) {
            return staff(e.at(), e.contactId(), "Stepped up from early help (early help decided "
                    + (e.earlyHelpDecidedAt() == null ? "earlier" : TIME.format(e.earlyHelpDecidedAt())) + ")",
                    e.reason() + "\nEarly help: " + e.earlyHelpSummary(), e.actor());
        }
        if (event instanceof ClockStarted e) {
            return system(e.startedAt(), e.contactId(), duty(e.type()) + " due by " + TIME.format(e.dueAt())
                    + " (" + e.team() + ")", null);
        }
        if (event instanceof ClockWarned e) {
            return system(e.at(), e.contactId(), "Warning: " + duty(e.type()) + " due by " + TIME.format(e.dueAt()),
                    null);
        }
        if (event instanceof ClockBreached e) {
            return system(e.at(), e.contactId(), "Breach: " + duty(e.type()) + " was due by "
                    + TIME.format(e.dueAt()), null);
        }
        if (event instanceof ClockStopped e) {
            String summary = switch (e.reason()) {
                case DONE -> duty(e.type()) + (e.late() ? " done late, " : " done in time, ") + TIME.format(e.doneAt());
                case RESCHEDULED -> duty(e.type()) + ": due time replaced";
                case NOT_NEEDED -> duty(e.type()) + ": no longer needed";
            };
            return system(e.at(), e.contactId(), summary, null);
        }
        if (event instanceof DutyCompleted e) {
            return staff(e.at(), e.contactId(), duty(e.duty()) + " recorded as done, " + TIME.format(e.doneAt()),
                    e.note(), e.actor());
        }
        if (event instanceof InitialConferenceHeld e) {
            return staff(e.at(), e.contactId(), "Initial child protection conference held "
                    + TIME.format(e.heldAt()) + ": " + e.outcome(), e.summary(), e.actor());
        }
        if (event instanceof AlertAcknowledged e) {
            return staff(e.at(), e.contactId(), "Alert acknowledged", e.note(), e.actor());
        }
        if (event instanceof AlertAssigned e) {
            return staff(e.at(), e.contactId(), "Alert assigned to " + e.assignee(), null, e.actor());
        }
        if (event instanceof AlertEscalated e) {
            return staff(e.at(), e.contactId(), "Alert escalated to " + e.escalatedTo(), e.reason(), e.actor());
        }
        throw new IllegalArgumentException("No chronology line for " + event.getClass().getSimpleName());
    }

    private static String heldDetail(StrategyDiscussionHeld e) {
        List<String> parts = new ArrayList<>();
        if (e.heldAt() != null || e.mode() != null) {
            parts.add("Held " + (e.heldAt() == null ? "" : TIME.format(e.heldAt()) + " ")
                    + (e.mode() == null ? "" : "(" + e.mode() + ")"));
        }
        if (e.summary() != null && !e.summary().isBlank()) {
            parts.add(e.summary());
        }
        if (e.attendees() != null && !e.attendees().isEmpty()) {
            parts.add("Attended: " + e.attendees().stream()
                    .map(a -> a.name() + " (" + a.agency() + ", " + a.role() + ")")
                    .collect(Collectors.joining("; ")));
        }
        if (e.actions() != null) {
            e.actions().forEach(a -> parts.add("Action: " + a.description() + " - " + a.owner() + " (" + a.agency()
                    + "), due " + a.dueDate()));
        }
        return parts.isEmpty() ? null : String.join("\n", parts).strip();
    }

    private static String flags(List<String> flags) {
        return flags == null || flags.isEmpty() ? "" : "; flags " + joined(flags);
    }

    /** CONTACT_DECISION reads "Contact decision". */
    private static String duty(ClockType type) {
        String words = type.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT).replace("lado", "LADO");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String joined(List<String> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String userId(Actor actor) {
        return actor == null ? "unknown" : actor.userId();
    }

    private static ChronologyLine system(Instant at, ContactId contactId, String summary, String detail) {
        return new ChronologyLine(at, contactId, summary, blankToNull(detail), null);
    }

    private static ChronologyLine staff(Instant at, ContactId contactId, String summary, String detail, Actor actor) {
        return new ChronologyLine(at, contactId, summary, blankToNull(detail), actor);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    ChronologyLine {
        Objects.requireNonNull(summary, "summary");
    }
}
