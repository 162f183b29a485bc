package uk.frontdoor.triage.child.reception;

import uk.frontdoor.triage.api.value.ContactSubmission;

import java.util.Set;

/**
 * The elements of a good referral that the service can check in a submission. A council's referral standard chooses,
 * for each kind of agency, which of them it expects, and words each one; the checks themselves are here.
 */
enum ReferralElement {

    CHILD_IDENTITY {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var child = submission.child();
            if (child == null) {
                return Result.GAP;
            }
            if (child.unborn()) {
                return present(child.expectedDateOfBirth() != null);
            }
            return present(given(child.givenName()) && given(child.familyName()) && child.dateOfBirth() != null);
        }
    },
    NHS_NUMBER {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var child = submission.child();
            // An unborn child has no NHS number yet: not a gap in the referral.
            if (child != null && child.unborn()) {
                return Result.NOT_APPLICABLE;
            }
            return present(child != null && given(child.nhsNumber()));
        }
    },
    ADDRESS {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var child = submission.child();
            return present(child != null && child.address() != null && given(child.address().line1())
                    && given(child.address().postcode()));
        }
    },
    PARENTS_OR_CARERS {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            return present(submission.household().stream()
                    .anyMatch(member -> PARENTAL.contains(member.relationship())
                            && (given(member.givenName()) || given(member.familyName()))));
        }
    },
    CONCERN_DESCRIBED {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var concerns = submission.concerns();
            return present(concerns != null && words(concerns.narrative()) >= standard.concernMinimumWords()
                    && submission.awareSince() != null);
        }
    },
    RISK_INDICATORS {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            return present(submission.concerns() != null && !submission.concerns().indicators().isEmpty());
        }
    },
    ACTIONS_TAKEN {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            return present(given(submission.actionsTaken()));
        }
    },
    CONSENT {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var consent = submission.consent();
            return present(consent != null && consent.status() != null
                    && (consent.status() == ContactSubmission.ConsentStatus.GIVEN || given(consent.reason())));
        }
    },
    REFERRER_CONTACT {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var referrer = submission.referrer();
            return present(referrer != null && (given(referrer.phone()) || given(referrer.email())));
        }
    },
    REFERRER_ROLE {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            return present(submission.referrer() != null && given(submission.referrer().role()));
        }
    },
    LANGUAGE {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var child = submission.child();
            return present(child != null && given(child.firstLanguage()) && child.interpreterNeeded() != null);
        }
    },
    ETHNICITY {
        @Override
        Result check(ContactSubmission submission, ReferralStandard standard) {
            var child = submission.child();
            // NOBT is the census code for "not yet obtained": the referrer did not say.
            return present(child != null && given(child.ethnicity()) && !"NOBT".equals(child.ethnicity()));
        }
    };

    /** The household relationships of a parent or carer. */
    private static final Set<String> PARENTAL = Set.of("MOTHER", "FATHER", "STEP_PARENT", "CARER");

    enum Result { MET, GAP, NOT_APPLICABLE }

    abstract Result check(ContactSubmission submission, ReferralStandard standard);

    private static Result present(boolean present) {
        return present ? Result.MET : Result.GAP;
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }
}
