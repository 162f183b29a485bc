package uk.frontdoor.triage.child.access;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.command.RestrictRecord;
import uk.frontdoor.triage.api.command.UnrestrictRecord;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.child.Child;
import uk.frontdoor.triage.child.TriageWork;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.LATER_CONTACT;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.MANAGER2;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.fold;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class RestrictionsTest {

    private static final RecordRestricted RESTRICTED = new RecordRestricted(CHILD, null,
            RecordRestricted.Category.PREVENT, "Prevent referral.", List.of("sw2"), List.of("prevent"), MANAGER1, NOW);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void a_manager_restricts_the_whole_record_to_named_staff_and_teams() {
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, null, RecordRestricted.Category.PREVENT, " Prevent referral. ",
                        List.of("sw2", " sw2", ""), List.of("prevent"), MANAGER1))
                .expectEvents(RESTRICTED);
    }

    @Test
    void a_manager_restricts_one_contact() {
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, CONTACT, RecordRestricted.Category.LADO, "Allegation against a coach.",
                        List.of(), List.of(), MANAGER2))
                .expectEvents(new RecordRestricted(CHILD, CONTACT, RecordRestricted.Category.LADO,
                        "Allegation against a coach.", List.of(), List.of(), MANAGER2, NOW));
    }

    @Test
    void everyone_named_must_be_known_staff_and_every_team_a_known_team() {
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, null, RecordRestricted.Category.STAFF_CHILD, "Child of sw1.",
                        List.of("sw2", "sw9"), List.of(), MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_STAFF))
                .expectNoEvents();
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, null, RecordRestricted.Category.PREVENT, "Prevent.", List.of(),
                        List.of("prevnet"), MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_TEAM))
                .expectNoEvents();
    }

    @Test
    void a_social_worker_may_not_restrict_a_record() {
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, null, RecordRestricted.Category.OTHER, "Why", List.of(), List.of(), SW1))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void a_contact_of_another_child_cannot_be_restricted_here() {
        fixture.given(received(), assessed())
                .when(new RestrictRecord(CHILD, LATER_CONTACT, RecordRestricted.Category.OTHER, "Why", List.of(),
                        List.of(), MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_CONTACT));
    }

    @Test
    void restricting_and_unrestricting_need_a_reason_and_restricting_a_category() {
        assertMalformed(Refusal.REASON_REQUIRED, () -> new RestrictRecord(CHILD, null,
                RecordRestricted.Category.PREVENT, " ", List.of(), List.of(), MANAGER1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new RestrictRecord(CHILD, null, null, "Why", List.of(),
                List.of(), MANAGER1));
        assertMalformed(Refusal.REASON_REQUIRED, () -> new UnrestrictRecord(CHILD, null, null, MANAGER1));
    }

    @Test
    void a_restriction_is_lifted_with_a_reason() {
        fixture.given(received(), assessed(), RESTRICTED)
                .when(new UnrestrictRecord(CHILD, null, "Channel panel closed the case.", MANAGER2))
                .expectEvents(new RecordUnrestricted(CHILD, null, "Channel panel closed the case.", MANAGER2, NOW));
    }

    @Test
    void what_is_not_restricted_cannot_be_unrestricted() {
        fixture.given(received(), assessed(), RESTRICTED)
                .when(new UnrestrictRecord(CHILD, CONTACT, "Why", MANAGER1))
                .expectException(refused(Refusal.NOT_RESTRICTED))
                .expectNoEvents();
    }

    @Test
    void the_stream_remembers_what_is_restricted_until_it_is_lifted() {
        var contactRestricted = new RecordRestricted(CHILD, CONTACT, RecordRestricted.Category.LADO, "Why",
                List.of(), List.of(), MANAGER1, NOW);

        assertThat(fold(received(), RESTRICTED).isRestricted(null)).isTrue();
        assertThat(fold(received(), RESTRICTED).isRestricted(CONTACT)).isFalse();
        assertThat(fold(received(), contactRestricted).isRestricted(CONTACT)).isTrue();
        assertThat(fold(received(), contactRestricted,
                new RecordUnrestricted(CHILD, CONTACT, "Why", MANAGER1, NOW)).isRestricted(CONTACT)).isFalse();
    }
}
