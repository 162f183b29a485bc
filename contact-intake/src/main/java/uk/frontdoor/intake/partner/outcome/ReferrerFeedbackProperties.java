package uk.frontdoor.intake.partner.outcome;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.util.Map;

/**
 * What a referrer is told of the contact it sent, once decided: the outcome in plain words, what happens next and
 * whom to contact. The council's own words, so configuration.
 *
 * @param contact  whom the referrer contacts about the decision (the front door's phone and secure e-mail)
 * @param nextSteps what happens next, by outcome; an outcome not named here has the service's default words
 */
@ConfigurationProperties("frontdoor.referrer-feedback")
public record ReferrerFeedbackProperties(
        @DefaultValue("The front door (MASH) of children's social care: quote the contact id.") String contact,
        @DefaultValue Map<DecisionOutcome, String> nextSteps) {

    private static final Map<DecisionOutcome, String> DEFAULT_NEXT_STEPS = Map.of(
            DecisionOutcome.NO_FURTHER_ACTION, "Children's social care will take no further action. Keep supporting "
                    + "the child as you do now, and contact the front door again if anything changes or you have "
                    + "new concerns.",
            DecisionOutcome.INFORMATION_AND_ADVICE, "No service from children's social care is needed now; the "
                    + "front door has given information and advice. Contact the front door again if anything "
                    + "changes or you have new concerns.",
            DecisionOutcome.EARLY_HELP, "The family will be offered early help support, with their consent. An "
                    + "early help worker may contact you to be part of the team around the family.",
            DecisionOutcome.ASSESSMENT, "The contact is now a referral to children's social care. A social worker "
                    + "will assess the child's needs (a child and family assessment, within 45 working days) and "
                    + "may contact you for information.",
            DecisionOutcome.STRATEGY_DISCUSSION, "The front door has reasonable cause to suspect the child is "
                    + "suffering, or likely to suffer, significant harm. A strategy discussion is held with police "
                    + "and health, and your agency may be asked to take part. Do not discuss the concern with the "
                    + "family unless the social worker agrees.");

    public String nextStepsFor(DecisionOutcome outcome) {
        return nextSteps.getOrDefault(outcome, DEFAULT_NEXT_STEPS.get(outcome));
    }
}
