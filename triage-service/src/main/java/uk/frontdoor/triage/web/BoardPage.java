package uk.frontdoor.triage.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.command.AcknowledgeAlert;
import uk.frontdoor.triage.api.command.AssignAlert;
import uk.frontdoor.triage.api.command.EscalateAlert;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The duty manager's board: open warnings and breaches, kept live by Server-Sent Events (no reload),
 * the health of the triage queue, and the proposals waiting for a manager. Each alert has its own
 * page to acknowledge, assign or escalate it. The board names no child: it may be on a screen that
 * others can see, and a manager opens the contact to see who it is.
 */
@Controller
class BoardPage {

    /** A board lists this many alerts; the counts say how many are open in all. */
    static final int ALERTS_SHOWN = 200;
    static final int PROPOSALS_SHOWN = 50;

    /** Alert ids are clock ids: letters, digits and dashes. Anything else is not an alert. */
    private static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final StaffDesk desk;
    private final BoardStream stream;
    private final Clock clock;
    private final List<String> teams;

    BoardPage(StaffDesk desk, BoardStream stream, Clock clock, TimelinessPolicy policy) {
        this.desk = desk;
        this.stream = stream;
        this.clock = clock;
        this.teams = List.copyOf(new TreeSet<>(policy.teams().values()));
    }

    /** The board's filters: codes only, so a filtered board can be bookmarked without personal data. */
    record Filters(String team, ClockType type, Priority rag) {

        static Filters of(String team, String type, String rag, List<String> teams) {
            return new Filters(team != null && teams.contains(team) ? team : null, FormInput.choice(ClockType.class, type),
                    FormInput.choice(Priority.class, rag));
        }

        FindAlerts query() {
            return new FindAlerts(team, type, rag, ALERTS_SHOWN);
        }

        public boolean any() {
            return team != null || type != null || rag != null;
        }

        /** The query string for the live stream and for coming back to the same board. */
        public String query(String path) {
            var url = UriComponentsBuilder.fromPath(path);
            if (team != null) {
                url.queryParam("team", team);
            }
            if (type != null) {
                url.queryParam("type", type.name());
            }
            if (rag != null) {
                url.queryParam("rag", rag.name());
            }
            return url.encode().build().toUriString();
        }
    }

    @GetMapping("/board")
    String board(Authentication who, @RequestParam(required = false) String team,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String rag, Model model) {
        desk.actor(who);
        Filters filters = Filters.of(team, type, rag, teams);
        Instant now = clock.instant();
        AlertBoard board = desk.alerts(filters.query());
        model.addAttribute("filters", filters);
        model.addAttribute("board", board);
        model.addAttribute("rows", AlertRow.of(board.alerts(), now, false));
        model.addAttribute("alertsShown", ALERTS_SHOWN);
        model.addAttribute("breached", board.open().getOrDefault(AlertBoard.State.BREACHED, 0L));
        model.addAttribute("warnings", board.open().getOrDefault(AlertBoard.State.WARNING, 0L));
        model.addAttribute("health", desk.queueHealth(now));
        model.addAttribute("ageBands", List.of("Under 4 hours", "4 to 24 hours", "1 to 3 days", "Over 3 days"));
        model.addAttribute("proposals", desk.proposals(PROPOSALS_SHOWN));
        model.addAttribute("now", now);
        model.addAttribute("teams", teams);
        model.addAttribute("types", ClockType.values());
        model.addAttribute("priorities", Priority.values());
        return "board";
    }

    /** The board's live feed, for {@code board.js}: rendered rows, so the page and the feed look alike. */
    @GetMapping(path = "/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Authentication who, @RequestParam(required = false) String team,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String rag) {
        desk.actor(who);
        return stream.open(Filters.of(team, type, rag, teams).query());
    }

    @GetMapping("/board/alerts/{alertId}")
    String alert(Authentication who, @PathVariable String alertId, Model model) {
        desk.actor(who);
        Alert alert = find(alertId);
        model.addAttribute("alert", alert);
        model.addAttribute("timeLeft", TimeLeft.until(alert.dueAt(), clock.instant()));
        return "alert";
    }

