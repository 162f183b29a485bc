package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The children related to one child through what referrers wrote, so that a worker sees how much is
 * arriving about the household, not only about this child. Staff-only: it names other children.
 *
 * <p>Relationships are found, never confirmed: a sibling is a child named as a sibling in a contact
 * whose name and date of birth match another known record; a household member shares an address or
 * a named parent with the child. Records linked as the same child are one child, never each other's
 * relatives.
 *
 * @param childId                    the child asked about
 * @param linkedChildren             records of this same child (directly or through another link), whose
 *                                   contacts count as the child's own
 * @param members                    each related child, siblings first, then the most recently contacted
 * @param householdContactsSince     start of the window counted in {@code householdContactsInWindow}
 * @param householdContactsInWindow  contacts received since then about the child, its linked records and
 *                                   every related child: "the third contact this month about this household"
 * @param truncated                  true when more related children were found than are listed
 */
public record Family(ChildId childId, List<ChildId> linkedChildren, List<Member> members,
                     Instant householdContactsSince, long householdContactsInWindow, boolean truncated) {

    public Family {
        Objects.requireNonNull(childId, "childId");
        linkedChildren = List.copyOf(linkedChildren);
        members = List.copyOf(members);
    }

    public enum Relationship {
        /** Named as a sibling or half sibling in a contact about one of the two. */
        SIBLING,
        /** Shares an address or a named mother or father, and was not named as a sibling. */
        HOUSEHOLD
    }

    /** Why a child is listed: what two records had in common. */
    public enum Ground {
        NAMED_SIBLING, SAME_ADDRESS, SAME_PARENT
    }

    /**
     * One related child.
     *
     * @param childId                the record with the child's latest contact
     * @param linkedChildren         the child's other records (linked as the same child), counted with it
     * @param displayName            as the latest contact gives it
     * @param dateOfBirth            as the latest contact gives it; null if none was given
     * @param openContacts           contacts not yet decided (no authorised decision)
     * @param highestOpenLevel       the highest threshold level among open contacts; null if none is open
     *                               or none is assessed yet
     * @param mostUrgentOpenPriority the most urgent current RAG rating among open contacts; null likewise
     * @param latestContactAt        when the latest contact about the child was received
     */
    public record Member(ChildId childId, List<ChildId> linkedChildren, String displayName, LocalDate dateOfBirth,
                         Relationship relationship, List<Ground> grounds, int openContacts, Integer highestOpenLevel,
                         ThresholdAssessed.Priority mostUrgentOpenPriority, Instant latestContactAt) {

        public Member {
            Objects.requireNonNull(childId, "childId");
            Objects.requireNonNull(relationship, "relationship");
            linkedChildren = List.copyOf(linkedChildren);
            grounds = List.copyOf(grounds);
        }
    }
}
