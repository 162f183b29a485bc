package uk.frontdoor.projections.chronology;

import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.api.IdentityMatched;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ErasureDeferredByHold;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldLifted;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
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
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.vocabulary.PartnerAnswers;
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
import uk.frontdoor.triage.api.vocabulary.Vocabulary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one event puts in a child's chronology: when, which contact, who, a short plain-English
 * summary, and the free text that goes with it (narrative, rationale, reason, reply) kept apart
 * so the summary stays one line. Summaries are built only from codes (in the published vocabulary's
 * words, as the staff pages show them), staff user ids and times; the child's details appear in the
 * free text alone.
 *
 * @param at     when it happened in the record: the event's own time, or the time it was stored
 *               if the event carries none
 * @param detail free text written by a referrer or member of staff; null if there is none
 * @param actor  null for what the service itself recorded (receipt, assessment, matching)
 */
record ChronologyLine(Instant at, ContactId contactId, String summary, String detail, Actor actor) {

    /** Every word and line pattern comes from the published vocabulary, shared with the staff pages. */
    private static final Vocabulary WORDS = Vocabulary.plainEnglish();

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
            String channel = WORDS.word("channel", e.channel());
            String summary = e.loggedBy() == null ? WORDS.line("ContactReceived", e.agency().value(), channel)
                    : WORDS.line("ContactReceived.logged", e.agency().value(), channel, userId(e.loggedBy()));
            if (e.corrects() != null) {
                summary += WORDS.line("ContactReceived.corrects", e.corrects().value());
            }
            return e.loggedBy() == null ? system(e.receivedAt(), e.contactId(), summary, narrative)
                    : staff(e.receivedAt(), e.contactId(), summary, narrative, e.loggedBy());
        }
        if (event instanceof ThresholdAssessed e) {
            ThresholdAssessed.Threshold t = e.threshold();
            String summary = WORDS.line("ThresholdAssessed", String.valueOf(t.level()), WORDS.word("priority", t.priority()))
                    + (t.ruleSet() == null ? "" : WORDS.line("ThresholdAssessed.ruleSet", t.ruleSet().id(),
                    t.ruleSet().version()))
                    + flags("flag", t.flags());
            String rules = t.rulesFired().stream().map(rule -> rule.id() + ": " + rule.description())
                    .collect(Collectors.joining("\n"));
            return system(e.assessedAt(), e.contactId(), summary, rules.isEmpty() ? null : rules);
        }
        if (event instanceof ThresholdReassessed e) {
            ThresholdAssessed.Threshold t = e.threshold();
            String summary = WORDS.line("ThresholdReassessed", WORDS.word("reassessed", e.cause()),
                    String.valueOf(e.previousLevel()), String.valueOf(t.level()),
                    WORDS.word("priority", e.previousPriority()), WORDS.word("priority", t.priority()))
                    + flags("flag", t.flags());
            String rules = t.rulesFired().stream().map(rule -> rule.id() + ": " + rule.description())
                    .collect(Collectors.joining("\n"));
            return system(e.assessedAt(), e.contactId(), summary, rules.isEmpty() ? null : rules);
        }
        if (event instanceof IdentityMatched e) {
            return system(e.at(), e.contactId(), identityLine(e.match()), String.join("\n", e.match().candidates()
                    .stream().map(c -> c.childId().value() + ": " + String.join("; ", c.fields())).toList()));
        }
        if (event instanceof PossibleMatchFound e) {
            return system(e.at(), e.contactId(), WORDS.line("PossibleMatchFound", String.valueOf(e.candidates().size())),
                    null);
        }
        if (event instanceof PossibleMatchResolved e) {
            return staff(e.at(), e.contactId(), WORDS.line(e.sameChild() ? "PossibleMatchResolved.same"
                    : "PossibleMatchResolved.different", e.candidate().value()), e.reason(), e.actor());
        }
        if (event instanceof ChildRecordLinked e) {
            return staff(e.at(), null, WORDS.line("ChildRecordLinked", e.linkedChildId().value()), e.reason(), e.actor());
        }
        if (event instanceof ChildRecordUnlinked e) {
            return staff(e.at(), null, WORDS.line("ChildRecordUnlinked", e.unlinkedChildId().value()), e.reason(),
                    e.actor());
        }
        if (event instanceof ContactClaimed e) {
            return staff(e.at(), e.contactId(), WORDS.line("ContactClaimed", userId(e.actor())), null, e.actor());
        }
        if (event instanceof ContactReleased e) {
            String by = userId(e.actor());
            String summary = e.heldBy() == null || e.heldBy().equals(by) ? WORDS.line("ContactReleased", by)
                    : WORDS.line("ContactReleased.heldByAnother", by, e.heldBy());
            return staff(e.at(), e.contactId(), summary, null, e.actor());
        }
        if (event instanceof ConsentRecorded e) {
            return staff(e.at(), e.contactId(), WORDS.line("ConsentRecorded", WORDS.word("consent", e.decision())),
                    e.reason(), e.actor());
        }
        if (event instanceof PartnerCheckRequested e) {
            String agency = WORDS.wordOrAsGiven("agency", e.agency());
            return staff(e.at(), e.contactId(), e.dueAt() == null ? WORDS.line("PartnerCheckRequested", agency)
                    : WORDS.line("PartnerCheckRequested.due", agency, TIME.format(e.dueAt())), e.question(), e.actor());
        }
        if (event instanceof PartnerCheckAnswered e) {
            // Answered by the agency itself, not by front-door staff: who answered is in the line, not an Actor.
            return system(e.at(), e.contactId(), PartnerAnswers.line(e), PartnerAnswers.inWords(e));
        }
        if (event instanceof PartnerCheckReplied e) {
            return staff(e.at(), e.contactId(), WORDS.line(e.late() ? "PartnerCheckReplied.late" : "PartnerCheckReplied",
                    WORDS.wordOrAsGiven("agency", e.agency())), e.information(), e.actor());
        }
        if (event instanceof PriorityChanged e) {
            String from = WORDS.word("priority", e.from());
            String to = WORDS.word("priority", e.to());
            return staff(e.at(), e.contactId(), e.responseDueAt() == null ? WORDS.line("PriorityChanged", from, to)
                    : WORDS.line("PriorityChanged.due", from, to, TIME.format(e.responseDueAt())), e.rationale(), e.actor());
        }
        if (event instanceof DecisionProposed e) {
            return staff(e.at(), e.contactId(), WORDS.line(e.socialCareInformationOnly()
                    ? "DecisionProposed.informationOnly" : "DecisionProposed", WORDS.word("outcome", e.outcome())),
                    e.rationale(), e.actor());
        }
        if (event instanceof ProposalAuthorised e) {
            List<String> marks = new ArrayList<>();
            if (e.belowThreshold()) {
                marks.add(WORDS.line("ProposalAuthorised.belowThreshold"));
            }
            if (e.auditSample()) {
                marks.add(WORDS.line("ProposalAuthorised.auditSample"));
            }
            String outcome = WORDS.word("outcome", e.outcome());
            return staff(e.at(), e.contactId(), marks.isEmpty() ? WORDS.line("ProposalAuthorised", outcome)
                    : WORDS.line("ProposalAuthorised.marked", outcome, String.join(", ", marks)), e.reason(), e.actor());
        }
        if (event instanceof ProposalReturned e) {
            return staff(e.at(), e.contactId(), WORDS.line("ProposalReturned"), e.reason(), e.actor());
        }
        if (event instanceof FeedbackSent e) {
            String outcome = WORDS.word("outcome", e.outcome());
            String method = Vocabulary.inSentence(WORDS.word("method", e.method()));
            return staff(e.at(), e.contactId(), e.sentAt() == null ? WORDS.line("FeedbackSent", outcome, method)
                    : WORDS.line("FeedbackSent.sent", outcome, method, TIME.format(e.sentAt())), e.summary(), e.actor());
        }
        if (event instanceof StrategyDiscussionRequired e) {
            String reasons = words("strategy-reason", e.reasons(), "; ");
            return system(e.at(), e.contactId(), e.priority() == null ? WORDS.line("StrategyDiscussionRequired", reasons)
                    : WORDS.line("StrategyDiscussionRequired.rated", reasons, WORDS.word("priority", e.priority())), null);
        }
        if (event instanceof StrategyDiscussionConvened e) {
            String summary = (e.plannedAt() == null ? WORDS.line("StrategyDiscussionConvened")
                    : WORDS.line("StrategyDiscussionConvened.planned", TIME.format(e.plannedAt())))
                    + (e.invitedAgencies() == null || e.invitedAgencies().isEmpty() ? ""
                    : WORDS.line("StrategyDiscussionConvened.invited", agencies(e.invitedAgencies())));
            return staff(e.at(), e.contactId(), summary, null, e.actor());
        }
        if (event instanceof StrategyDiscussionHeld e) {
            String summary = WORDS.line("StrategyDiscussionHeld", WORDS.word("discussion-outcome", e.outcome()))
                    + flags("discussion-flag", e.flags())
                    + (e.conferenceDueAt() == null ? ""
                    : WORDS.line("StrategyDiscussionHeld.conferenceDue", TIME.format(e.conferenceDueAt())));
            return staff(e.at(), e.contactId(), summary, heldDetail(e), e.actor());
        }
        if (event instanceof SteppedUpFromEarlyHelp e) {
            return staff(e.at(), e.contactId(), e.earlyHelpDecidedAt() == null
                            ? WORDS.line("SteppedUpFromEarlyHelp.earlier")
                            : WORDS.line("SteppedUpFromEarlyHelp", TIME.format(e.earlyHelpDecidedAt())),
                    WORDS.line("SteppedUpFromEarlyHelp.detail", e.reason(), e.earlyHelpSummary()), e.actor());
        }
        if (event instanceof ClockStarted e) {
            return system(e.startedAt(), e.contactId(), WORDS.line("ClockStarted", WORDS.word("clock", e.type()),
                    TIME.format(e.dueAt()), WORDS.wordOrAsGiven("team", e.team())), null);
        }
        if (event instanceof ClockWarned e) {
            return system(e.at(), e.contactId(), WORDS.line("ClockWarned", WORDS.word("clock", e.type()),
                    TIME.format(e.dueAt())), null);
        }
        if (event instanceof ClockBreached e) {
            return system(e.at(), e.contactId(), WORDS.line("ClockBreached", WORDS.word("clock", e.type()),
                    TIME.format(e.dueAt())), null);
        }
        if (event instanceof ClockStopped e) {
            String clock = WORDS.word("clock", e.type());
            String summary = switch (e.reason()) {
                case DONE -> WORDS.line(e.late() ? "ClockStopped.DONE.late" : "ClockStopped.DONE.inTime", clock,
                        TIME.format(e.doneAt()));
                case RESCHEDULED -> WORDS.line("ClockStopped.RESCHEDULED", clock);
                case NOT_NEEDED -> WORDS.line("ClockStopped.NOT_NEEDED", clock);
            };
            return system(e.at(), e.contactId(), summary, null);
        }
        if (event instanceof DutyCompleted e) {
            return staff(e.at(), e.contactId(), WORDS.line("DutyCompleted", WORDS.word("clock", e.duty()),
                    TIME.format(e.doneAt())), e.note(), e.actor());
        }
        if (event instanceof InitialConferenceHeld e) {
            return staff(e.at(), e.contactId(), WORDS.line("InitialConferenceHeld", TIME.format(e.heldAt()),
                    WORDS.word("conference-outcome", e.outcome())), e.summary(), e.actor());
        }
        if (event instanceof HandedBackToDayTeam e) {
            return staff(e.at(), e.contactId(), WORDS.line("HandedBackToDayTeam"), e.summary(), e.actor());
        }
        if (event instanceof StrategyActionDone e) {
            if (e.doneBy() != null) {
                // Recorded by the owning agency's system: the person it names, the agency and how, in the line.
                return new ChronologyLine(e.at(), e.contactId(), WORDS.line("StrategyActionDone.byPartner", e.action(),
                        TIME.format(e.doneAt()), e.doneBy(), WORDS.wordOrAsGiven("agency", e.actor().userId()),
                        WORDS.word("answerChannel", e.channel())), blankToNull(e.note()), e.actor());
            }
            return staff(e.at(), e.contactId(), WORDS.line("StrategyActionDone", e.action(), TIME.format(e.doneAt())),
                    e.note(), e.actor());
        }
        if (event instanceof AssessmentCompleted e) {
            String detail = e.lateReason() == null ? e.summary()
                    : e.summary() == null ? e.lateReason() : e.summary() + " " + e.lateReason();
            return staff(e.at(), e.contactId(), WORDS.line(e.lateReason() == null ? "AssessmentCompleted"
                            : "AssessmentCompleted.late", TIME.format(e.completedAt()),
                    WORDS.word("assessment-outcome", e.outcome())), detail, e.actor());
        }
        if (event instanceof AlertAcknowledged e) {
            return staff(e.at(), e.contactId(), WORDS.line("AlertAcknowledged"), e.note(), e.actor());
        }
        if (event instanceof AlertAssigned e) {
            return staff(e.at(), e.contactId(), WORDS.line("AlertAssigned", e.assignee()), null, e.actor());
        }
        if (event instanceof AlertEscalated e) {
            return staff(e.at(), e.contactId(), WORDS.line("AlertEscalated", e.escalatedTo()), e.reason(), e.actor());
        }
        if (event instanceof RecordRestricted e) {
            List<String> readers = new ArrayList<>(e.visibleToStaff());
            e.visibleToTeams().forEach(team -> readers.add(WORDS.line("RecordRestricted.team", team)));
            String who = readers.isEmpty() ? WORDS.line("RecordRestricted.nobody") : String.join(", ", readers);
            String category = WORDS.word("restriction", e.category());
            return staff(e.at(), e.contactId(), e.contactId() == null ? WORDS.line("RecordRestricted", category, who)
                    : WORDS.line("RecordRestricted.contact", category, who), e.reason(), e.actor());
        }
        if (event instanceof RecordUnrestricted e) {
            return staff(e.at(), e.contactId(), WORDS.line(e.contactId() == null ? "RecordUnrestricted"
                    : "RecordUnrestricted.contact"), e.reason(), e.actor());
        }
        if (event instanceof WorkAllocated e) {
            return staff(e.at(), e.contactId(), WORDS.line("WorkAllocated", WORDS.word("allocated-work", e.work()),
                    e.worker(), e.team()), e.note(), e.actor());
        }
        if (event instanceof ErasureRequested e) {
            return staff(e.at(), null, WORDS.line("ErasureRequested", WORDS.word("erasure-reason", e.reason()),
                    WORDS.word("legal-basis", e.legalBasis())), e.reference(), e.actor());
        }
        if (event instanceof ChildErased e) {
            // The projection deletes the child's rows on this event; the line is for the as-at view and tests.
            return staff(e.at(), null, WORDS.line("ChildErased", WORDS.word("erasure-reason", e.reason()),
                    WORDS.word("legal-basis", e.legalBasis())), e.reference(), e.actor());
        }
        if (event instanceof LegalHoldPlaced e) {
            return staff(e.at(), null, WORDS.line("LegalHoldPlaced", WORDS.word("hold", e.kind()), e.holdId()),
                    e.reason(), e.actor());
        }
        if (event instanceof LegalHoldLifted e) {
            return staff(e.at(), null, WORDS.line("LegalHoldLifted", e.holdId()), e.reason(), e.actor());
        }
        if (event instanceof ErasureDeferredByHold e) {
            return system(e.at(), null, WORDS.line("ErasureDeferredByHold", e.schedule()), null);
        }
        throw new IllegalArgumentException("No chronology line for " + event.getClass().getSimpleName());
    }

    private static String heldDetail(StrategyDiscussionHeld e) {
        List<String> parts = new ArrayList<>();
        if (e.heldAt() != null || e.mode() != null) {
            parts.add(WORDS.line("StrategyDiscussionHeld.held", ((e.heldAt() == null ? "" : TIME.format(e.heldAt()) + " ")
                    + (e.mode() == null ? "" : "(" + WORDS.word("mode", e.mode()) + ")")).strip()));
        }
        if (e.summary() != null && !e.summary().isBlank()) {
            parts.add(e.summary());
        }
        if (e.attendees() != null && !e.attendees().isEmpty()) {
            parts.add(WORDS.line("StrategyDiscussionHeld.attended", e.attendees().stream()
                    .map(a -> WORDS.line("StrategyDiscussionHeld.attendee", a.name(),
                            WORDS.wordOrAsGiven("agency", a.agency()), a.role()))
                    .collect(Collectors.joining("; "))));
        }
        if (e.actions() != null) {
            e.actions().forEach(a -> parts.add(WORDS.line("StrategyDiscussionHeld.action", a.description(), a.owner(),
                    WORDS.wordOrAsGiven("agency", a.agency()), String.valueOf(a.dueDate()))));
        }
        return parts.isEmpty() ? null : String.join("\n", parts).strip();
    }

    /** Each flag in its words, after the line: "; Health did not take part". */
    private static String flags(String prefix, List<String> flags) {
        return flags == null ? "" : flags.stream().map(flag -> WORDS.line("flag", WORDS.word(prefix, flag)))
                .collect(Collectors.joining());
    }

    private static String words(String prefix, List<String> codes, String separator) {
        return codes == null ? "" : codes.stream().map(code -> WORDS.word(prefix, code))
                .collect(Collectors.joining(separator));
    }

    private static String agencies(List<String> agencies) {
        return agencies.stream().map(agency -> WORDS.wordOrAsGiven("agency", agency)).collect(Collectors.joining(", "));
    }

    private static String userId(Actor actor) {
        return actor == null ? "unknown" : actor.userId();
    }

    private static String identityLine(IdentityMatch match) {
        String version = match.parametersVersion();
        return switch (match.outcome()) {
            case CONFIDENT -> WORDS.line("IdentityMatched.CONFIDENT", match.candidates().get(0).childId().value(),
                    score(match.candidates().get(0).score()), version);
            case POSSIBLE -> WORDS.line("IdentityMatched.POSSIBLE", String.valueOf(match.candidates().size()),
                    score(match.candidates().get(0).score()), version);
            case NONE -> WORDS.line("IdentityMatched.NONE", version);
        };
    }

    private static String score(double score) {
        return String.format(Locale.UK, "%.1f", score);
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
