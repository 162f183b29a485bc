package uk.frontdoor.triage.api.staff;

import java.util.Optional;
import java.util.Set;

/**
 * The staff the front door knows, by sign-in name: who may be named as an alert's assignee, an
 * escalation's senior manager or a reader of a restricted record, and which teams each belongs to.
 */
public interface StaffDirectory {

    /** A member of staff by sign-in name, if the service knows them. */
    Optional<Member> find(String userId);

    /** A team the directory knows (some member belongs to it). */
    boolean isTeam(String team);

    /**
     * A member of staff named in a command (an assignee, an escalation's senior manager, a reader of a
     * restricted record), refused as {@link Refusal#UNKNOWN_STAFF} naming the field if the service does not
     * know them: a typing slip must not send an alert, or a sealed record, to nobody.
     */
    default Member known(String userId, String field) {
        return find(userId == null ? null : userId.strip()).orElseThrow(() -> new TriageRefusedException(
                Refusal.UNKNOWN_STAFF, field, field + " is not a member of staff the front door knows."));
    }

    /** A member of staff: their role and the teams they belong to. */
    record Member(String userId, StaffRole role, Set<String> teams) {
        public Member {
            teams = Set.copyOf(teams);
        }
    }
}
