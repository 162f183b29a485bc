package uk.frontdoor.triage.access;

import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What someone a record is restricted from sees in its place, for every shape a child's record is shown
 * in: that a restricted record (or contact) is there, and nothing it says. One place, so that the queue,
 * the chronology, search and the family view withhold the same things.
 */
@Component
public class Placeholders {

    /** The chronology entry type, and the pages' word, for an entry withheld. */
    public static final String RESTRICTED = "Restricted";
    public static final String RESTRICTED_ENTRY = "Restricted: not shown to you. Ask a manager if you need to see it.";

    private final RestrictedRecords restricted;

    Placeholders(RestrictedRecords restricted) {
        this.restricted = restricted;
    }

    /** What of these children's records the viewer may not read. */
    public Withheld withheldFrom(Actor viewer, java.util.Collection<ChildId> children) {
        return restricted.withheldFrom(viewer, children);
    }

    /**
     * Every record and contact the viewer may not read: what a queue filtered by something a placeholder
     * withholds (the sending agency, the category of concern) must leave out, rows and counts alike.
     */
    public Withheld withheldFrom(Actor viewer) {
        return restricted.withheldFrom(viewer);
    }

    public List<TriageQueue.Item> queue(Actor viewer, List<TriageQueue.Item> items) {
        return queue(items, restricted.withheldFrom(viewer, items.stream().map(TriageQueue.Item::childId).toList()));
    }

    public ChildChronology chronology(Actor viewer, ChildChronology chronology) {
        List<ChildId> records = new ArrayList<>(chronology.linkedChildren());
        records.add(chronology.childId());
        return chronology(chronology, restricted.withheldFrom(viewer, records));
    }

    /** Every record a family view shows something of. */
    public static List<ChildId> records(Family family) {
        List<ChildId> records = new ArrayList<>(family.linkedChildren());
        records.add(family.childId());
        family.members().forEach(member -> records.add(member.childId()));
        return records;
    }

    public static List<TriageQueue.Item> queue(List<TriageQueue.Item> items, Withheld withheld) {
        return items.stream().map(item -> withheld.contact(item.childId(), item.contactId()) ? item.withheld() : item)
                .toList();
    }

    /** Each entry of a withheld record or contact keeps its place and time, and says nothing else. */
    public static ChildChronology chronology(ChildChronology chronology, Withheld withheld) {
        if (!withheld.any()) {
            return chronology;
        }
        return new ChildChronology(chronology.childId(), chronology.linkedChildren(), chronology.entries().stream()
                .map(entry -> withheld.contact(entry.childId(), entry.contactId())
                        ? new ChildChronology.Entry(entry.position(), entry.at(), entry.childId(), entry.contactId(),
                        RESTRICTED, RESTRICTED_ENTRY, null, null, null)
                        : entry)
                .toList());
    }

    /**
     * A restricted child found by a search is listed, so that nobody makes a second record for them, with
     * no names, dates, NHS number, postcodes or field comparisons (which would say what matched).
     */
    public static ChildSearchResults search(ChildSearchResults results, Withheld withheld) {
        if (!withheld.any()) {
            return results;
        }
        return new ChildSearchResults(results.children().stream()
                .map(child -> withheld.child(child.childId())
                        ? new ChildSearchResults.Child(child.childId(), List.of(), List.of(), null, null, null, null,
                        List.of(), child.score(), child.probability(), List.of(), List.of())
                        : child)
                .toList(), results.more(), results.parametersVersion());
    }

    /**
     * A restricted relative is listed as related, with no name, date of birth or open work. Of a child whose
     * own record is withheld, nothing of the household is shown: who their relatives are is their record too.
     */
    public static Family family(Family family, Withheld withheld) {
        if (!withheld.any()) {
            return family;
        }
        if (withheld.child(family.childId())) {
            return new Family(family.childId(), family.linkedChildren(), List.of(), family.householdContactsSince(),
                    0, false);
        }
        return new Family(family.childId(), family.linkedChildren(), family.members().stream()
                .map(member -> withheld.child(member.childId())
                        ? new Family.Member(member.childId(), member.linkedChildren(), RESTRICTED, null,
                        member.relationship(), List.of(), 0, null, null, null)
                        : member)
                .toList(), family.householdContactsSince(), family.householdContactsInWindow(), family.truncated());
    }

    /** Every record an as-at view shows something of. */
    public static List<ChildId> records(ChildAsAt record) {
        List<ChildId> records = new ArrayList<>();
        records.add(record.childId());
        if (record.chronology() != null) {
            records.addAll(record.chronology().linkedChildren());
        }
        if (record.family() != null) {
            records.addAll(records(record.family()));
        }
        return records;
    }

    /**
     * A record as it stood, with what is restricted now withheld as the live view withholds it: entries keep
     * their place, a contact its reference, receipt time and status only, the family its placeholders.
     */
    public static ChildAsAt childAsAt(ChildAsAt record, Withheld withheld) {
        if (!withheld.any()) {
            return record;
        }
        return new ChildAsAt(record.childId(), record.asAt(),
                record.chronology() == null ? null : chronology(record.chronology(), withheld),
                record.contacts().stream()
                        .map(contact -> withheld.contact(contact.work() == null ? record.childId()
                                : contact.work().childId(), contact.contactId())
                                ? new ContactStatusView(contact.contactId(), contact.agency(), contact.submissionId(),
                                contact.status(), contact.receivedAt(), null, null)
                                : contact)
                        .toList(),
                record.clocks(),
                record.family() == null ? null : family(record.family(), withheld));
    }
}
