package uk.frontdoor.triage.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The council's retention schedule for front-door records, as {@code frontdoor.retention.*}: each class names the
 * outcomes it covers and how long after the child's 18th birthday such a record is kept. A record is due under a
 * class when every contact on it (and on every record linked to it) was decided with one of the class's outcomes
 * (no later involvement), and the child's 18th birthday plus the period has passed.
 *
 * @param enabled   whether the nightly review runs at all
 * @param runAt     when, each night in England (one instance of a cluster runs it)
 * @param automatic erase due records at once, without a manager's confirmation (the council's choice; off by default)
 * @param classes   the schedule's classes, checked in order: a record is due under the first that makes it due
 */
@ConfigurationProperties("frontdoor.retention")
public record RetentionSchedule(@DefaultValue("true") boolean enabled, @DefaultValue("02:30") LocalTime runAt,
                                @DefaultValue("false") boolean automatic, List<RetentionClass> classes) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public RetentionSchedule {
        classes = classes == null ? List.of(RetentionClass.CLOSED_WITHOUT_FURTHER_ACTION) : List.copyOf(classes);
        for (RetentionClass retention : classes) {
            if (retention.name() == null || !NAME.matcher(retention.name()).matches()) {
                throw new IllegalArgumentException("frontdoor.retention.classes[].name must be lower-case letters, "
                        + "digits and '-', up to 40 characters (it is recorded with each erasure)");
            }
            if (retention.outcomes() == null || retention.outcomes().isEmpty()) {
                throw new IllegalArgumentException("frontdoor.retention.classes[" + retention.name()
                        + "].outcomes must name at least one outcome");
            }
            if (retention.keptAfterEighteenth() == null || retention.keptAfterEighteenth().isNegative()) {
                throw new IllegalArgumentException("frontdoor.retention.classes[" + retention.name()
                        + "].kept-after-eighteenth must be a period of zero or more (P6Y)");
            }
        }
    }

    /**
     * @param name                recorded with each erasure it causes (the reference of the request)
     * @param outcomes            the outcomes every contact on the record must have been closed with
     * @param keptAfterEighteenth how long after the child's 18th birthday the record is kept
     */
    public record RetentionClass(String name, Set<DecisionOutcome> outcomes, Period keptAfterEighteenth) {

        /** The example of the issue: closed with no further action (or advice only), kept 6 years after 18. */
        static final RetentionClass CLOSED_WITHOUT_FURTHER_ACTION = new RetentionClass("closed-no-further-action",
                Set.of(DecisionOutcome.NO_FURTHER_ACTION, DecisionOutcome.INFORMATION_AND_ADVICE), Period.ofYears(6));
    }
}
