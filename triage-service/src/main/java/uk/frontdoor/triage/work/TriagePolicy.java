package uk.frontdoor.triage.work;

import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.timeliness.Allowance;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The partnership's local choices the triage rules depend on: which agencies exist, and how long an
 * agency has to answer a partner check at each RAG rating (in working time).
 *
 * @param agencies                agency codes that may be asked for information or attend a strategy discussion
 * @param partnerCheckDue         working time allowed for a partner's reply, by the contact's RAG rating
 * @param partnerCheckDueByAgency for an agency that agreed other times with the partnership (a police force
 *                                that answers red checks within the hour), its allowance by RAG rating; a
 *                                rating it does not name takes {@code partnerCheckDue}'s
 */
public record TriagePolicy(WorkingCalendar calendar, Set<String> agencies, Map<Priority, Duration> partnerCheckDue,
                           Map<String, Map<Priority, Allowance>> partnerCheckDueByAgency) {

    public static final String POLICE = "POLICE";
    public static final String HEALTH = "HEALTH";
    /** Children's social care: the front door itself, so never the subject of a partner check. */
    public static final String SOCIAL_CARE = "SOCIAL_CARE";

    public static final List<String> DEFAULT_AGENCIES = List.of(POLICE, HEALTH, "EDUCATION", "PROBATION", "HOUSING",
            "YOUTH_JUSTICE", "ADULT_SERVICES", SOCIAL_CARE);

    public TriagePolicy {
        Objects.requireNonNull(calendar, "calendar");
        agencies = Set.copyOf(agencies);
        var due = new EnumMap<Priority, Duration>(Priority.class);
        due.putAll(defaultPartnerCheckDue());
        due.putAll(partnerCheckDue);
        partnerCheckDue = Map.copyOf(due);
        partnerCheckDueByAgency = Map.copyOf(partnerCheckDueByAgency);
        for (String agency : partnerCheckDueByAgency.keySet()) {
            // A typo would silently give the agency the default times: the service does not start with one.
            if (!agencies.contains(agency)) {
                throw new IllegalArgumentException("frontdoor.triage.partner-check-due-by-agency names " + agency
                        + ", which is not an agency (frontdoor.triage.agencies)");
            }
        }
    }

    public TriagePolicy(WorkingCalendar calendar, Set<String> agencies, Map<Priority, Duration> partnerCheckDue) {
        this(calendar, agencies, partnerCheckDue, Map.of());
    }

    /** Red 2, amber 6, green 24 working hours; a blue contact is given green's time. */
    public static Map<Priority, Duration> defaultPartnerCheckDue() {
        return Map.of(Priority.RED, Duration.ofHours(2), Priority.AMBER, Duration.ofHours(6),
                Priority.GREEN, Duration.ofHours(24), Priority.BLUE, Duration.ofHours(24));
    }

    public static TriagePolicy defaults(WorkingCalendar calendar) {
        return new TriagePolicy(calendar, Set.copyOf(DEFAULT_AGENCIES), Map.of());
    }

    public boolean isAgency(String code) {
        return code != null && agencies.contains(code);
    }

    public Instant partnerCheckDueAt(Priority priority, Instant askedAt) {
        return calendar.plusWorkingTime(askedAt, partnerCheckDue.get(priority));
    }

    /** When this agency's reply is due: its own allowance for the rating if it has one, else the partnership's. */
    public Instant partnerCheckDueAt(String agency, Priority priority, Instant askedAt) {
        Allowance own = partnerCheckDueByAgency.getOrDefault(agency, Map.of()).get(priority);
        return own == null ? partnerCheckDueAt(priority, askedAt) : own.dueFrom(askedAt, calendar);
    }
}
