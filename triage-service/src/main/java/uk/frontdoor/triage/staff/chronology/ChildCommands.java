package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.api.command.UnlinkChildRecords;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.List;

/**
 * The one mapping from what a member of staff asks for on a child's record as a whole to the command
 * it sends: the staff API's request bodies, which the chronology page's forms read what was typed into.
 */
final class ChildCommands {

    private ChildCommands() {
    }

    /** Making or undoing a link between the child's record and another. */
    interface LinkChange {
        String otherChildId();

        Object command(ChildId child, Actor by);
    }

    record LinkRequest(String otherChildId, String reason) implements LinkChange {
        @Override
        public LinkChildRecords command(ChildId child, Actor by) {
            return new LinkChildRecords(child, otherChildId == null ? null : ChildId.of(otherChildId), reason, by);
        }
    }

    record UnlinkRequest(String otherChildId, String reason) implements LinkChange {
        @Override
        public UnlinkChildRecords command(ChildId child, Actor by) {
            return new UnlinkChildRecords(child, otherChildId == null ? null : ChildId.of(otherChildId), reason, by);
        }
    }

    record StepUpRequest(String earlyHelpSummary, String reason, List<String> factors, List<String> indicators,
                         boolean immediateRisk) {
        StepUpFromEarlyHelp command(ChildId child, Actor by) {
            return new StepUpFromEarlyHelp(child, earlyHelpSummary, reason, factors, indicators, immediateRisk, by);
        }
    }
}
