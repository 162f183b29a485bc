package uk.frontdoor.triage.staff.performance;

import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.StaffPage;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.query.PerformanceReport;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.PerformanceReport.Week;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The managers' performance page: the figures of {@link PerformanceReport} for a period chosen with
 * two ISO dates in the address (dates and nothing else, so nothing personal reaches a URL), as summary
 * cards, server-drawn SVG bar charts and the tables of the same numbers. Workers appear by sign-in name.
 */
@Controller
@StaffPage
class PerformancePage {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final StaffDesk desk;
    private final Clock clock;
    private final Labels labels;

    PerformancePage(StaffDesk desk, Clock clock, Labels labels) {
        this.desk = desk;
        this.clock = clock;
        this.labels = labels;
    }

    /** A row of a pivot table: a heading cell and one cell per column, already written as text. */
    record Row(String heading, List<String> cells) {
    }

    @GetMapping("/performance")
    String performance(Authentication who, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Model model) {
        desk.actor(who);
        PerformancePeriod.Parsed period = PerformancePeriod.parse(from, to, clock);
        FormErrors errors = new FormErrors("period");
        if (!period.valid()) {
            period.problems().forEach(problem -> errors.add(problem.field(), problem.message()));
            // Dates only, and the form shows them back so they can be corrected.
            errors.keep("from", from).keep("to", to);
            model.addAttribute("errors", errors);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return "performance";
        }
        PerformanceReport report = desk.performance(period.query());
        model.addAttribute("from", report.from().toString());
        model.addAttribute("to", report.to().toString());
        model.addAttribute("report", report);
        addFigures(report, model);
        return "performance";
    }

