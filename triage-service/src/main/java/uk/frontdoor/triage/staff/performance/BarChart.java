package uk.frontdoor.triage.staff.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as inline SVG: no script, no third-party library, nothing
 * the pages' Content-Security-Policy would stop (colours are presentation attributes, not styles).
 * Every bar carries its value as text, so the chart never relies on length or colour alone, and every
 * chart is shown with a table of the same numbers.
 *
 * @param id      the chart's element id; its title and description ids derive from it
 * @param title   what the chart shows (the SVG's {@code <title>})
 * @param summary a sentence with the figures in words (the SVG's {@code <desc>}), for screen readers
 */
public record BarChart(String id, String title, String summary, int height, List<Bar> bars) {

    /** Drawing width in SVG units; the SVG scales to its container. */
    public static final int WIDTH = 640;
    static final int LABEL_WIDTH = 170;
    static final int BAR_SPACE = 380;
    static final int ROW = 30;
    static final int BAR_HEIGHT = 20;

    /**
     * One bar.
     *
     * @param label     the category, e.g. "w/b 2 Feb 2026" or "Police"
     * @param valueText the value as written beside the bar, e.g. "12" or "66.7% (2 of 3)"
     */
    public record Bar(String label, String valueText, int y, int width, int textY, int valueX) {
    }

    /** A category and its value; {@code value} null draws no bar ("no figure"). */
    public record Value(String label, Double value, String valueText) {
    }

    /** A chart with bars scaled to {@code max} (at least 1), e.g. 100 for percentages or the largest count. */
    public static BarChart of(String id, String title, String summary, List<Value> values, double max) {
        double scale = max <= 0 ? 1 : max;
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Value value : values) {
            int width = value.value() == null ? 0
                    : (int) Math.round(Math.max(0, Math.min(value.value(), scale)) / scale * BAR_SPACE);
            bars.add(new Bar(value.label(), value.valueText(), y, width, y + BAR_HEIGHT - 5,
                    LABEL_WIDTH + width + 6));
            y += ROW;
        }
        return new BarChart(id, title, summary, y + 10, bars);
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height;
    }
}
