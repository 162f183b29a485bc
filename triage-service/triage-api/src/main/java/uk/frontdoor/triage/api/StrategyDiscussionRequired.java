package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A strategy discussion must be held: the decision was section 47, or the threshold rules flagged
 * it (Working Together 2023: for every child where there is reasonable cause to suspect significant
 * harm). Raised by the service itself when the decision is authorised.
 *
 * @param reasons {@link #SECTION_47_DECISION} and/or {@link #RULES_FLAGGED}
 */
@Revision("1")
public record StrategyDiscussionRequired(ChildId childId, ContactId contactId, String discussionId,
                                         List<String> reasons, ThresholdAssessed.Priority priority,
                                         Instant at) implements ChildEvent {

    public static final String SECTION_47_DECISION = "SECTION_47_DECISION";
    public static final String RULES_FLAGGED = "RULES_FLAGGED";
}
