package uk.frontdoor.projections.chronology;

import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.api.IdentityMatched;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.api.ThresholdAssessed.Priority.AMBER;
import static uk.frontdoor.triage.api.ThresholdAssessed.Priority.RED;

/** One plain-English line per event type, built from codes and staff ids, never from the child's details. */
class ChronologyLineTest {

    static final ChildId CHILD = ChildId.of("5f0c3c4e-7d7a-4a44-9d53-0c1f0d6f2b11");
    static final ChildId OTHER = ChildId.of("9a1d2b3c-4e5f-4a6b-8c7d-0e1f2a3b4c5d");
    static final ContactId OTHER_CONTACT = ContactId.of("0b6f1b7e-3c0a-4a55-9b8e-0d3b1d4c2e11");
    static final ContactId CONTACT = ContactId.of("0b6f1b7e-3c0a-4a55-9b8e-0d3b1d4c2e10");
    // 10:00 in London during British Summer Time: summaries show England's clock time.
    static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");
    static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    static final String NARRATIVE = "Jamie Smith (9) was present during an assault at home";

    /** One example of every event a child's stream can hold, with the line it must make. */
    static Map<ChildEvent, String> examples() {
        var examples = new LinkedHashMap<ChildEvent, String>();
        examples.put(new ContactReceived(CHILD, CONTACT, AgencyCode.of("demo-police"), Channel.HTTP, AT, submission()),
                "Contact received from demo-police, sent through the partner API");
        examples.put(new ThresholdAssessed(CHILD, CONTACT, AT, new ThresholdAssessed.Threshold(3, AMBER,
                        AT.plusSeconds(3600), AT.plusSeconds(7200), List.of(),
                        new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"),
                        List.of(new ThresholdAssessed.RuleFired("DA-CHILD-PRESENT", "Domestic abuse, child present")))),
                "Threshold: level 3, Amber, rule set berkshire-threshold 2026.1");
        examples.put(new IdentityMatched(CHILD, CONTACT, new IdentityMatch(IdentityMatch.Outcome.CONFIDENT,
                        List.of(new IdentityMatch.Candidate(OTHER, 11.25, 0.9996, List.of("date of birth: the same, +12.5"))),
                        "2026.12", 6.0, -4.0), AT),
                "Matched to known record " + OTHER + " with confidence (score 11.3, matching parameters 2026.12)");
        examples.put(new PossibleMatchFound(CHILD, CONTACT, List.of(OTHER), AT),
                "Possible match with 1 known record(s), waiting for a person to decide");
        examples.put(new PossibleMatchResolved(CHILD, CONTACT, OTHER, true, "Same school and GP", SW1, AT),
                "Possible match " + OTHER + " resolved: same child");
        examples.put(new ChildRecordLinked(CHILD, OTHER, "Same NHS number found", MANAGER1, AT),
                "Record linked with " + OTHER);
        examples.put(new ChildRecordUnlinked(CHILD, OTHER, "Different dates of birth", SW1, AT),
                "Link with record " + OTHER + " undone: not the same child");
        examples.put(new ThresholdReassessed(CHILD, CONTACT, AT, new ThresholdAssessed.Threshold(4, RED,
                        AT.plusSeconds(3600), AT.plusSeconds(7200), List.of(),
                        new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"),
                        List.of(new ThresholdAssessed.RuleFired("ACCUMULATING-CONCERNS", "Accumulating concerns"))),
                        3, AMBER, ThresholdReassessed.Cause.RECORDS_LINKED, OTHER),
                "Threshold reassessed (records linked, histories counted together): level 3 to 4, Amber to Red");
        examples.put(new ContactClaimed(CHILD, CONTACT, SW1, AT), "Claimed by sw1");
        examples.put(new ContactReleased(CHILD, CONTACT, "sw1", MANAGER1, AT), "Released by manager1 (held by sw1)");
        examples.put(new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSED, "Mother declined", SW1, AT),
                "Consent: Refused");
        examples.put(new PartnerCheckRequested(CHILD, CONTACT, "check-1", "POLICE", "Any call-outs?",
                AT.plusSeconds(86_400), SW1, AT), "Partner check requested of Police, due 2026-06-02 10:00");
        examples.put(new PartnerCheckReplied(CHILD, CONTACT, "check-1", "POLICE", "Two call-outs in May", true, SW1, AT),
                "Partner check reply from Police (late)");
        examples.put(new PartnerCheckAnswered(CHILD, CONTACT, "check-1", "POLICE",
                        PartnerCheckAnswered.Answer.INFORMATION_FOUND, "Two call-outs in May", null, true,
                        new PartnerCheckAnswered.Answerer(null, "demo-police", Channel.HTTP), AT),
                "demo-police answered the partner check: Information found (by the partner API, late)");
        examples.put(new PriorityChanged(CHILD, CONTACT, AMBER, RED, AT.plusSeconds(4 * 3600), "Injury seen", SW1, AT),
                "RAG rating changed from Amber to Red, response due 2026-06-01 14:00");
        examples.put(new DecisionProposed(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Needs are met by early help",
                List.of(), true, SW1, AT), "Decision proposed: Early help (social care information only)");
        examples.put(new ProposalAuthorised(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "sw1", 4, true,
                        "Protective father now at home", true, MANAGER1, AT),
                "Proposal authorised: Child and family assessment (section 17) (below threshold, audit sample)");
        examples.put(new ProposalReturned(CHILD, CONTACT, "Ask health first", MANAGER1, AT), "Proposal returned");
        examples.put(new FeedbackSent(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, FeedbackSent.Method.SECURE_EMAIL,
                AT, "Told the officer", SW1, AT), "Feedback sent: Early help, by secure email, 2026-06-01 10:00");
        examples.put(new StrategyDiscussionRequired(CHILD, CONTACT, "sd-1",
                        List.of(StrategyDiscussionRequired.SECTION_47_DECISION), RED, AT),
                "Strategy discussion required: The decision was a strategy discussion (section 47); RAG rating Red");
        examples.put(new StrategyDiscussionConvened(CHILD, CONTACT, "sd-1", AT.plusSeconds(3600),
                        List.of("POLICE", "HEALTH"), MANAGER1, AT),
                "Strategy discussion convened for 2026-06-01 11:00; invited Police, Health");
        examples.put(new StrategyDiscussionHeld(CHILD, CONTACT, "sd-1", AT, StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(new StrategyDiscussionHeld.Attendee("Dee Officer", "POLICE", "DC")),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Agreed joint visit",
                        List.of(new StrategyDiscussionHeld.Action("Joint visit", "sw1", "demo-council",
                                LocalDate.of(2026, 6, 2))),
                        List.of(StrategyDiscussionHeld.HEALTH_ABSENT), Instant.parse("2026-06-22T09:00:00Z"),
                        MANAGER1, AT),
                "Strategy discussion held: Section 47 enquiry; Health did not take part; conference due 2026-06-22 10:00");
        examples.put(new SteppedUpFromEarlyHelp(CHILD, CONTACT, OTHER_CONTACT, AT.minusSeconds(86_400),
                        "Six weeks of family support.", "Neglect worsening.", SW1, AT),
                "Stepped up from early help (early help decided 2026-05-31 10:00)");
        examples.put(new ClockStarted(CHILD, CONTACT, "clock-1", ClockType.CONTACT_DECISION, null, "MASH", AMBER, AT,
                AT.plusSeconds(64_800), AT.plusSeconds(86_400), List.of("s-1", "s-2")),
                "Contact decision due by 2026-06-02 10:00 (MASH)");
        examples.put(new ClockWarned(CHILD, CONTACT, "clock-1", ClockType.LADO_REFERRAL, AT.plusSeconds(3600), AT),
                "Warning: Referral to the LADO due by 2026-06-01 11:00");
        examples.put(new ClockBreached(CHILD, CONTACT, "clock-1", ClockType.RETURN_HOME_INTERVIEW, AT, AT),
                "Breach: Return home interview was due by 2026-06-01 10:00");
        examples.put(new ClockStopped(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, ClockStopped.Reason.DONE,
                AT.minusSeconds(7200), AT.minusSeconds(3600), AT, true, java.time.Duration.ofHours(2), AT),
                "Feedback to the referrer done late, 2026-06-01 10:00");
        examples.put(new DutyCompleted(CHILD, CONTACT, ClockType.PRIVATE_FOSTERING_VISIT, AT.minusSeconds(3600),
                "Visited; carer suitable", SW1, AT), "Private fostering visit recorded as done, 2026-06-01 09:00");
        examples.put(new InitialConferenceHeld(CHILD, CONTACT, "sd-1", AT.minusSeconds(3600),
                InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN, "Plan under neglect", SW1, AT),
                "Initial child protection conference held 2026-06-01 09:00: Child protection plan");
        examples.put(new uk.frontdoor.triage.api.AssessmentCompleted(CHILD, CONTACT, AT.minusSeconds(3600),
                uk.frontdoor.triage.api.AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN, "Needs met by a plan", null,
                SW1, AT), "Child and family assessment completed 2026-06-01 09:00: Child in need plan");
        examples.put(new uk.frontdoor.triage.api.HandedBackToDayTeam(CHILD, CONTACT, "Visited at 02:00; safe with aunt.",
                SW1, AT), "Handed back to the day team by the emergency duty team");
        examples.put(new uk.frontdoor.triage.api.StrategyActionDone(CHILD, CONTACT, "sd-1", 2, AT.minusSeconds(3600),
                "Visited the school", SW1, AT), "Strategy discussion action 2 done 2026-06-01 09:00");
        examples.put(new uk.frontdoor.triage.api.StrategyActionDone(CHILD, CONTACT, "sd-1", 2, AT.minusSeconds(3600),
                        "PNC checked", new uk.frontdoor.triage.api.value.Actor("demo-police",
                        uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "POLICE"), "DS Jane Example",
                        uk.frontdoor.triage.api.value.Channel.HTTP, AT),
                "Strategy discussion action 2 done 2026-06-01 09:00 by DS Jane Example of demo-police (by the partner API)");
        examples.put(new AlertAcknowledged(CHILD, CONTACT, "clock-1", "Worker on it", MANAGER1, AT),
                "Alert acknowledged");
        examples.put(new AlertAssigned(CHILD, CONTACT, "clock-1", "sw2", MANAGER1, AT), "Alert assigned to sw2");
        examples.put(new AlertEscalated(CHILD, CONTACT, "clock-1", "head-of-service", "Third breach", MANAGER1, AT),
                "Alert escalated to head-of-service");
        examples.put(new RecordRestricted(CHILD, null, RecordRestricted.Category.PREVENT, "Prevent referral",
                List.of("sw2"), List.of("prevent"), MANAGER1, AT),
                "Record restricted (Prevent): read only by sw2, team prevent and managers");
        examples.put(new RecordUnrestricted(CHILD, CONTACT, "Allegation unfounded", MANAGER1, AT),
                "Restriction lifted from the contact");
        examples.put(new uk.frontdoor.triage.api.WorkAllocated(CHILD, CONTACT,
                        uk.frontdoor.triage.api.WorkAllocated.Work.STRATEGY_DISCUSSION, "mash", "sw2", "Red: today.",
                        MANAGER1, AT),
                "Strategy discussion allocated to sw2 (team mash)");
        var request = new uk.frontdoor.triage.api.ErasureRequested(CHILD,
                uk.frontdoor.triage.api.ErasureRequested.Reason.SUBJECT_REQUEST,
                uk.frontdoor.triage.api.ErasureRequested.LegalBasis.NO_LONGER_NECESSARY, "DPO-2026-041", MANAGER1, AT);
        examples.put(request, "Erasure of the record requested (request from the data subject) under UK GDPR Article "
                + "17(1)(a), no longer necessary: waiting for a second manager to authorise it");
        examples.put(new uk.frontdoor.triage.api.ChildErased(CHILD, request.reason(), request.legalBasis(),
                request.reference(), MANAGER1, MANAGER1, AT),
                "Record erased (request from the data subject) under UK GDPR Article 17(1)(a), no longer necessary");
        examples.put(new uk.frontdoor.triage.api.LegalHoldPlaced(CHILD, "hold-1",
                        uk.frontdoor.triage.api.LegalHoldPlaced.Kind.PRACTICE_REVIEW, "Rapid review", MANAGER1, AT),
                "Legal hold placed (Child safeguarding practice review): the record is not erased while it is in "
                        + "force (hold hold-1)");
        examples.put(new uk.frontdoor.triage.api.LegalHoldLifted(CHILD, "hold-1", "Review published", MANAGER1, AT),
                "Legal hold lifted (hold hold-1)");
        examples.put(new uk.frontdoor.triage.api.ErasureDeferredByHold(CHILD, List.of("hold-1"), "closed-no-further-action",
                        AT),
                "Due for erasure under the retention schedule (closed-no-further-action), kept: under legal hold");
        return examples;
    }

    @Test
    void every_event_type_a_stream_can_hold_has_an_example() {
        Set<Class<?>> covered = examples().keySet().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(ChildEvent.class.getPermittedSubclasses());
    }

    @Test
    void each_event_makes_its_plain_english_line() {
        examples().forEach((event, summary) -> assertThat(ChronologyLine.of(event, AT.plusSeconds(5)).summary())
                .as(event.getClass().getSimpleName()).isEqualTo(summary));
    }

    /** The complaint: "Consent: REFUSAL_OVERRIDDEN". Every code is in the vocabulary's words. */
    @Test
    void no_line_shows_a_code_as_it_is_stored() {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b[A-Z]+(_[A-Z0-9]+)+\\b|\\b(RED|AMBER|GREEN|BLUE"
                + "|REFUSED|GIVEN|HTTP|KAFKA|STAFF|POLICE|HEALTH|VIDEO|PHONE|EMAIL|FEEDBACK|ASSESSMENT)\\b");
        examples().keySet().forEach(event -> {
            ChronologyLine line = ChronologyLine.of(event, AT);
            assertThat(line.summary()).as(event.getClass().getSimpleName()).doesNotContainPattern(code);
            if (line.detail() != null && !(event instanceof ThresholdAssessed)) {
                assertThat(line.detail()).as(event.getClass().getSimpleName()).doesNotContainPattern(code);
            }
        });
    }

    @Test
    void each_variant_of_a_line_reads_in_plain_words() {
        Map<ChildEvent, String> variants = new LinkedHashMap<>();
        variants.put(new ContactReceived(CHILD, CONTACT, AgencyCode.of("demo-council"), Channel.STAFF, AT, submission(),
                SW1), "Contact received from demo-council, logged by staff (sw1)");
        variants.put(new PossibleMatchResolved(CHILD, CONTACT, OTHER, false, "Different GP", SW1, AT),
                "Possible match " + OTHER + " resolved: not the same child");
        variants.put(new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN, "Risk", MANAGER1,
                AT), "Consent: Refusal overridden (manager)");
        variants.put(new PartnerCheckRequested(CHILD, CONTACT, "check-2", "demo-housing", "Tenancy?", null, SW1, AT),
                "Partner check requested of demo-housing");
        variants.put(new PartnerCheckReplied(CHILD, CONTACT, "check-2", "HEALTH", "Known to the GP", false, SW1, AT),
                "Partner check reply from Health");
        variants.put(new PartnerCheckAnswered(CHILD, CONTACT, "check-3", "HEALTH",
                        PartnerCheckAnswered.Answer.CANNOT_SHARE, null, "Consent needed", false,
                        new PartnerCheckAnswered.Answerer("health1", "HEALTH", Channel.STAFF), AT),
                "Health answered the partner check: Cannot share (on the partner pages by health1)");
        variants.put(new PriorityChanged(CHILD, CONTACT, RED, AMBER, null, "Seen and safe", SW1, AT),
                "RAG rating changed from Red to Amber");
        variants.put(new DecisionProposed(CHILD, CONTACT, DecisionOutcome.NO_FURTHER_ACTION, "No concerns", List.of(),
                false, SW1, AT), "Decision proposed: No further action");
        variants.put(new FeedbackSent(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, FeedbackSent.Method.PHONE, null,
                "Rang the school", SW1, AT), "Feedback sent: Child and family assessment (section 17), by phone");
        variants.put(new StrategyDiscussionRequired(CHILD, CONTACT, "sd-2", List.of(StrategyDiscussionRequired.RULES_FLAGGED),
                null, AT), "Strategy discussion required: The threshold rules flagged it");
        variants.put(new StrategyDiscussionConvened(CHILD, CONTACT, "sd-2", null, List.of(), MANAGER1, AT),
                "Strategy discussion convened");
        variants.put(new SteppedUpFromEarlyHelp(CHILD, CONTACT, OTHER_CONTACT, null, "Support ended.", "Worse.", SW1, AT),
                "Stepped up from early help (early help decided earlier)");
        variants.put(new ClockStopped(CHILD, CONTACT, "clock-2", ClockType.CONTACT_DECISION, ClockStopped.Reason.DONE,
                AT.minusSeconds(7200), AT.minusSeconds(3600), AT, false, java.time.Duration.ofHours(1), AT),
                "Contact decision done in time, 2026-06-01 10:00");
        variants.put(new ClockStopped(CHILD, CONTACT, "clock-2", ClockType.STRATEGY_DISCUSSION,
                ClockStopped.Reason.RESCHEDULED, AT, AT, null, false, java.time.Duration.ZERO, AT),
                "Strategy discussion: due time replaced");
        variants.put(new ClockStopped(CHILD, CONTACT, "clock-2", ClockType.MANAGER_AUTHORISATION,
                ClockStopped.Reason.NOT_NEEDED, AT, AT, null, false, java.time.Duration.ZERO, AT),
                "Manager's authorisation: no longer needed");
        variants.put(new InitialConferenceHeld(CHILD, CONTACT, "sd-1", AT, InitialConferenceHeld.Outcome.NO_PLAN, null,
                SW1, AT), "Initial child protection conference held 2026-06-01 10:00: No child protection plan");
        variants.put(new uk.frontdoor.triage.api.AssessmentCompleted(CHILD, CONTACT, AT,
                uk.frontdoor.triage.api.AssessmentCompleted.Outcome.NO_FURTHER_ACTION, null, "Family moved away",
                SW1, AT), "Child and family assessment completed 2026-06-01 10:00, late: No further action");
        variants.forEach((event, summary) -> assertThat(ChronologyLine.of(event, AT).summary())
                .as(event.getClass().getSimpleName()).isEqualTo(summary));
    }

    @Test
    void staff_events_name_who_did_it_and_the_service_own_events_name_nobody() {
        Set<String> system = Set.of("ContactReceived", "ThresholdAssessed", "ThresholdReassessed", "IdentityMatched",
                "PossibleMatchFound",
                "StrategyDiscussionRequired", "ClockStarted", "ClockWarned", "ClockBreached", "ClockStopped",
                // Answered by the partner agency itself, which its line names: no front-door member of staff acted.
                "PartnerCheckAnswered",
                // The retention schedule's own finding.
                "ErasureDeferredByHold");
        examples().keySet().forEach(event -> {
            ChronologyLine line = ChronologyLine.of(event, AT);
            if (system.contains(event.getClass().getSimpleName())) {
                assertThat(line.actor()).as(event.getClass().getSimpleName()).isNull();
            } else {
                assertThat(line.actor()).as(event.getClass().getSimpleName()).isNotNull();
            }
            assertThat(line.at()).isEqualTo(AT);
        });
    }

    @Test
    void free_text_goes_to_the_detail_never_the_summary() {
        ChronologyLine received = ChronologyLine.of(examples().keySet().iterator().next(), AT);
        assertThat(received.detail()).isEqualTo(NARRATIVE);
        assertThat(received.summary()).doesNotContain("Jamie", "Smith");

        ChronologyLine consent = ChronologyLine.of(
                new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.NOT_SOUGHT, "Risk to the child", SW1, AT), AT);
        assertThat(consent.summary()).isEqualTo("Consent: Not sought");
        assertThat(consent.detail()).isEqualTo("Risk to the child");

        ChronologyLine held = ChronologyLine.of(examples().keySet().stream()
                .filter(StrategyDiscussionHeld.class::isInstance).findFirst().orElseThrow(), AT);
        assertThat(held.detail()).contains("Agreed joint visit", "Dee Officer (Police, DC)",
                "Action: Joint visit - sw1 (demo-council), due 2026-06-02");
    }

    @Test
    void an_event_without_a_time_of_its_own_takes_the_time_it_was_stored() {
        Instant stored = AT.plusSeconds(60);
        assertThat(ChronologyLine.of(new ContactClaimed(CHILD, CONTACT, SW1, null), stored).at()).isEqualTo(stored);
    }

    @Test
    void a_worker_releasing_their_own_contact_is_said_once() {
        assertThat(ChronologyLine.of(new ContactReleased(CHILD, CONTACT, "sw1", SW1, AT), AT).summary())
                .isEqualTo("Released by sw1");
        assertThat(ChronologyLine.of(new ProposalAuthorised(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "sw1", 3,
                false, null, false, MANAGER1, AT), AT).summary()).isEqualTo("Proposal authorised: Child and family assessment (section 17)");
    }

    private static ContactSubmission submission() {
        return new ContactSubmission("NICHE-1", "5A",
                new ContactSubmission.Referrer("PC Dee Officer", "Constable", "Demo Police", null, null),
                new ContactSubmission.Child("Jamie", "Smith", LocalDate.of(2017, 3, 1), null,
                        ContactSubmission.Sex.MALE, null, null, null, null, null),
                List.of(), new ContactSubmission.Concerns(List.of("3A"), List.of("CHILD_PRESENT"), NARRATIVE),
                AT.minusSeconds(7200), new ContactSubmission.Consent(ContactSubmission.ConsentStatus.GIVEN, null),
                false, null);
    }
}