    @PostMapping("/board/alerts/{alertId}/acknowledge")
    String acknowledge(Authentication who, @PathVariable String alertId, @RequestParam(required = false) String note,
                       RedirectAttributes flash) {
        FormErrors errors = new FormErrors("acknowledge").keep("acknowledge-note", note);
        if (FormInput.text(note) == null) {
            errors.add("acknowledge-note", "Enter what is being done about this alert");
        }
        return handle(who, alertId, errors, flash, "acknowledge-note",
                (alert, me) -> new AcknowledgeAlert(alert.childId(), alert.alertId(), FormInput.text(note), me),
                "Alert acknowledged",
                alert -> alert.acknowledgedAt() != null && Objects.equals(alert.acknowledgement(), FormInput.text(note)));
    }

    @PostMapping("/board/alerts/{alertId}/assign")
    String assign(Authentication who, @PathVariable String alertId, @RequestParam(required = false) String assignee,
                  RedirectAttributes flash) {
        FormErrors errors = new FormErrors("assign").keep("assignee", assignee);
        if (FormInput.text(assignee) == null) {
            errors.add("assignee", "Enter the user name of the worker to act on this alert");
        }
        return handle(who, alertId, errors, flash, "assignee",
                (alert, me) -> new AssignAlert(alert.childId(), alert.alertId(), FormInput.text(assignee), me),
                "Alert assigned",
                alert -> Objects.equals(alert.assignedTo(), FormInput.text(assignee)));
    }

    @PostMapping("/board/alerts/{alertId}/escalate")
    String escalate(Authentication who, @PathVariable String alertId, @RequestParam(name = "to", required = false) String to,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        FormErrors errors = new FormErrors("escalate").keep("escalate-to", to).keep("escalate-reason", reason);
        if (FormInput.text(to) == null) {
            errors.add("escalate-to", "Enter the user name of the senior manager to escalate to");
        }
        if (FormInput.text(reason) == null) {
            errors.add("escalate-reason", "Enter why this alert is escalated");
        }
        return handle(who, alertId, errors, flash, "escalate-reason",
                (alert, me) -> new EscalateAlert(alert.childId(), alert.alertId(), FormInput.text(to),
                        FormInput.text(reason), me),
                "Alert escalated",
                alert -> Objects.equals(alert.escalatedTo(), FormInput.text(to)));
    }

    private String handle(Authentication who, String alertId, FormErrors errors, RedirectAttributes flash,
                          String refusalField, BiFunction<Alert, Actor, Object> command, String done,
                          Predicate<Alert> visible) {
        Actor me = desk.actor(who);
        Alert alert = find(alertId);
        String page = "redirect:/board/alerts/" + alert.alertId();
        if (errors.any()) {
            flash.addFlashAttribute("errors", errors);
            return page;
        }
        try {
            desk.send(command.apply(alert, me));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", errors.add(refusalField, RefusalMessages.of(refused)));
            return page;
        }
        boolean shown = desk.awaitVisible(() -> desk.alert(alert.alertId()).filter(visible).isPresent());
        flash.addFlashAttribute("success", Notices.done(done, shown));
        return page;
    }

    private Alert find(String alertId) {
        Optional<Alert> alert = ALERT_ID.matcher(alertId).matches() ? desk.alert(alertId) : Optional.empty();
        return alert.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** An alert as a board row: its time left from the injected clock, and whether it just changed. */
    record AlertRow(Alert alert, TimeLeft timeLeft, boolean fresh) {

        static List<AlertRow> of(List<Alert> alerts, Instant now, boolean fresh) {
            return alerts.stream().map(alert -> new AlertRow(alert, TimeLeft.until(alert.dueAt(), now), fresh)).toList();
        }

        /** For the live feed to keep rows in the board's order (soonest due first). */
        public long dueMillis() {
            return alert.dueAt().toEpochMilli();
        }
    }
}
