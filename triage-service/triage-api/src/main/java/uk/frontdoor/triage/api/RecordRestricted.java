package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A manager restricted a child's record, or one contact in it: from now only the staff and teams named,
 * and managers, read what it says; everyone else sees that a restricted record exists and nothing more
 * (the sealed and sensitive records of the CWDS intake: Prevent referrals, allegations against people who
 * work with children, a child of a member of staff). Restricting again replaces who may see it.
 *
 * @param contactId      the contact restricted; null when the whole record is
 * @param visibleToStaff sign-in names of staff who may read it
 * @param visibleToTeams teams whose members may read it
 */
@Revision("1")
public record RecordRestricted(ChildId childId, ContactId contactId, Category category, @Personal String reason,
                               List<String> visibleToStaff, List<String> visibleToTeams, Actor actor, Instant at)
        implements ChildEvent {

    public RecordRestricted {
        visibleToStaff = visibleToStaff == null ? List.of() : List.copyOf(visibleToStaff);
        visibleToTeams = visibleToTeams == null ? List.of() : List.copyOf(visibleToTeams);
    }

    /** Why the record is sealed, in the usual cases' words; the reason says the rest. */
    public enum Category {
        /** A referral to Prevent or Channel (radicalisation). */
        PREVENT,
        /** An allegation against an adult who works with children (the designated officer's business). */
        LADO,
        /** The child of a member of staff, or of someone the staff know. */
        STAFF_CHILD,
        /** Anything else a manager judges sensitive; the reason says what. */
        OTHER
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
