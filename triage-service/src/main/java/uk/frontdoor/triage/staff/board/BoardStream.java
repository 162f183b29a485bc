package uk.frontdoor.triage.staff.board;

import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.Labels;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.query.AlertBoard.Change;
import uk.frontdoor.triage.api.query.FindAlerts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The duty manager's board, live: a Server-Sent Events stream of the board's rows as HTML, rendered by
 * the same template fragment as the page, so a row pushed later looks exactly like one loaded with
 * the page. First a {@code board} event (every open alert under the board's filters; sent again on
 * each reconnect, so nothing missed while disconnected stays missing), then an {@code alert} event
 * for each alert raised, updated or closed, with the open counts after it. Rendering and counting run
 * on Reactor's bounded elastic threads, never on the projection's thread that emitted the change.
 */
@Component
class BoardStream {

    private static final String ROWS_TEMPLATE = "board-alerts";

    /** What the page's script receives; {@code html} is null for a closed alert (the row goes). */
    record LiveEvent(String kind, String alertId, String html, long warnings, long breaches, String announcement) {
    }

    private final StaffDesk desk;
    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Labels labels;
    private final Clock clock;
    private final AlertStreams streams;

    BoardStream(StaffDesk desk, ITemplateEngine templates, ApplicationContext application, Labels labels, Clock clock,
                AlertStreams streams) {
        this.desk = desk;
        this.templates = templates;
        this.application = application;
        this.labels = labels;
        this.clock = clock;
        this.streams = streams;
    }

    SseEmitter open(FindAlerts query) {
        return streams.open(desk.watchAlerts(query), this::whole, change -> change(query, change));
    }

    private LiveEvent whole(AlertBoard board) {
        String html = render(BoardPage.AlertRow.of(board.alerts(), clock.instant(), false));
        return new LiveEvent("BOARD", null, html, count(board, AlertBoard.State.WARNING),
                count(board, AlertBoard.State.BREACHED), null);
    }

    private LiveEvent change(FindAlerts query, Change change) {
        Alert alert = change.alert();
        // The counts after the change, under the board's own filters.
        AlertBoard counts = desk.alerts(new FindAlerts(query.team(), query.type(), query.priority(), 1));
        String html = change.kind() == Change.Kind.CLOSED ? null
                : render(BoardPage.AlertRow.of(List.of(alert), clock.instant(), true));
        return new LiveEvent(change.kind().name(), alert.alertId(), html, count(counts, AlertBoard.State.WARNING),
                count(counts, AlertBoard.State.BREACHED), announcement(change));
    }

    /** What a screen reader says when a row changes: the duty, never the child. */
    private String announcement(Change change) {
        Alert alert = change.alert();
        String duty = labels.of("clock", alert.type());
        String rag = alert.priority() == null ? "" : " (" + labels.of("priority", alert.priority()) + ")";
        return switch (change.kind()) {
            case RAISED -> (alert.state() == AlertBoard.State.BREACHED ? "New breach: " : "New warning: ") + duty + rag;
            case UPDATED -> "Alert updated: " + duty + rag;
            case CLOSED -> "Alert closed, duty done: " + duty + rag;
        };
    }

    String render(List<BoardPage.AlertRow> rows) {
        Context context = new Context(Locale.UK);
        context.setVariable("rows", rows);
        // Lets the fragment call beans (@labels, @dates) outside a web request.
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return templates.process(ROWS_TEMPLATE, Set.of("rows"), context).trim();
    }

    private static long count(AlertBoard board, AlertBoard.State state) {
        return board.open().getOrDefault(state, 0L);
    }
}
