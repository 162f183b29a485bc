package uk.frontdoor.triage;

import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Fictional test data shared by the triage-service tests. */
public final class Examples {

    public static final ChildId CHILD = ChildId.of("5b0f3a57-6a2f-4f47-9e0c-2a51a6f6f001");
    public static final ContactId CONTACT = ContactId.of("0d9c3f44-1e55-4b5e-a1b6-7d1c0f6c0001");
    public static final ContactId LATER_CONTACT = ContactId.of("0d9c3f44-1e55-4b5e-a1b6-7d1c0f6c0002");
    public static final AgencyCode POLICE = AgencyCode.of("demo-police");
    public static final Instant RECEIVED = Instant.parse("2026-11-23T09:15:00Z");

    private Examples() {
    }

    public static ContactSubmission domesticAbuseNotification(String submissionId) {
        return new ContactSubmission(
                submissionId,
                "6",
                new ContactSubmission.Referrer("PC A. Example", "Officer", "Thames Valley Police", "01753 000000",
                        "a.example@police.example"),
                new ContactSubmission.Child("Sam", "Example", LocalDate.parse("2016-05-04"), null,
                        ContactSubmission.Sex.MALE, "9434765919",
                        new ContactSubmission.Address("1 High Street", null, "Slough", "SL1 1AA"),
                        "WBRI", "English", false),
                List.of(new ContactSubmission.HouseholdMember("Alex", "Example", "MOTHER", LocalDate.parse("1990-01-01"))),
                new ContactSubmission.Concerns(List.of("3A"), List.of("CHILD_PRESENT"),
                        "Domestic incident at the home, child present."),
                Instant.parse("2026-11-20T21:40:00Z"),
                new ContactSubmission.Consent(ContactSubmission.ConsentStatus.NOT_SOUGHT,
                        "Seeking consent would place the child at risk"),
                false,
                "Officers attended; perpetrator arrested");
    }
}
