package uk.frontdoor.triage.staff.performance;

import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;

/**
 * Performance figures as staff read them. Templates call it as {@code ${@figures.ratio(report.conversion())}}.
 * A ratio with nothing to divide by is "No figure", never a misleading 0%.
 */
@Component("figures")
public class Figures {

    /** "66.7%", "50%", or "No figure". */
    public String percent(Ratio ratio) {
        Double percent = ratio.percent();
        if (percent == null) {
            return "No figure";
        }
        return (percent == Math.rint(percent) ? String.valueOf(percent.longValue()) : String.valueOf(percent)) + "%";
    }

    /** "66.7% (2 of 3)", or "No figure (none)". */
    public String ratio(Ratio ratio) {
        return ratio.of() == 0 ? "No figure (none)" : percent(ratio) + " (" + ratio.count() + " of " + ratio.of() + ")";
    }
}
