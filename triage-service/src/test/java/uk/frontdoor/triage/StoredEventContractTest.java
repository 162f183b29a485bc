package uk.frontdoor.triage;

import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.api.IdentityMatched;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import uk.frontdoor.triage.dataprotection.InMemoryPersonalDataKeys;
import uk.frontdoor.triage.dataprotection.SealedFields;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.WorkAllocated;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.LATER_CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;

/**
 * Stored events are a public contract: children's records are kept for decades. Each event's JSON
 * is pinned here; if this test fails, the change needs a new @Revision and an upcaster, never an
 * edit of the pinned file.
 * <p>
 * The pinned files hold each event as plain JSON: as events were stored before personal fields were
 * encrypted, and as every event reads once its encrypted fields are opened. Which fields are stored
 * encrypted ({@code {"enc":"...","k":"<child id>"}} in the field's place) is pinned beside them, in
 * {@code events/encrypted-fields.properties}.
 */
class StoredEventContractTest {

    private static final ChildId OTHER_CHILD = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");

    private static final ThresholdAssessed.Threshold AMBER_THRESHOLD = new ThresholdAssessed.Threshold(3,
            ThresholdAssessed.Priority.AMBER, RECEIVED.plusSeconds(86_400), RECEIVED.plusSeconds(86_400),
            List.of("STRATEGY_DISCUSSION_REQUIRED"), new ThresholdAssessed.RuleSet("berkshire", "2026.1"),
            List.of(new ThresholdAssessed.RuleFired("DA-CHILD-PRESENT", "Domestic abuse with a child present")));

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
    private final JacksonSerializer serializer = EventJson.serializer(keys);

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("ContactReceived-3.json", "3",
                        new ContactReceived(CHILD, CONTACT, AgencyCode.of("demo-council"), Channel.STAFF, RECEIVED,
                                correcting(Examples.domesticAbuseNotification("NICHE-2026-000124"), "NICHE-2026-000123"),
                                ADMIN, ContactId.of("0d9c3f44-1e55-4b5e-a1b6-7d1c0f6c0000"))),
                Arguments.of("ThresholdAssessed-2.json", "2",
                        new ThresholdAssessed(CHILD, CONTACT, RECEIVED, AMBER_THRESHOLD,
                                new ThresholdAssessed.Completeness(
                                        new ThresholdAssessed.ReferralStandard("demo-council-referral-standard", "2026.1"),
                                        "POLICE", 7, 9, List.of(
                                        new ThresholdAssessed.Gap("RISK_INDICATORS",
                                                "The risk indicators that apply, from the front door's list"),
                                        new ThresholdAssessed.Gap("ACTIONS_TAKEN",
                                                "What the referrer has already done about the concern"))))),
                Arguments.of("IdentityMatched-1.json", "1",
                        new IdentityMatched(CHILD, CONTACT, new IdentityMatch(IdentityMatch.Outcome.POSSIBLE,
                                List.of(new IdentityMatch.Candidate(OTHER_CHILD, 3.25, 0.0831,
                                        List.of("family name: the same, +9.1", "date of birth: day and month swapped, +7.6",
                                                "given name: different, -5.2"))),
                                "2026.12-synthetic", 6.0, -4.0), RECEIVED)),
                // Since the prior follows the number of known children, a decision also says which prior it
                // started from and for how many children: two fields added, left out when absent (above).
                Arguments.of("IdentityMatched-1-with-prior.json", "1",
                        new IdentityMatched(CHILD, CONTACT, new IdentityMatch(IdentityMatch.Outcome.CONFIDENT,
                                List.of(new IdentityMatch.Candidate(OTHER_CHILD, 14.5, 0.99996,
                                        List.of("family name: the same, +6.4", "date of birth: the same, +12.5"))),
                                "2026-12-synthetic-2", 6.0, -4.0, 7.5E-7, 1_000_000L), RECEIVED)),
                Arguments.of("PossibleMatchFound-1.json", "1",
                        new PossibleMatchFound(CHILD, CONTACT, List.of(OTHER_CHILD), RECEIVED)),
                Arguments.of("PossibleMatchResolved-1.json", "1",
                        new PossibleMatchResolved(CHILD, CONTACT, OTHER_CHILD, true, "Same school and GP.", SW1, NOW)),
                Arguments.of("ChildRecordLinked-1.json", "1",
                        new ChildRecordLinked(CHILD, OTHER_CHILD, "Same school and GP.", SW1, NOW)),
                Arguments.of("ChildRecordUnlinked-1.json", "1",
                        new ChildRecordUnlinked(CHILD, OTHER_CHILD, "Different dates of birth on the GP record.", SW1,
                                NOW)),
                Arguments.of("ThresholdReassessed-1.json", "1",
                        new ThresholdReassessed(CHILD, CONTACT, NOW, new ThresholdAssessed.Threshold(4,
                                ThresholdAssessed.Priority.AMBER, RECEIVED.plusSeconds(86_400),
                                RECEIVED.plusSeconds(86_400), List.of("ACCUMULATING_CONCERNS"),
                                new ThresholdAssessed.RuleSet("berkshire", "2026.1"),
                                List.of(new ThresholdAssessed.RuleFired("ACCUMULATING-CONCERNS",
                                        "Accumulating concerns"))), 3, ThresholdAssessed.Priority.AMBER,
                                ThresholdReassessed.Cause.RECORDS_LINKED, OTHER_CHILD)),
                Arguments.of("ContactClaimed-1.json", "1", new ContactClaimed(CHILD, CONTACT, SW1, NOW)),
                Arguments.of("ContactReleased-1.json", "1", new ContactReleased(CHILD, CONTACT, "sw1", MANAGER1, NOW)),
                Arguments.of("ConsentRecorded-1.json", "1", new ConsentRecorded(CHILD, CONTACT,
                        ConsentRecorded.Decision.NOT_SOUGHT, "Asking would alert the alleged abuser.", SW1, NOW)),
                Arguments.of("PartnerCheckRequested-1.json", "1", new PartnerCheckRequested(CHILD, CONTACT,
                        "check-1", "POLICE", "Known to police?", NOW.plusSeconds(21_600), SW1, NOW)),
                Arguments.of("PartnerCheckReplied-1.json", "1", new PartnerCheckReplied(CHILD, CONTACT, "check-1",
                        "POLICE", "Two call-outs this year.", false, ADMIN, NOW)),
                Arguments.of("PartnerCheckAnswered-1.json", "1", new PartnerCheckAnswered(CHILD, CONTACT, "check-1",
                        "POLICE", PartnerCheckAnswered.Answer.INFORMATION_FOUND, "Two call-outs this year.", null,
                        true, new PartnerCheckAnswered.Answerer(null, "demo-police", Channel.HTTP), NOW)),
                Arguments.of("PartnerCheckAnswered-1-cannot-share.json", "1", new PartnerCheckAnswered(CHILD, CONTACT,
                        "check-2", "HEALTH", PartnerCheckAnswered.Answer.CANNOT_SHARE, null,
                        "Patient consent is needed.", false,
                        new PartnerCheckAnswered.Answerer("health1", "HEALTH", Channel.STAFF), NOW)),
                Arguments.of("PriorityChanged-1.json", "1", new PriorityChanged(CHILD, CONTACT,
                        ThresholdAssessed.Priority.AMBER, ThresholdAssessed.Priority.RED, NOW.plusSeconds(10_800),
                        "Child disclosed injuries.", SW1, NOW)),
                Arguments.of("DecisionProposed-1.json", "1", new DecisionProposed(CHILD, CONTACT,
                        DecisionOutcome.STRATEGY_DISCUSSION, "Significant harm suspected.", List.of("POLICE"), false,
                        SW1, NOW)),
                Arguments.of("ProposalAuthorised-1.json", "1", new ProposalAuthorised(CHILD, CONTACT,
                        DecisionOutcome.EARLY_HELP, "sw1", 4, true, "Perpetrator remanded.", true, MANAGER1, NOW)),
                Arguments.of("ProposalReturned-1.json", "1",
                        new ProposalReturned(CHILD, CONTACT, "Ask health first.", MANAGER1, NOW)),
                Arguments.of("FeedbackSent-1.json", "1", new FeedbackSent(CHILD, CONTACT, DecisionOutcome.ASSESSMENT,
                        FeedbackSent.Method.SECURE_EMAIL, NOW, "Accepted for assessment.", ADMIN, NOW)),
                Arguments.of("StrategyDiscussionRequired-1.json", "1", new StrategyDiscussionRequired(CHILD, CONTACT,
                        "sd-1", List.of(StrategyDiscussionRequired.SECTION_47_DECISION), ThresholdAssessed.Priority.RED,
                        NOW)),
                Arguments.of("StrategyDiscussionConvened-1.json", "1", new StrategyDiscussionConvened(CHILD, CONTACT,
                        "sd-1", NOW.plusSeconds(7_200), List.of("POLICE", "HEALTH"), SW1, NOW)),
                Arguments.of("StrategyDiscussionHeld-1.json", "1", new StrategyDiscussionHeld(CHILD, CONTACT, "sd-1",
                        NOW, StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(new StrategyDiscussionHeld.Attendee("DS Example", "POLICE", "Detective sergeant")),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Section 47 enquiry agreed.",
                        List.of(new StrategyDiscussionHeld.Action("Visit the child", "sw1", "SOCIAL_CARE",
                                LocalDate.parse("2026-11-24"))),
                        List.of(StrategyDiscussionHeld.HEALTH_ABSENT), NOW.plusSeconds(1_814_400), SW1, NOW)),
                Arguments.of("SteppedUpFromEarlyHelp-1.json", "1", new SteppedUpFromEarlyHelp(CHILD, LATER_CONTACT,
                        CONTACT, RECEIVED, "Six weeks of family support.", "Neglect worsening.", SW1, NOW)),
                Arguments.of("ClockStarted-1.json", "1", new ClockStarted(CHILD, CONTACT, "clock-1",
                        ClockType.CONTACT_DECISION, null, "MASH", ThresholdAssessed.Priority.AMBER, RECEIVED,
                        RECEIVED.plusSeconds(64_800), RECEIVED.plusSeconds(86_400), List.of("schedule-1", "schedule-2"))),
                Arguments.of("ClockWarned-1.json", "1", new ClockWarned(CHILD, CONTACT, "clock-1",
                        ClockType.CONTACT_DECISION, RECEIVED.plusSeconds(86_400), RECEIVED.plusSeconds(64_800))),
                Arguments.of("ClockBreached-1.json", "1", new ClockBreached(CHILD, CONTACT, "clock-1",
                        ClockType.CONTACT_DECISION, RECEIVED.plusSeconds(86_400), RECEIVED.plusSeconds(86_400))),
                Arguments.of("ClockStopped-1.json", "1", new ClockStopped(CHILD, CONTACT, "clock-1",
                        ClockType.CONTACT_DECISION, ClockStopped.Reason.DONE, RECEIVED, RECEIVED.plusSeconds(86_400),
                        RECEIVED.plusSeconds(90_000), true, java.time.Duration.ofSeconds(90_000),
                        RECEIVED.plusSeconds(90_000))),
                Arguments.of("DutyCompleted-1.json", "1", new DutyCompleted(CHILD, CONTACT,
                        ClockType.RETURN_HOME_INTERVIEW, NOW.minusSeconds(3_600), "Held by the independent service.",
                        SW1, NOW)),
                Arguments.of("InitialConferenceHeld-1.json", "1", new InitialConferenceHeld(CHILD, CONTACT, "sd-1",
                        NOW.minusSeconds(3_600), InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN,
                        "Plan under neglect.", SW1, NOW)),
                Arguments.of("AssessmentCompleted-1.json", "1", new uk.frontdoor.triage.api.AssessmentCompleted(CHILD,
                        CONTACT, NOW.minusSeconds(3_600), uk.frontdoor.triage.api.AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN,
                        "Needs met by a child in need plan.", "Father could not be seen until week 9.", SW1, NOW)),
                Arguments.of("HandedBackToDayTeam-1.json", "1", new uk.frontdoor.triage.api.HandedBackToDayTeam(CHILD,
                        CONTACT, "Visited at 02:00 with police; the child is safe with an aunt.", SW1, NOW)),
                Arguments.of("StrategyActionDone-2.json", "2", new uk.frontdoor.triage.api.StrategyActionDone(CHILD,
                        CONTACT, "sd-1", 2, NOW.minusSeconds(3_600), "Nothing held on police systems.",
                        new uk.frontdoor.triage.api.value.Actor("demo-police",
                                uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "POLICE"),
                        "DS Jane Example", Channel.HTTP, NOW)),
                Arguments.of("AlertAcknowledged-1.json", "1", new AlertAcknowledged(CHILD, CONTACT, "clock-1",
                        "Calling police now.", MANAGER1, NOW)),
                Arguments.of("AlertAssigned-1.json", "1", new AlertAssigned(CHILD, CONTACT, "clock-1", "sw2",
                        MANAGER1, NOW)),
                Arguments.of("AlertEscalated-1.json", "1", new AlertEscalated(CHILD, CONTACT, "clock-1",
                        "head-of-service", "Third breach this week.", MANAGER1, NOW)),
                Arguments.of("RecordRestricted-1.json", "1", new RecordRestricted(CHILD, CONTACT,
                        RecordRestricted.Category.PREVENT, "Prevent referral from the school.", List.of("sw2"),
                        List.of("prevent"), MANAGER1, NOW)),
                Arguments.of("RecordUnrestricted-1.json", "1", new RecordUnrestricted(CHILD, null,
                        "Channel panel closed the case.", MANAGER1, NOW)),
                Arguments.of("WorkAllocated-1.json", "1", new WorkAllocated(CHILD, CONTACT,
                        WorkAllocated.Work.CONTACT, "mash", "sw1", "Visit within 5 working days.", MANAGER1, NOW)),
                Arguments.of("ErasureRequested-1.json", "1", new uk.frontdoor.triage.api.ErasureRequested(CHILD,
                        uk.frontdoor.triage.api.ErasureRequested.Reason.SUBJECT_REQUEST,
                        uk.frontdoor.triage.api.ErasureRequested.LegalBasis.NO_LONGER_NECESSARY, "DPO-2026-041",
                        MANAGER1, NOW)),
                Arguments.of("ChildErased-1.json", "1", new uk.frontdoor.triage.api.ChildErased(CHILD,
                        uk.frontdoor.triage.api.ErasureRequested.Reason.SUBJECT_REQUEST,
                        uk.frontdoor.triage.api.ErasureRequested.LegalBasis.NO_LONGER_NECESSARY, "DPO-2026-041",
                        MANAGER1, new uk.frontdoor.triage.api.value.Actor("manager2",
                        uk.frontdoor.triage.api.staff.StaffRole.MANAGER, "demo-council"), NOW)),
                Arguments.of("LegalHoldPlaced-1.json", "1", new uk.frontdoor.triage.api.LegalHoldPlaced(CHILD,
                        "hold-1", uk.frontdoor.triage.api.LegalHoldPlaced.Kind.PROCEEDINGS,
                        "Care proceedings, case ZW26C00123.", MANAGER1, NOW)),
                Arguments.of("LegalHoldLifted-1.json", "1", new uk.frontdoor.triage.api.LegalHoldLifted(CHILD,
                        "hold-1", "Final order made.", MANAGER1, NOW)),
                Arguments.of("ErasureDeferredByHold-1.json", "1", new uk.frontdoor.triage.api.ErasureDeferredByHold(
                        CHILD, List.of("hold-1"), "closed-no-further-action", NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_event_is_written_exactly_as_pinned(String file, String revision, ChildEvent event) throws Exception {
        SerializedObject<String> written = serializer.serialize(event, String.class);

        ObjectNode opened = (ObjectNode) new ObjectMapper().readTree(written.getData());
        List<String> encrypted = SealedFields.openAll(opened, keys);
        JSONAssert.assertEquals(pinned(file), opened.toString(), JSONCompareMode.STRICT);
        assertThat(String.join(",", encrypted)).as("the fields stored encrypted")
                .isEqualTo(encryptedFields().getProperty(file, ""));
        assertThat(written.getType().getRevision()).isEqualTo(revision);
    }

    /** What is written encrypted today reads back as the event. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_encrypted_event_reads_back_as_the_event(String file, String revision, ChildEvent event) {
        SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);

        Object read = serializer.deserialize(written);

        assertThat(read).isEqualTo(event);
    }

    private static java.util.Properties encryptedFields() throws IOException {
        var fields = new java.util.Properties();
        try (InputStream in = StoredEventContractTest.class.getResourceAsStream("/events/encrypted-fields.properties")) {
            fields.load(in);
        }
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_pinned_json_reads_back_as_the_event(String file, String revision, ChildEvent event) throws Exception {
        var stored = new SimpleSerializedObject<>(pinned(file), String.class,
                new SimpleSerializedType(event.getClass().getName(), revision));

        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
    }

    /** The list of encrypted fields names fields the events have (a renamed field would otherwise go unseen). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void every_encrypted_field_is_a_field_of_the_pinned_event(String file, String revision,
                                                                          ChildEvent event) throws Exception {
        JsonNode pinned = new ObjectMapper().readTree(pinned(file));
        for (String field : encryptedFields().getProperty(file, "").split(",")) {
            if (!field.isEmpty()) {
                assertThat(pinned.at(field).isMissingNode()).as(field + " in " + file).isFalse();
            }
        }
    }

    /** A revision 1 contact, stored before events said who logged a contact, reads as a partner's. */
    @org.junit.jupiter.api.Test
    void a_revision_1_contact_is_upcast_to_a_partner_submission_nobody_logged() throws Exception {
        assertThat(upcastContact("1", "ContactReceived-1.json")).isEqualTo(new ContactReceived(CHILD, CONTACT, POLICE,
                Channel.HTTP, RECEIVED, Examples.domesticAbuseNotification("NICHE-2026-000123")));
    }

    /** A revision 2 contact, stored before a submission could name the one it corrects, reads as correcting nothing. */
    @org.junit.jupiter.api.Test
    void a_revision_2_contact_is_upcast_to_one_that_corrects_nothing() throws Exception {
        assertThat(upcastContact("2", "ContactReceived-2.json")).isEqualTo(new ContactReceived(CHILD, CONTACT,
                AgencyCode.of("demo-council"), Channel.STAFF, RECEIVED,
                Examples.domesticAbuseNotification("NICHE-2026-000123"), ADMIN));
    }

    /** A stored {@link ContactReceived} of this revision, read through the upcaster: it must come out as revision 3. */
    private Object upcastContact(String revision, String file) throws Exception {
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Child", CHILD.value(), 0,
                "event-" + revision, RECEIVED, ContactReceived.class.getName(), revision, pinned(file), "{}");
        var upcast = new ContactReceivedUpcaster()
                .upcast(Stream.of(new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(
                        stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        return serializer.deserialize(new SimpleSerializedObject<>(
                upcast.get(0).getData(com.fasterxml.jackson.databind.JsonNode.class).getData().toString(), String.class,
                upcast.get(0).getType()));
    }

    /**
     * A revision 1 assessment, stored before referrals were scored against the referral standard, reads as one never
     * scored: not as a score worked out now against a standard that was not in force then.
     */
    @org.junit.jupiter.api.Test
    void a_revision_1_assessment_is_upcast_to_one_never_scored_for_completeness() throws Exception {
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Child", CHILD.value(), 1,
                "assessed-1", RECEIVED, ThresholdAssessed.class.getName(), "1", pinned("ThresholdAssessed-1.json"),
                "{}");
        var upcast = new ThresholdAssessedUpcaster()
                .upcast(Stream.of(new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(
                        stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                upcast.get(0).getData(com.fasterxml.jackson.databind.JsonNode.class).getData().toString(), String.class,
                upcast.get(0).getType()));
        assertThat(read).isEqualTo(new ThresholdAssessed(CHILD, CONTACT, RECEIVED, AMBER_THRESHOLD));
        assertThat(((ThresholdAssessed) read).completeness()).isNull();
    }

    /**
     * A revision 1 action done, stored before an agency's system could record one, reads as recorded by the member of
     * staff who is its actor: on the pages, nobody else named.
     */
    @org.junit.jupiter.api.Test
    void a_revision_1_action_done_is_upcast_to_one_staff_recorded() throws Exception {
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Child", CHILD.value(), 1,
                "action-done-1", RECEIVED, uk.frontdoor.triage.api.StrategyActionDone.class.getName(), "1",
                pinned("StrategyActionDone-1.json"), "{}");
        var upcast = new StrategyActionDoneUpcaster()
                .upcast(Stream.of(new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(
                        stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                upcast.get(0).getData(com.fasterxml.jackson.databind.JsonNode.class).getData().toString(), String.class,
                upcast.get(0).getType()));
        assertThat(read).isEqualTo(new uk.frontdoor.triage.api.StrategyActionDone(CHILD, CONTACT, "sd-1", 1,
                NOW.minusSeconds(3_600), "Seen at school with the head teacher.", SW1, null, Channel.STAFF, NOW));
    }

    private static ContactSubmission correcting(ContactSubmission s, String corrects) {
        return new ContactSubmission(s.submissionId(), s.referralSource(), s.referrer(), s.child(), s.household(),
                s.concerns(), s.awareSince(), s.consent(), s.immediateRisk(), s.actionsTaken(), corrects);
    }

    /** Every event type the stream can hold has a pinned example above. */
    @org.junit.jupiter.api.Test
    void every_event_type_is_pinned() {
        List<String> pinnedTypes = events().map(arguments -> arguments.get()[2].getClass().getName()).distinct()
                .toList();
        List<String> eventTypes = java.util.Arrays.stream(ChildEvent.class.getPermittedSubclasses())
                .map(Class::getName).toList();
        assertThat(pinnedTypes).containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    private String pinned(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + file)) {
            assertThat(in).as("pinned file " + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