    private void addFigures(PerformanceReport report, Model model) {
        List<Week> weeks = report.weeks();
        String period = "from " + WEEK.format(report.from()) + " to " + WEEK.format(report.to());
        model.addAttribute("periodText", period);

        // 1. Contacts by week and source.
        List<ReferralSourceGroup> sources = Arrays.stream(ReferralSourceGroup.values())
                .filter(report.contactsBySource()::containsKey).toList();
        model.addAttribute("sources", sources);
        long totalContacts = weeks.stream().mapToLong(Week::contacts).sum();
        model.addAttribute("totalContacts", totalContacts);
        long maxWeek = weeks.stream().mapToLong(Week::contacts).max().orElse(0);
        model.addAttribute("contactsChart", BarChart.of("contacts-chart", "Contacts received each week",
                totalContacts + " contacts received " + period + ". " + weekly(weeks, w -> w.contacts() + ""),
                weeks.stream().map(w -> new BarChart.Value(weekLabel(w.weekStart()), (double) w.contacts(),
                        String.valueOf(w.contacts()))).toList(), maxWeek));
        long maxSource = report.contactsBySource().values().stream().mapToLong(Long::longValue).max().orElse(0);
        model.addAttribute("sourcesChart", BarChart.of("sources-chart", "Contacts by source agency",
                sources.isEmpty() ? "No contacts " + period + "."
                        : String.join("; ", sources.stream().map(s -> s.label() + ": "
                        + report.contactsBySource().get(s)).toList()) + ".",
                sources.stream().map(s -> new BarChart.Value(s.label(), (double) report.contactsBySource().get(s),
                        String.valueOf(report.contactsBySource().get(s)))).toList(), maxSource));
        List<Row> contactRows = new ArrayList<>();
        for (Week week : weeks) {
            List<String> cells = new ArrayList<>();
            sources.forEach(s -> cells.add(String.valueOf(week.contactsBySource().getOrDefault(s, 0L))));
            cells.add(String.valueOf(week.contacts()));
            contactRows.add(new Row(weekLabel(week.weekStart()), cells));
        }
        model.addAttribute("contactRows", contactRows);

        // 2 and 3. Conversion to referral and decisions within one working day, by week.
        model.addAttribute("conversionChart", percentChart("conversion-chart",
                "Contacts decided as referrals each week", weeks, Week::conversion, "decided"));
        model.addAttribute("timelinessChart", percentChart("timeliness-chart",
                "Contacts decided within one working day each week", weeks, Week::decidedInOneWorkingDay,
                "decided"));

        // 5. Strategy discussions by week.
        model.addAttribute("weekLabels", weeks.stream().map(w -> weekLabel(w.weekStart())).toList());

        // 6. Referral quality.
        List<PerformanceReport.AgencyQuality> measurable = report.referralQuality().stream()
                .filter(PerformanceReport.AgencyQuality::measurable)
                .sorted(java.util.Comparator.comparing(PerformanceReport.AgencyQuality::source)).toList();
        model.addAttribute("qualityRows", report.referralQuality().stream()
                .sorted(java.util.Comparator.comparing(PerformanceReport.AgencyQuality::source)).toList());
        model.addAttribute("qualityChart", BarChart.of("quality-chart", "Contacts that needed follow-up, by source agency",
                measurable.isEmpty() ? "No contacts " + period + " from agencies a partner check can go back to."
                        : String.join("; ", measurable.stream().map(q -> q.source().label() + ": "
                        + percent(q.followUp()) + " (" + q.followUp().count() + " of " + q.followUp().of() + ")")
                        .toList()) + ".",
                measurable.stream().map(q -> new BarChart.Value(q.source().label(), q.followUp().percent(),
                        ratioText(q.followUp()))).toList(), 100));

        // 7. Outcomes by level and by worker.
        List<DecisionOutcome> outcomes = List.of(DecisionOutcome.values());
        model.addAttribute("outcomes", outcomes);
        TreeSet<Integer> levels = new TreeSet<>(List.of(1, 2, 3, 4));
        report.outcomesByLevel().forEach(l -> levels.add(l.level()));
        List<Row> levelRows = new ArrayList<>();
        for (int level : levels) {
            levelRows.add(pivotRow("Level " + level, outcomes, report.outcomesByLevel().stream()
                    .filter(l -> l.level() == level)
                    .collect(java.util.stream.Collectors.toMap(PerformanceReport.LevelOutcome::outcome,
                            PerformanceReport.LevelOutcome::count))));
        }
        model.addAttribute("levelRows", levelRows);
        Map<String, Map<DecisionOutcome, Long>> byWorker = new LinkedHashMap<>();
        report.outcomesByWorker().forEach(w -> byWorker.computeIfAbsent(w.worker() == null ? "Not recorded" : w.worker(),
                key -> new LinkedHashMap<>()).merge(w.outcome(), w.count(), Long::sum));
        model.addAttribute("workerRows", byWorker.entrySet().stream()
                .map(entry -> pivotRow(entry.getKey(), outcomes, entry.getValue())).toList());
    }

    private static Row pivotRow(String heading, List<DecisionOutcome> outcomes, Map<DecisionOutcome, Long> counts) {
        List<String> cells = new ArrayList<>();
        outcomes.forEach(o -> cells.add(String.valueOf(counts.getOrDefault(o, 0L))));
        cells.add(String.valueOf(counts.values().stream().mapToLong(Long::longValue).sum()));
        return new Row(heading, cells);
    }

    private static BarChart percentChart(String id, String title, List<Week> weeks, Function<Week, Ratio> figure,
                                         String what) {
        return BarChart.of(id, title, title + ": " + weekly(weeks, w -> percent(figure.apply(w))
                        + " (" + figure.apply(w).count() + " of " + figure.apply(w).of() + " " + what + ")"),
                weeks.stream().map(w -> new BarChart.Value(weekLabel(w.weekStart()), figure.apply(w).percent(),
                        ratioText(figure.apply(w)))).toList(), 100);
    }

    private static String weekly(List<Week> weeks, Function<Week, String> text) {
        return String.join("; ", weeks.stream().map(w -> weekLabel(w.weekStart()) + ": " + text.apply(w)).toList())
                + ".";
    }

    static String weekLabel(LocalDate monday) {
        return "w/b " + WEEK.format(monday);
    }

    private static final Figures FIGURES = new Figures();

    static String percent(Ratio ratio) {
        return FIGURES.percent(ratio);
    }

    static String ratioText(Ratio ratio) {
        return FIGURES.ratio(ratio);
    }
}
