package uk.frontdoor.triage.child.erasure;

import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ErasureDeferredByHold;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldLifted;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.command.AuthoriseErasure;
import uk.frontdoor.triage.api.command.LiftLegalHold;
import uk.frontdoor.triage.api.command.PlaceLegalHold;
import uk.frontdoor.triage.api.command.RequestErasure;
import uk.frontdoor.triage.api.command.ReviewRetention;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Erasing a child's record (UK GDPR Article 17), with four eyes: one manager records the decision with its reason
 * and legal basis, a second authorises it. A record under legal hold is not erased, by a manager or by the
 * retention schedule, until every hold on it is lifted.
 *
 * <p>Erasure removes the child's personal data from every read model and search table (the read side deletes the
 * child's rows on {@link ChildErased}, in a replay too) and, once wired, destroys the child's data key so that the
 * stored events' personal fields can no longer be read. The decision stays in the stream without personal data.
 */
public final class Erasure {

    /** Who the retention schedule's own steps are recorded as: not a person, and not one who reads records. */
    public static final Actor RETENTION_SCHEDULE = new Actor("retention-schedule", StaffRole.SYSTEM_MANAGER,
            "front-door");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Erasure() {
    }

    public static List<ChildEvent> decide(RequestErasure command, ChildState child, Instant now) {
        permitted(command.actor());
        known(child);
        if (child.protection().pendingErasure() != null) {
            ErasureRequested pending = child.protection().pendingErasure();
            throw new TriageRefusedException(Refusal.ERASURE_PENDING, "An erasure requested by "
                    + pending.actor().userId() + " on " + DAY.format(pending.at())
                    + " is waiting for a second manager's authorisation.");
        }
        notHeld(child);
        return List.of(new ErasureRequested(child.childId(), command.reason(), command.legalBasis(),
                command.reference(), command.actor(), now));
    }

    public static List<ChildEvent> decide(AuthoriseErasure command, ChildState child, Instant now) {
        permitted(command.actor());
        known(child);
        ErasureRequested pending = child.protection().pendingErasure();
        if (pending == null) {
            throw new TriageRefusedException(Refusal.NO_ERASURE_REQUESTED);
        }
        if (pending.actor().userId().equals(command.actor().userId())) {
            throw new TriageRefusedException(Refusal.OWN_ERASURE_REQUEST, "You requested this erasure: a second "
                    + "manager must authorise it.");
        }
        notHeld(child);
        return List.of(erased(pending, command.actor(), now));
    }

    public static List<ChildEvent> decide(PlaceLegalHold command, ChildState child, Instant now) {
        permitted(command.actor());
        known(child);
        if (child.protection().holds().containsKey(command.holdId())) {
            return List.of();
        }
        return List.of(new LegalHoldPlaced(child.childId(), command.holdId(), command.kind(), command.reason(),
                command.actor(), now));
    }

    public static List<ChildEvent> decide(LiftLegalHold command, ChildState child, Instant now) {
        permitted(command.actor());
        known(child);
        if (!child.protection().holds().containsKey(command.holdId())) {
            throw new TriageRefusedException(Refusal.UNKNOWN_HOLD, "holdId", "No hold with this id is in force on "
                    + "this record.");
        }
        return List.of(new LegalHoldLifted(child.childId(), command.holdId(), command.reason(), command.actor(), now));
    }

    /** The schedule's step, with what it did; a held record's deferral is recorded once per set of holds. */
    public static Reviewed decide(ReviewRetention command, ChildState child, Instant now) {
        if (child.isErased()) {
            return new Reviewed(ReviewRetention.Outcome.ALREADY_ERASED, List.of());
        }
        known(child);
        List<String> holds = List.copyOf(child.protection().holds().keySet());
        if (!holds.isEmpty()) {
            return new Reviewed(ReviewRetention.Outcome.HELD, holds.equals(child.protection().deferredUnder())
                    ? List.of()
                    : List.of(new ErasureDeferredByHold(child.childId(), holds, command.schedule(), now)));
        }
        if (child.protection().pendingErasure() != null) {
            return new Reviewed(ReviewRetention.Outcome.ALREADY_QUEUED, List.of());
        }
        var requested = new ErasureRequested(child.childId(), ErasureRequested.Reason.RETENTION_PERIOD_ENDED,
                ErasureRequested.LegalBasis.NO_LONGER_NECESSARY, command.schedule(), RETENTION_SCHEDULE, now);
        if (!command.automatic()) {
            return new Reviewed(ReviewRetention.Outcome.QUEUED, List.of(requested));
        }
        return new Reviewed(ReviewRetention.Outcome.ERASED, List.of(requested,
                erased(requested, RETENTION_SCHEDULE, now)));
    }

    /** What a retention review did, and the events that record it. */
    public record Reviewed(ReviewRetention.Outcome outcome, List<ChildEvent> events) {
    }

    private static ChildErased erased(ErasureRequested request, Actor authorisedBy, Instant now) {
        return new ChildErased(request.childId(), request.reason(), request.legalBasis(), request.reference(),
                request.actor(), authorisedBy, now);
    }

    /** Names every hold in force, by id, kind, who placed it and when: the manager knows whom to ask. */
    private static void notHeld(ChildState child) {
        var holds = child.protection().holds().values();
        if (!holds.isEmpty()) {
            List<String> named = new ArrayList<>();
            holds.forEach(hold -> named.add("hold " + hold.holdId() + " (" + hold.kind().name().toLowerCase()
                    .replace('_', ' ') + ", placed by " + hold.actor().userId() + " on " + DAY.format(hold.at())
                    + ")"));
            throw new TriageRefusedException(Refusal.UNDER_LEGAL_HOLD, "The record is under legal hold: "
                    + named.stream().collect(Collectors.joining("; ")) + ". Lift the hold before erasing the record.");
        }
    }

    private static void permitted(Actor actor) {
        Require.permitted(actor, StaffPermission.PROTECT_DATA,
                "Only managers erase records, authorise erasures and place or lift legal holds.");
    }

    private static void known(ChildState child) {
        if (child.contacts().isEmpty()) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CHILD);
        }
    }
}
