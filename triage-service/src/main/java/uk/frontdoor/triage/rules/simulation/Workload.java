package uk.frontdoor.triage.rules.simulation;

import org.springframework.stereotype.Component;
import uk.frontdoor.rules.Flag;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.child.reception.Reception;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a contact's work goes under a decision, as the service routes it: each duty the decision starts is a clock
 * on a team's board ({@link TimelinessPolicy#team}). The duties are reception's own ({@link Reception#dutiesOnReceipt}:
 * the contact decision, the duties the rules flag, the emergency duty team out of hours) and the strategy discussion
 * the rules' flag will require once the contact is decided. What managers decide later (an assessment, a section 47
 * discussion they choose) is not the rules' to change, so it is not estimated.
 */
@Component
class Workload {

    private final TimelinessPolicy timeliness;

    Workload(TimelinessPolicy timeliness) {
        this.timeliness = timeliness;
    }

    /** The team of each duty the decision starts, a team once per duty. */
    List<String> teams(ContactReceived received, ThresholdAssessed.Threshold threshold) {
        List<ClockType> duties = new ArrayList<>(Reception.dutiesOnReceipt(threshold,
                received.submission().immediateRisk(), timeliness.calendar().isOfficeHours(received.receivedAt())));
        if (threshold.flags().contains(Flag.STRATEGY_DISCUSSION_REQUIRED.name())) {
            duties.add(ClockType.STRATEGY_DISCUSSION);
        }
        return duties.stream().map(timeliness::team).toList();
    }
}
