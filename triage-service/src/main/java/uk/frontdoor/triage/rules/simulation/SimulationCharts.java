package uk.frontdoor.triage.rules.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulation report's figures as horizontal bar charts, laid out here and drawn by the page as inline SVG: the pages
 * allow no script but the service's own, and SVG's geometry attributes are not styles, so nothing needs loosening. Each
 * chart carries its text alternative (the same figures in a sentence); the report's tables stay as the data.
 */
final class SimulationCharts {

    static final int LABEL_WIDTH = 250;
    static final int BAR_AREA = 380;
    static final int WIDTH = LABEL_WIDTH + BAR_AREA + 60;
    private static final int BAR_HEIGHT = 16;
    private static final int ROW_GAP = 12;

    private SimulationCharts() {
    }

    /**
     * One chart.
     *
     * @param series      the legend's names of the bars in each row, in order
     * @param description the text alternative: every row's figures in words
     */
    record Chart(String id, String title, String description, List<String> series, List<Row> rows, int width,
                 int height) {
    }

    /** One row: its label and the y of its text, and a bar for each series. */
    record Row(String label, int labelY, List<Bar> bars) {
    }

    /** @param series which series (0 or 1), for its colour; {@code textX} where its figure is written */
    record Bar(int series, int value, int x, int y, int width, int height, int textX, int textY) {
    }

    static List<Chart> of(SimulationReport report) {
        List<Chart> charts = new ArrayList<>();
        List<String> upDown = List.of("Higher under this rule set", "Lower under this rule set");
        Map<String, SimulationReport.Change> levels = report.levelChanges() != null ? report.levelChanges()
                : Map.of("All levels", new SimulationReport.Change(report.levelUp(), report.levelDown()));
        charts.add(chart("chart-levels", "Contacts changing level, by their level under the rules in force",
                upDown, List.of("higher", "lower"), levels,
                key -> key.matches("[1-4]") ? "Level " + key : key, change -> new int[]{change.up(), change.down()}));
        Map<String, SimulationReport.Change> priorities = report.priorityChanges() != null ? report.priorityChanges()
                : Map.of("All priorities", new SimulationReport.Change(report.priorityUp(), report.priorityDown()));
        charts.add(chart("chart-priorities", "Contacts changing priority, by their RAG under the rules in force",
                List.of("More urgent under this rule set", "Less urgent under this rule set"),
                List.of("more urgent", "less urgent"), priorities, SimulationCharts::rag,
                change -> new int[]{change.up(), change.down()}));
        List<String> inForceAndDraft = List.of("Rules in force", "This rule set");
        List<String> inForceAndDraftWords = List.of("under the rules in force", "under this rule set");
        Map<String, SimulationReport.RuleCount> changedRules = new java.util.LinkedHashMap<>();
        report.rules().forEach((rule, count) -> {
            if (count.inForce() != count.draft()) {
                changedRules.put(rule, count);
            }
        });
        if (!changedRules.isEmpty()) {
            charts.add(chart("chart-rules", "How often each rule fires, where that changes", inForceAndDraft,
                    inForceAndDraftWords, changedRules, Function.identity(),
                    count -> new int[]{count.inForce(), count.draft()}));
        }
        if (!report.workload().isEmpty()) {
            charts.add(chart("chart-workload", "Estimated duties by team", inForceAndDraft, inForceAndDraftWords,
                    report.workload(), Function.identity(), team -> new int[]{team.inForce(), team.draft()}));
        }
        return charts;
    }

    private static <T> Chart chart(String id, String title, List<String> series, List<String> seriesWords,
                                   Map<String, T> data, Function<String, String> label, Function<T, int[]> values) {
        int max = 1;
        for (T value : data.values()) {
            for (int v : values.apply(value)) {
                max = Math.max(max, v);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        int y = ROW_GAP / 2;
        for (Map.Entry<String, T> entry : data.entrySet()) {
            int[] figures = values.apply(entry.getValue());
            List<Bar> bars = new ArrayList<>();
            List<String> words = new ArrayList<>();
            int rowTop = y;
            for (int i = 0; i < figures.length; i++) {
                int width = (int) Math.round((double) figures[i] * BAR_AREA / max);
                bars.add(new Bar(i, figures[i], LABEL_WIDTH, y, width, BAR_HEIGHT, LABEL_WIDTH + width + 6,
                        y + BAR_HEIGHT - 3));
                words.add(figures[i] + " " + seriesWords.get(i));
                y += BAR_HEIGHT + 2;
            }
            String name = label.apply(entry.getKey());
            rows.add(new Row(name, rowTop + (y - rowTop) / 2 + 4, bars));
            sentences.add(name + ": " + String.join(", ", words));
            y += ROW_GAP;
        }
        return new Chart(id, title, title + ". " + String.join("; ", sentences) + ".", series, rows, WIDTH, y);
    }

    private static String rag(String priority) {
        return switch (priority) {
            case "RED" -> "Red";
            case "AMBER" -> "Amber";
            case "GREEN" -> "Green";
            case "BLUE" -> "Blue";
            default -> priority;
        };
    }
}
