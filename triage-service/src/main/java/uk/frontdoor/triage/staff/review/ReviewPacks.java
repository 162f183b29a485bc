package uk.frontdoor.triage.staff.review;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildAsAt;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.staff.asat.AsAtRecords;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A child safeguarding practice review pack: for one child and a period, the chronology, every decision with who,
 * when, why and under which rule set, every clock with its timeliness, and which staff looked at the record. It is
 * read from the record as it stood at the end of the period (the as-at view, {@link AsAtRecords}), so a pack for a
 * past period says what was known then, not what was learnt since.
 *
 * <p><b>Producing a pack is recorded in the record of views</b>, not as an event on the child's stream: it is a
 * read of the record (everything in it is disclosed to the manager and leaves the service as a document), and the
 * record of views is where reads are kept, append only, for the years the audit needs. An event would put the
 * audit of readers into the child's own history, change every read model of the child, and need a command on the
 * aggregate for what changes nothing about the child.
 */
@Component
public class ReviewPacks {

    /** The record of views lists at most this many in a pack; the API's views endpoint has the rest. */
    static final int MAX_VIEWS = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(Dates.ENGLAND);

    private final AsAtRecords records;
    private final RecordViews views;
    private final Labels labels;
    private final Clock clock;
    private final ITemplateEngine templates;

    ReviewPacks(AsAtRecords records, RecordViews views, Labels labels, Clock clock, ITemplateEngine templates) {
        this.records = records;
        this.views = views;
        this.labels = labels;
        this.clock = clock;
        this.templates = templates;
    }

