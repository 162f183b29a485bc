package uk.frontdoor.triage.child.reception;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.child.ChildEvolution;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.dataprotection.InMemoryPersonalDataKeys;
import uk.frontdoor.triage.rules.simulation.RuleSetSimulations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule-set simulation decrypts only {@link RuleSetSimulations#PERSONAL_FIELDS_READ} of the events it reads; every
 * other personal field reads as erased. That is safe only while {@link RuleFacts} reads nothing else: for generated
 * children's streams, encrypted as the event store holds them, the contact facts and the child's history the rules
 * see are the same read either way. A rule fact taken from another personal field (the household, the narrative)
 * would differ for some child and fail here.
 */
class RuleFactsOpenedFieldsTest {

    private static final Instant FIRST = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor MANAGER = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    private static final List<String> FACTORS = List.of("1A", "2A", "3A", "4A", "5A", "6A", "7A", "8A", "9A", "10A",
            "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "19A", "20", "21", "22A", "23A", "24A");
    private static final List<String> INDICATORS = List.of("CHILD_PRESENT", "RETURNED_FROM_MISSING", "WEAPON_USED",
            "SEXUAL_EXPLOITATION", "IMMEDIATE_RISK", "NON_ACCIDENTAL_INJURY", "UNDER_ONE", "MISSING");

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
    private final ObjectMapper stored = EventJson.mapper(keys);
    private final ObjectMapper fully = EventJson.serializer(keys).getObjectMapper();
    private final ObjectMapper selectively = EventJson.opening(keys, RuleSetSimulations.PERSONAL_FIELDS_READ)
            .getObjectMapper();

    @Property(tries = 300)
    void the_rules_see_the_same_facts_and_history_when_only_the_fields_a_simulation_opens_are_decrypted(
            @ForAll("streams") List<ChildEvent> stream) {
        ChildState fullState = ChildState.NONE;
        ChildState selectiveState = ChildState.NONE;
        for (ChildEvent event : stream) {
            byte[] json = write(event);
            ChildEvent full = read(fully, json, event);
            ChildEvent selective = read(selectively, json, event);
            assertThat(full).as("read whole, as written").isEqualTo(event);
            if (full instanceof ContactReceived whole && selective instanceof ContactReceived opened) {
                // The selective read did leave the other personal fields closed: the two reads differ.
                assertThat(opened.submission().concerns().narrative()).isEqualTo(PersonalData.ERASED);
                assertThat(opened.submission().household()).isEmpty();
                ContactFacts facts = RuleFacts.of(whole.submission(), whole.receivedAt());
                assertThat(RuleFacts.of(opened.submission(), opened.receivedAt())).isEqualTo(facts);
                assertThat(RuleFacts.history(selectiveState, List.of(), facts))
                        .isEqualTo(RuleFacts.history(fullState, List.of(), facts));
            }
            fullState = ChildEvolution.evolve(fullState, full);
            selectiveState = ChildEvolution.evolve(selectiveState, selective);
        }
    }

    /** A child's contacts, some decided, some on to a conference, in the order they happened. */
    @Provide
    Arbitrary<List<ChildEvent>> streams() {
        return contact().list().ofMinSize(1).ofMaxSize(6).map(contacts -> {
            ChildId childId = ChildId.of(UUID.randomUUID().toString());
            List<ChildEvent> events = new ArrayList<>();
            Instant at = FIRST;
            for (Contact contact : contacts) {
                at = at.plus(contact.after());
                ContactId contactId = ContactId.of(UUID.randomUUID().toString());
                events.add(new ContactReceived(childId, contactId, AgencyCode.of("demo-police"), Channel.KAFKA, at,
                        contact.submission()));
                if (contact.outcome() != null) {
                    Instant decided = at.plus(Duration.ofHours(20));
                    events.add(new ProposalAuthorised(childId, contactId, contact.outcome(), "sw1",
                            contact.outcome().level(), false, "Decided because of what the family said", false,
                            MANAGER, decided));
                    if (contact.conference() != null) {
                        events.add(new InitialConferenceHeld(childId, contactId, "discussion-" + contactId.value(),
                                decided.plus(Duration.ofDays(10)), contact.conference(), "The family's plan", MANAGER,
                                decided.plus(Duration.ofDays(10))));
                    }
                }
            }
            return events;
        });
    }

    private record Contact(Duration after, ContactSubmission submission, DecisionOutcome outcome,
                           InitialConferenceHeld.Outcome conference) {
    }

    private Arbitrary<Contact> contact() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 400).map(Duration::ofDays),
                submission(),
                Arbitraries.of(DecisionOutcome.class).injectNull(0.3),
                Arbitraries.of(InitialConferenceHeld.Outcome.class).injectNull(0.6)
        ).as(Contact::new);
    }

    private Arbitrary<ContactSubmission> submission() {
        Arbitrary<LocalDate> born = Arbitraries.longs().between(0, 18 * 366).map(days -> LocalDate.of(2008, 1, 1)
                .plusDays(days));
        Arbitrary<ContactSubmission.Child> child = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                born.injectNull(0.2),
                born.map(date -> date.plusYears(18)).injectNull(0.7),
                Arbitraries.of(ContactSubmission.Sex.class).injectNull(0.2),
                Arbitraries.strings().numeric().ofLength(10).injectNull(0.4)
        ).as((name, dateOfBirth, expected, sex, nhsNumber) -> new ContactSubmission.Child(name, "Example",
                dateOfBirth, expected, sex, nhsNumber, new ContactSubmission.Address("1 High Street", null, "Slough",
                "SL1 1AA"), "WBRI", "English", false));
        Arbitrary<List<ContactSubmission.HouseholdMember>> household = Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(8).map(name -> new ContactSubmission.HouseholdMember(name, "Example", "MOTHER",
                        LocalDate.of(1990, 1, 1))).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(
                Arbitraries.of("1", "2A", "2B", "3A", "5A", "6", "8"),
                child,
                household,
                Arbitraries.of(FACTORS).list().uniqueElements().ofMaxSize(4),
                Arbitraries.of(INDICATORS).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of(true, false),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)
        ).as((source, theChild, members, factors, indicators, immediateRisk, narrative) -> new ContactSubmission(
                "SUB-" + UUID.randomUUID(), source,
                new ContactSubmission.Referrer("PC A. Example", "Officer", "Thames Valley Police", "01753 000000",
                        "a.example@police.example"),
                theChild, members, new ContactSubmission.Concerns(factors, indicators, narrative),
                FIRST.minus(Duration.ofDays(1)),
                new ContactSubmission.Consent(ContactSubmission.ConsentStatus.NOT_SOUGHT, "Would place the child at risk"),
                immediateRisk, "Officers attended"));
    }

    private byte[] write(ChildEvent event) {
        try {
            return stored.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChildEvent read(ObjectMapper mapper, byte[] json, ChildEvent as) {
        try {
            return mapper.readValue(json, as.getClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
