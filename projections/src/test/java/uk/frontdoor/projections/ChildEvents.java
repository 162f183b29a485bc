package uk.frontdoor.projections;

import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events as the write side records them, for feeding read models in tests. */
public final class ChildEvents {

    public static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor SW2 = new Actor("sw2", StaffRole.SOCIAL_WORKER, "demo-council");
    public static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");

    private ChildEvents() {
    }

    public static ChildId child() {
        return ChildId.of(UUID.randomUUID().toString());
    }

    public static ContactId contact() {
        return ContactId.of(UUID.randomUUID().toString());
    }

    /** A partner's contact about Jamie Smith, with the given census referral source and factors. */
    public static ContactReceived received(ChildId child, ContactId contact, String agency, String referralSource,
                                           Instant at, String... factors) {
        return new ContactReceived(child, contact, AgencyCode.of(agency), Channel.HTTP, at,
                submission(contact, referralSource, at, factors));
    }

    public static ContactSubmission submission(ContactId contact, String referralSource, Instant at, String... factors) {
        return new ContactSubmission("SUB-" + contact.value().substring(0, 8), referralSource,
                new ContactSubmission.Referrer("PC Dee Officer", "Constable", "Demo Police", null, null),
                new ContactSubmission.Child("Jamie", "Smith", LocalDate.of(2017, 3, 1), null,
                        ContactSubmission.Sex.MALE, null, null, null, null, null),
                List.of(), new ContactSubmission.Concerns(List.of(factors), List.of("CHILD_PRESENT"),
                "Jamie was present during an assault at home"),
                at.minusSeconds(3600), new ContactSubmission.Consent(ContactSubmission.ConsentStatus.GIVEN, null),
                false, null);
    }

    public static ThresholdAssessed assessed(ChildId child, ContactId contact, int level, ThresholdAssessed.Priority priority,
                                             Instant at, Instant responseDueAt, String... flags) {
        return new ThresholdAssessed(child, contact, at, new ThresholdAssessed.Threshold(level, priority, responseDueAt,
                responseDueAt, List.of(flags), new ThresholdAssessed.RuleSet("berkshire-threshold", "2026.1"),
                List.of(new ThresholdAssessed.RuleFired("DA-CHILD-PRESENT", "Domestic abuse, child present"))));
    }
}
