package uk.frontdoor.triage.api.staff;

import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which children's records, and which single contacts, are restricted, and to whom (see
 * {@link RecordRestricted}). Every page and endpoint that shows a child's record asks here before it
 * shows it, and shows what is withheld from the viewer only as a placeholder: that a restricted record
 * exists, never what it says. Kept in the transaction that records the restriction, so a restriction
 * holds from the moment the command returns.
 */
public interface RestrictedRecords {

    /** What of these children's records the viewer may not read. Managers read everything. */
    Withheld withheldFrom(Actor viewer, Collection<ChildId> children);

    /**
     * Every record and contact the viewer may not read, for a query that must leave them out rather than
     * show a placeholder (a queue filtered by agency or category). Restrictions are few: a list, not a page.
     */
    Withheld withheldFrom(Actor viewer);

    /** The restrictions now on a child's record (the whole record first, then each contact restricted). */
    List<Restriction> of(ChildId child);

    /**
     * One restriction in force.
     *
     * @param contactId null when the whole record is restricted
     */
    record Restriction(ChildId childId, ContactId contactId, RecordRestricted.Category category, String reason,
                       List<String> visibleToStaff, List<String> visibleToTeams, String restrictedBy,
                       Instant restrictedAt) {
        public Restriction {
            visibleToStaff = List.copyOf(visibleToStaff);
            visibleToTeams = List.copyOf(visibleToTeams);
        }
    }

    /**
     * What is withheld from one viewer.
     *
     * @param children whole records withheld
     * @param contacts single contacts withheld (in records otherwise readable)
     */
    record Withheld(Set<ChildId> children, Set<ContactId> contacts) {

        public static final Withheld NOTHING = new Withheld(Set.of(), Set.of());

        public Withheld {
            children = Set.copyOf(children);
            contacts = Set.copyOf(contacts);
        }

        /** The child's record as a whole (names, dates of birth, addresses) is withheld. */
        public boolean child(ChildId child) {
            return children.contains(child);
        }

        /** What this contact says is withheld: its own restriction, or its child's. */
        public boolean contact(ChildId child, ContactId contact) {
            return (child != null && children.contains(child)) || (contact != null && contacts.contains(contact));
        }

        public boolean any() {
            return !children.isEmpty() || !contacts.isEmpty();
        }
    }
}
