package uk.frontdoor.triage.rules.simulation;

import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a named rule set would have changed over a period's contacts, against what the rules in force decided.
 *
 * @param contacts     contacts replayed
 * @param empty        no contact was received in the period
 * @param levelUp      contacts the draft puts at a higher level of need
 * @param levelDown    at a lower level
 * @param priorityUp   contacts the draft rates more urgent (e.g. amber to red)
 * @param priorityDown less urgent
 * @param rules        each rule that fired under either, with how often under each
 * @param flagsAdded   flags the draft raises that the rules in force did not, with how many contacts
 * @param flagsLost    flags the rules in force raised that the draft does not
 * @param examples     for each kind of change (LEVEL_UP, LEVEL_DOWN, PRIORITY_UP, PRIORITY_DOWN, FLAGS,
 *                     WORKLOAD: the duties go to other teams), the most
 *                     recent contacts, at most 20, with the two decisions side by side
 * @param workload     by team, the duties the rules' decisions start (see {@link Workload}) under each
 * @param levelChanges by the level the rules in force gave (1 to 4), how many contacts the draft puts higher and
 *                     lower; {@code null} in a report kept before it was counted
 * @param priorityChanges by the RAG the rules in force gave, how many the draft makes more and less urgent;
 *                     {@code null} in a report kept before it was counted
 */
