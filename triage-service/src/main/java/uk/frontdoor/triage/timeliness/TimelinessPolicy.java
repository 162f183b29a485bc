package uk.frontdoor.triage.timeliness;

import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The partnership's timescales for the duties the front door clocks, with the statutory defaults.
 * The contact decision, partner checks and the initial conference take their due times from the
 * rules and the triage policy (they are recorded on the events that start them); the rest come from
 * here.
 *
 * @param warnAt             fraction of a clock's time at which it warns (default 0.75)
 * @param allowances         time allowed per duty
 * @param strategyDiscussion time allowed for a strategy discussion, by the contact's RAG rating
 * @param teams              the team that owns each duty, for the duty manager's board
 */
public record TimelinessPolicy(WorkingCalendar calendar, double warnAt, Map<ClockType, Allowance> allowances,
                               Map<Priority, Allowance> strategyDiscussion, Map<ClockType, String> teams) {

    public static final double DEFAULT_WARN_AT = 0.75;

    public TimelinessPolicy {
        Objects.requireNonNull(calendar, "calendar");
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("warnAt must be a fraction between 0 and 1");
        }
        allowances = merge(defaultAllowances(), allowances);
        strategyDiscussion = merge(defaultStrategyDiscussion(), strategyDiscussion);
        teams = merge(defaultTeams(), teams);
    }

    public static TimelinessPolicy defaults(WorkingCalendar calendar) {
        return new TimelinessPolicy(calendar, DEFAULT_WARN_AT, Map.of(), Map.of(), Map.of());
    }

    /**
     * Return home interview 72 hours; private fostering visit 7 WD; LADO 1 WD; feedback 1 WD; authorisation 2 WH;
     * child and family assessment 45 WD from the point of referral (Working Together 2023); the emergency duty
     * team's response to a red contact out of hours, 2 hours (plain: it is night or a weekend).
     */
    public static Map<ClockType, Allowance> defaultAllowances() {
        return Map.of(ClockType.ASSESSMENT, Allowance.workingDays(45),
                ClockType.OUT_OF_HOURS, Allowance.hours(2),
                ClockType.RETURN_HOME_INTERVIEW, Allowance.hours(72),
                ClockType.PRIVATE_FOSTERING_VISIT, Allowance.workingDays(7),
                ClockType.LADO_REFERRAL, Allowance.workingDays(1),
                ClockType.FEEDBACK, Allowance.workingDays(1),
                ClockType.MANAGER_AUTHORISATION, Allowance.workingHours(2));
    }

    /** Red the same working day; otherwise within 3 working days of the decision. */
    public static Map<Priority, Allowance> defaultStrategyDiscussion() {
        return Map.of(Priority.RED, Allowance.sameWorkingDay(), Priority.AMBER, Allowance.workingDays(3),
                Priority.GREEN, Allowance.workingDays(3), Priority.BLUE, Allowance.workingDays(3));
    }

    public static Map<ClockType, String> defaultTeams() {
        var teams = new EnumMap<ClockType, String>(ClockType.class);
        for (ClockType type : ClockType.values()) {
            teams.put(type, "MASH");
        }
        teams.put(ClockType.STRATEGY_DISCUSSION, "CHILD_PROTECTION");
        teams.put(ClockType.INITIAL_CONFERENCE, "CHILD_PROTECTION");
        teams.put(ClockType.RETURN_HOME_INTERVIEW, "MISSING");
        teams.put(ClockType.PRIVATE_FOSTERING_VISIT, "PRIVATE_FOSTERING");
        teams.put(ClockType.LADO_REFERRAL, "LADO");
        teams.put(ClockType.ASSESSMENT, "ASSESSMENT");
        // A strategy action is on its owning agency's board; this is only where an action names none.
        teams.put(ClockType.STRATEGY_ACTION, "CHILD_PROTECTION");
        teams.put(ClockType.OUT_OF_HOURS, "EMERGENCY_DUTY");
        return teams;
    }

    /** A clock's due and warning times. */
    public record Plan(Instant startedAt, Instant warnAt, Instant dueAt) {
    }

    /** The plan of a duty whose allowance is configured here. */
    public Plan plan(ClockType type, Instant start) {
        Allowance allowance = allowances.get(type);
        if (allowance == null) {
            throw new IllegalArgumentException(type + " takes its due time from the event that starts it");
        }
        return plan(allowance, start);
    }

    public Plan strategyDiscussion(Priority priority, Instant decidedAt) {
        return plan(strategyDiscussion.get(priority), decidedAt);
    }

    /** The plan of a duty due at a time set elsewhere (rules, triage policy), counted in working time. */
    public Plan planInWorkingTime(Instant start, Instant dueAt) {
        return new Plan(start, warnInWorkingTime(start, dueAt), dueAt);
    }

    public String team(ClockType type) {
        return teams.get(type);
    }

    private Plan plan(Allowance allowance, Instant start) {
        Instant dueAt = allowance.dueFrom(start, calendar);
        if (!allowance.inWorkingTime()) {
            long millis = Duration.between(start, dueAt).toMillis();
            return new Plan(start, start.plusMillis(Math.round(millis * warnAt)), dueAt);
        }
        return planInWorkingTime(start, dueAt);
    }

    // A working-time clock warns after the fraction of its working time, never at night on a bank holiday
    // because the wall-clock fraction happened to fall there.
    private Instant warnInWorkingTime(Instant start, Instant dueAt) {
        long millis = calendar.workingTimeBetween(start, dueAt).toMillis();
        return calendar.plusWorkingTime(start, Duration.ofMillis(Math.round(millis * warnAt)));
    }

    private static <K extends Enum<K>, V> Map<K, V> merge(Map<K, V> defaults, Map<K, V> overrides) {
        var merged = new EnumMap<>(defaults);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return Map.copyOf(merged);
    }
}
