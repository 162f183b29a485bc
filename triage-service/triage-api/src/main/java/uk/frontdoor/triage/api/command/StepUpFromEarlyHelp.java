package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.List;

/**
 * Step a child up from early help to children's social care: a new contact about the child, which
 * carries the early-help history, is received and assessed like any other.
 *
 * @param earlyHelpSummary what early help did and found (the history the new contact carries)
 * @param reason           why early help is no longer enough
 * @param factors          census assessment factors of the new concern
 * @param indicators       the front door's indicators of the new concern
 */
public record StepUpFromEarlyHelp(ChildId childId, String earlyHelpSummary, String reason, List<String> factors,
                                  List<String> indicators, boolean immediateRisk, Actor actor) implements ChildRecordCommand {

    public StepUpFromEarlyHelp {
        factors = factors == null ? List.of() : List.copyOf(factors);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
