package uk.frontdoor.triage.identity.matching;

import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.util.List;

/** Who a submission says its child is, in the matcher's terms: everything the referrer gave, as written. */
public final class SubmissionIdentity {

    private static final String MOTHER = "MOTHER";

    private SubmissionIdentity() {
    }

    public static IdentityFacts of(ContactSubmission.Child child, List<ContactSubmission.HouseholdMember> household) {
        IdentityFacts.Builder facts = IdentityFacts.builder()
                .familyName(child.familyName())
                .dateOfBirth(child.dateOfBirth())
                .expectedDateOfBirth(child.expectedDateOfBirth())
                .sex(sex(child.sex()))
                .nhsNumber(child.nhsNumber());
        if (child.givenName() != null) {
            facts.givenNames(child.givenName());
        }
        if (child.address() != null) {
            facts.postcode(child.address().postcode()).addressLine(child.address().line1());
        }
        for (ContactSubmission.HouseholdMember member : household) {
            facts.householdMember(member.givenName(), member.familyName(), member.dateOfBirth());
            if (MOTHER.equals(member.relationship())) {
                facts.mother(new IdentityFacts.Person(member.givenName(), member.familyName(), member.dateOfBirth()));
            }
        }
        return facts.build();
    }

    /** Unknown and indeterminate are facts of their own, not evidence either way: no sex to compare. */
    private static IdentityFacts.Sex sex(ContactSubmission.Sex sex) {
        if (sex == ContactSubmission.Sex.MALE) {
            return IdentityFacts.Sex.MALE;
        }
        return sex == ContactSubmission.Sex.FEMALE ? IdentityFacts.Sex.FEMALE : null;
    }
}