    /** A period of whole days in England, both included. */
    public record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return from.atStartOfDay(Dates.ENGLAND).toInstant();
        }

        Instant endOfLastDay() {
            return to.plusDays(1).atStartOfDay(Dates.ENGLAND).toInstant();
        }
    }

    /** A period the caller could not be given, naming the parameter at fault ({@code from} or {@code to}). */
    public static final class PeriodRefused extends RuntimeException {
        private final String field;

        PeriodRefused(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Reads {@code from} and {@code to} (ISO dates, both needed, in order, the first not in the future). */
    public Period period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new PeriodRefused("to", "must be the same as or after from");
        }
        if (start.isAfter(LocalDate.ofInstant(clock.instant(), Dates.ENGLAND))) {
            throw new PeriodRefused("from", "must not be in the future");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PeriodRefused(field, "is needed, as a date in the form 2026-03-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new PeriodRefused(field, "must be a date in the form 2026-03-01");
        }
    }

    /**
     * The pack, after recording its production in the record of views ({@code what} names it and the period).
     *
     * @param form how it is produced ({@code page}, {@code PDF}), for the record of views
     * @return empty when the child's record had nothing in it by the end of the period
     */
    public Optional<ReviewPack> produce(Actor manager, ChildId childId, Period period, String form) {
        Instant now = clock.instant();
        Instant end = period.endOfLastDay().isAfter(now) ? now : period.endOfLastDay();
        Instant start = period.start();
        String what = "review pack (" + form + ") " + period.from() + " to " + period.to();
        Optional<AsAtRecords.Shown> shown = records.show(manager, childId, null, end, what, false);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        ChildAsAt record = shown.get().record();
        List<ChildId> linked = record.chronology() == null ? List.of() : record.chronology().linkedChildren();

        List<ReviewPack.Entry> chronology = new ArrayList<>();
        if (record.chronology() != null) {
            for (ChildChronology.Entry entry : record.chronology().entries()) {
                if (!entry.at().isBefore(start) && entry.at().isBefore(end)) {
                    chronology.add(new ReviewPack.Entry(when(entry.at()), labels.ref(entry.childId()),
                            labels.of("type", entry.type()), entry.summary(),
                            entry.actorUserId() == null ? "The service"
                                    : entry.actorUserId() + " (" + labels.of("role", entry.actorRole()) + ")",
                            entry.contactId() == null ? "" : labels.ref(entry.contactId())));
                }
            }
        }

        List<ReviewPack.Decision> decisions = new ArrayList<>();
        for (ContactStatusView contact : record.contacts()) {
            ContactWorkView work = contact.work();
            ContactWorkView.Decision decision = work == null ? null : work.decision();
            if (decision == null || decision.at().isBefore(start) || !decision.at().isBefore(end)) {
                continue;
            }
            ContactWorkView.Proposal proposal = work.proposal();
            var threshold = contact.threshold();
            decisions.add(new ReviewPack.Decision(labels.ref(contact.contactId()), when(decision.at()),
                    labels.of("outcome", decision.outcome()),
                    proposal == null ? decision.proposedBy() : proposal.by().userId() + " at " + when(proposal.at()),
                    proposal == null ? "" : proposal.rationale(),
                    decision.authorisedBy().userId(),
                    decision.reason() == null ? "" : decision.reason(),
                    "Level " + decision.thresholdLevel() + (decision.belowThreshold() ? ", below the rules' level" : "")
                            + (decision.auditSample() ? ", marked for audit sampling" : ""),
                    threshold == null || threshold.ruleSet() == null ? "Not recorded"
                            : threshold.ruleSet().id() + " version " + threshold.ruleSet().version()));
        }

        List<ReviewPack.ClockLine> clocks = new ArrayList<>();
        for (ChildAsAt.Clock running : record.clocks()) {
            AlertBoard.Alert c = running.clock();
            if (c.startedAt().isAfter(end) || (c.stoppedAt() != null && c.stoppedAt().isBefore(start))) {
                continue;
            }
            clocks.add(new ReviewPack.ClockLine(labels.ref(c.contactId()), labels.of("clock", c.type()),
                    when(c.startedAt()), when(c.dueAt()), c.stoppedAt() == null ? "" : when(c.stoppedAt()),
                    timeliness(c, end)));
        }

        List<ChildId> all = new ArrayList<>(linked);
        all.add(0, childId);
        List<ReviewPack.Viewed> viewed = views.between(all, start, end, MAX_VIEWS).stream()
                .map(view -> new ReviewPack.Viewed(when(view.viewedAt()),
                        view.viewedBy() + " (" + labels.of("role", view.role()) + ")", view.what()))
                .toList();

        return Optional.of(new ReviewPack(childId.value(), linked.stream().map(ChildId::value).toList(),
                period.from().toString(), period.to().toString(), when(end), manager.userId(), when(now),
                chronology, decisions, clocks, viewed, viewed.size() == MAX_VIEWS));
    }

    /** On time or late, and by how much; for a clock still running at the end of the period, where it stood. */
    private static String timeliness(AlertBoard.Alert clock, Instant end) {
        if (clock.stoppedAt() != null) {
            Duration margin = Duration.between(clock.stoppedAt(), clock.dueAt());
            return margin.isNegative() || clock.breachedAt() != null
                    ? "Late: stopped " + TimeLeft.words(margin.abs()) + " after it was due"
                    : "On time: stopped " + TimeLeft.words(margin) + " before it was due";
        }
        TimeLeft left = TimeLeft.until(clock.dueAt(), end);
        return (left.overdue() ? "Still running, late: " : "Still running: ") + left.text().toLowerCase(Locale.UK)
                + " at the end of the period";
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** The pack as a printable HTML page's model (the same template makes the PDF). */
    public Map<String, Object> model(ReviewPack pack, String pdfUrl) {
        return Map.of("pack", pack, "pdfUrl", pdfUrl == null ? "" : pdfUrl, "forPdf", pdfUrl == null,
                "backUrl", "/children/" + pack.childId() + "/chronology");
    }

    /** The pack as a PDF: the same template, laid out by openhtmltopdf and written by PDFBox. */
    public byte[] pdf(ReviewPack pack) {
        String html = templates.process("review-pack", new Context(Locale.UK, model(pack, null)));
        return HtmlPdf.render(html, "The review pack");
    }
}