public record SimulationReport(String ruleSetId, String ruleSetVersion, int contacts, boolean empty, int levelUp,
                               int levelDown, int priorityUp, int priorityDown, Map<String, RuleCount> rules,
                               Map<String, Integer> flagsAdded, Map<String, Integer> flagsLost,
                               Map<String, List<Example>> examples, Map<String, TeamWorkload> workload,
                               Map<String, Change> levelChanges, Map<String, Change> priorityChanges) {

    static final int EXAMPLES = 20;

    public record RuleCount(int inForce, int draft) {
    }

    /** Contacts the draft moves up (higher level, more urgent) and down. */
    public record Change(int up, int down) {
    }

    /** A team's duties under the rules in force and under the draft; {@code change} is the second less the first. */
    public record TeamWorkload(int inForce, int draft, int change) {
    }

    /** One contact decided both ways; the rules that fired, with their explanations, side by side. */
    public record Example(String contactId, Instant receivedAt, Decision inForce, Decision draft) {
    }

    /** @param teams the team of each duty the decision starts, as counted in the workload */
    public record Decision(int level, String priority, String ruleSet, List<String> flags, List<String> rules,
                           List<String> teams) {

        static Decision of(ThresholdAssessed.Threshold threshold, List<String> teams) {
            return new Decision(threshold.level(), threshold.priority().name(),
                    threshold.ruleSet() == null ? null : threshold.ruleSet().id() + " " + threshold.ruleSet().version(),
                    threshold.flags(), threshold.rulesFired().stream()
                    .map(rule -> rule.id() + ": " + rule.description()).toList(), teams);
        }
    }

    static final class Builder {
        private final RuleSetRef draft;
        private int contacts;
        private int levelUp;
        private int levelDown;
        private int priorityUp;
        private int priorityDown;
        private final Map<String, int[]> rules = new TreeMap<>();
        private final Map<String, Integer> flagsAdded = new TreeMap<>();
        private final Map<String, Integer> flagsLost = new TreeMap<>();
        private final Map<String, List<Example>> examples = new TreeMap<>();
        private final Map<String, int[]> workload = new TreeMap<>();
        private final Map<String, int[]> levelChanges = new TreeMap<>();
        private final Map<String, int[]> priorityChanges = new LinkedHashMap<>();

        Builder(RuleSetRef draft) {
            this.draft = draft;
            for (int level = 1; level <= 4; level++) {
                levelChanges.put(Integer.toString(level), new int[2]);
            }
            for (ThresholdAssessed.Priority priority : ThresholdAssessed.Priority.values()) {
                priorityChanges.put(priority.name(), new int[2]);
            }
        }

        /**
         * @param teamsInForce the team of each duty the decision in force starts (a team once per duty)
         * @param teamsByDraft the same under the draft
         */
        void add(String contactId, Instant receivedAt, ThresholdAssessed.Threshold inForce,
                 ThresholdAssessed.Threshold byDraft, List<String> teamsInForce, List<String> teamsByDraft) {
            contacts++;
            teamsInForce.forEach(team -> workload.computeIfAbsent(team, t -> new int[2])[0]++);
            teamsByDraft.forEach(team -> workload.computeIfAbsent(team, t -> new int[2])[1]++);
            Example example = new Example(contactId, receivedAt, Decision.of(inForce, teamsInForce),
                    Decision.of(byDraft, teamsByDraft));
            if (byDraft.level() > inForce.level()) {
                levelUp++;
                levelChanges.get(Integer.toString(inForce.level()))[0]++;
                example("LEVEL_UP", example);
            } else if (byDraft.level() < inForce.level()) {
                levelDown++;
                levelChanges.get(Integer.toString(inForce.level()))[1]++;
                example("LEVEL_DOWN", example);
            }
            // Urgency: red is the most urgent, blue the least (the enum's order).
            int urgencyChange = inForce.priority().compareTo(byDraft.priority());
            if (urgencyChange > 0) {
                priorityUp++;
                priorityChanges.get(inForce.priority().name())[0]++;
                example("PRIORITY_UP", example);
            } else if (urgencyChange < 0) {
                priorityDown++;
                priorityChanges.get(inForce.priority().name())[1]++;
                example("PRIORITY_DOWN", example);
            }
            inForce.rulesFired().forEach(rule -> rules.computeIfAbsent(rule.id(), id -> new int[2])[0]++);
            byDraft.rulesFired().forEach(rule -> rules.computeIfAbsent(rule.id(), id -> new int[2])[1]++);
            Set<String> added = new HashSet<>(byDraft.flags());
            added.removeAll(inForce.flags());
            Set<String> lost = new HashSet<>(inForce.flags());
            lost.removeAll(byDraft.flags());
            added.forEach(flag -> flagsAdded.merge(flag, 1, Integer::sum));
            lost.forEach(flag -> flagsLost.merge(flag, 1, Integer::sum));
            if (!added.isEmpty() || !lost.isEmpty()) {
                example("FLAGS", example);
            }
            if (!sorted(teamsInForce).equals(sorted(teamsByDraft))) {
                example("WORKLOAD", example);
            }
        }

        private static List<String> sorted(List<String> teams) {
            return teams.stream().sorted().toList();
        }

        private void example(String kind, Example example) {
            examples.computeIfAbsent(kind, k -> new ArrayList<>()).add(example);
        }

        SimulationReport build() {
            Map<String, RuleCount> counts = new TreeMap<>();
            rules.forEach((id, count) -> counts.put(id, new RuleCount(count[0], count[1])));
            Map<String, List<Example>> recent = new TreeMap<>();
            examples.forEach((kind, list) -> recent.put(kind, list.stream()
                    .sorted(Comparator.comparing(Example::receivedAt).reversed()).limit(EXAMPLES).toList()));
            Map<String, TeamWorkload> teams = new TreeMap<>();
            workload.forEach((team, count) -> teams.put(team, new TeamWorkload(count[0], count[1], count[1] - count[0])));
            return new SimulationReport(draft.id(), draft.version(), contacts, contacts == 0, levelUp, levelDown,
                    priorityUp, priorityDown, counts, flagsAdded, flagsLost, recent, teams, changes(levelChanges),
                    changes(priorityChanges));
        }

        private static Map<String, Change> changes(Map<String, int[]> counts) {
            Map<String, Change> changes = new LinkedHashMap<>();
            counts.forEach((key, count) -> changes.put(key, new Change(count[0], count[1])));
            return changes;
        }
    }
}
