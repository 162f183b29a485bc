package uk.frontdoor.triage.staff.asat;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.query.FindChildAsAt;
import uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld;
import uk.frontdoor.triage.api.staff.ViewLog.Viewed;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.audit.RecordViews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child's record as it stood at a past moment, as staff may see it: what is restricted from them now is
 * withheld as the live views withhold it, and the view is written to the record of views (a view of the record
 * as it was is a view of the record) before anything is shown. The API and the pages both ask here.
 */
@Component
public class AsAtRecords {

    private final QueryGateway queries;
    private final Placeholders placeholders;
    private final RecordViews views;

    AsAtRecords(QueryGateway queries, Placeholders placeholders, RecordViews views) {
        this.queries = queries;
        this.placeholders = placeholders;
        this.views = views;
    }

    /**
     * @param contact the contact looked at, if the view is of one (recorded with it)
     * @param where   the page or endpoint, for the record of views ({@code contact (API)}, {@code chronology})
     * @param family  whether the family around the child is shown (and so its records viewed); if not, it is left out
     * @return empty when the child had no event at or before the moment
     */
    public Optional<Shown> show(Actor viewer, ChildId childId, ContactId contact, Instant at, String where,
                                boolean family) {
        Optional<ChildAsAt> found = queries.query(new FindChildAsAt(childId, at),
                ResponseTypes.optionalInstanceOf(ChildAsAt.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChildAsAt record = family ? found.get() : new ChildAsAt(found.get().childId(), at, found.get().chronology(),
                found.get().contacts(), found.get().clocks(), null);
        Withheld withheld = placeholders.withheldFrom(viewer, Placeholders.records(record));
        ChildAsAt shown = Placeholders.childAsAt(record, withheld);

        String what = where + " as at " + at;
        boolean withheldHere = contact == null ? withheld.child(childId) : withheld.contact(childId, contact);
        List<Viewed> seen = new ArrayList<>();
        seen.add(new Viewed(childId, contact));
        views.recordAll(seen, viewer, withheldHere ? what + " (restricted: withheld)" : what);
        if (shown.chronology() != null) {
            List<Viewed> linked = shown.chronology().linkedChildren().stream().map(id -> new Viewed(id, null)).toList();
            views.recordAll(linked, viewer, what + " via linked record " + childId);
        }
        if (shown.family() != null) {
            for (Family.Member member : shown.family().members()) {
                if (withheld.child(member.childId())) {
                    continue; // a placeholder shows nothing of the child's record
                }
                List<Viewed> relative = new ArrayList<>();
                relative.add(new Viewed(member.childId(), null));
                member.linkedChildren().forEach(id -> relative.add(new Viewed(id, null)));
                views.recordAll(relative, viewer, "family of " + childId + " as at " + at
                        + " (" + member.relationship() + ")");
            }
        }
        return Optional.of(new Shown(shown, withheld));
    }

    /** The record as shown to this viewer, and what of it was withheld. */
    public record Shown(ChildAsAt record, Withheld withheld) {
    }
}
