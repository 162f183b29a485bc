package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One child's whole history at the front door, as the decisions need it: every contact about them,
 * the records linked to theirs, and the clocks still running. Immutable; {@link ChildEvolution#evolve}
 * folds each event into a new one. Maps and sets keep the order things happened in, because the
 * order clocks stop in is the order their events are recorded in.
 *
 * @param latestChild     the child as the latest contact described them, for a step-up contact
 * @param latestHousehold the household as the latest contact described it
 * @param clocks          clocks started and not yet stopped, by id
 * @param restrictedContacts contacts restricted one by one (see {@code RecordRestricted})
 * @param restricted      the whole record is restricted
 * @param protection      erasure, legal holds and retention: what the data protection decisions read
 */
public record ChildState(ChildId childId, Map<ContactId, ContactState> contacts, Set<ChildId> linkedChildren,
                         ContactSubmission.Child latestChild, List<ContactSubmission.HouseholdMember> latestHousehold,
                         Map<String, RunningClock> clocks, Set<ContactId> restrictedContacts,
                         boolean restricted, DataProtection protection) {

    /** A stream not yet started. */
    public static final ChildState NONE = new ChildState(null, Map.of(), Set.of(), null, List.of(), Map.of(),
            Set.of(), false, DataProtection.NONE);

    /** The contact a command names, or the refusal every command gives for one this child does not have. */
    public ContactState contact(ContactId contactId) {
        ContactState contact = contactId == null ? null : contacts.get(contactId);
        if (contact == null) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CONTACT);
        }
        return contact;
    }

    public boolean holds(ContactId contactId) {
        return contacts.containsKey(contactId);
    }

    public boolean isLinkedTo(ChildId other) {
        return linkedChildren.contains(other);
    }

    /** The contact decided most recently: its outcome is where the child stands with the front door. */
    public Optional<ContactState> latestDecided() {
        return contacts.values().stream()
                .filter(contact -> contact.decidedAt() != null)
                .max(Comparator.comparing(ContactState::decidedAt));
    }

    public List<RunningClock> runningClocks(ContactId contactId, ClockType type) {
        return clocks.values().stream()
                .filter(running -> running.contactId().equals(contactId) && running.type() == type)
                .toList();
    }

    ChildState withContact(ContactId contactId, UnaryOperator<ContactState> change) {
        return new ChildState(childId, put(contacts, contactId, change.apply(contacts.get(contactId))),
                linkedChildren, latestChild, latestHousehold, clocks,
                restrictedContacts, restricted, protection);
    }

    ChildState withReceived(ContactState received, ContactSubmission submission) {
        return new ChildState(childId, put(contacts, received.contactId(), received), linkedChildren,
                submission.child(), submission.household(), clocks, restrictedContacts, restricted, protection);
    }

    ChildState withChildId(ChildId id) {
        return new ChildState(id, contacts, linkedChildren, latestChild, latestHousehold, clocks,
                restrictedContacts, restricted, protection);
    }

    ChildState withLink(ChildId other) {
        return new ChildState(childId, contacts, add(linkedChildren, other), latestChild, latestHousehold, clocks,
                restrictedContacts, restricted, protection);
    }

    ChildState withoutLink(ChildId other) {
        return new ChildState(childId, contacts, remove(linkedChildren, other), latestChild, latestHousehold, clocks,
                restrictedContacts, restricted, protection);
    }

    /** The records the child's would be linked to with {@code other} linked too ({@code linked}) or not. */
    public Set<ChildId> linksWith(ChildId other, boolean linked) {
        return linked ? add(linkedChildren, other) : remove(linkedChildren, other);
    }

    ChildState withClocks(UnaryOperator<Map<String, RunningClock>> change) {
        return new ChildState(childId, contacts, linkedChildren, latestChild, latestHousehold,
                change.apply(clocks), restrictedContacts, restricted, protection);
    }

    /** Whether the whole record ({@code contactId} null) or that contact is restricted now. */
    public boolean isRestricted(ContactId contactId) {
        return contactId == null ? restricted : restrictedContacts.contains(contactId);
    }

    ChildState withRestriction(ContactId contactId, boolean on) {
        if (contactId == null) {
            return new ChildState(childId, contacts, linkedChildren, latestChild, latestHousehold, clocks,
                    restrictedContacts, on, protection);
        }
        return new ChildState(childId, contacts, linkedChildren, latestChild, latestHousehold, clocks,
                on ? add(restrictedContacts, contactId) : remove(restrictedContacts, contactId), restricted, protection);
    }

    ChildState withProtection(UnaryOperator<DataProtection> change) {
        return new ChildState(childId, contacts, linkedChildren, latestChild, latestHousehold, clocks,
                restrictedContacts, restricted, change.apply(protection));
    }

    /** The record after erasure: the decision and the holds, nothing about the child or their contacts. */
    ChildState erasedBy(uk.frontdoor.triage.api.ChildErased event) {
        return new ChildState(childId, Map.of(), Set.of(), null, List.of(), Map.of(), Set.of(), false,
                protection.erased(event));
    }

    public boolean isErased() {
        return protection.erased() != null;
    }

    /** A copy of the map with one entry put: a replaced entry keeps its place. */
    static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        var copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        var copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    static <E> Set<E> add(Set<E> set, E element) {
        var copy = new LinkedHashSet<>(set);
        copy.add(element);
        return Collections.unmodifiableSet(copy);
    }

    static <E> Set<E> remove(Set<E> set, E element) {
        var copy = new LinkedHashSet<>(set);
        copy.remove(element);
        return Collections.unmodifiableSet(copy);
    }
}
