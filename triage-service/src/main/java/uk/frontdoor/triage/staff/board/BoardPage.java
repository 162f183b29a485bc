package uk.frontdoor.triage.staff.board;

import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The duty manager's board: open warnings and breaches, kept live by Server-Sent Events (no reload),
 * the health of the triage queue, and the proposals waiting for a manager. Each alert has its own
 * page to acknowledge, assign or escalate it ({@link AlertPage}). The board names no child: it may be on a screen that
 * others can see, and a manager opens the contact to see who it is.
 */
@Controller
@StaffPage
class BoardPage {

    /** A board lists this many alerts; the counts say how many are open in all. */
    static final int ALERTS_SHOWN = 200;
    static final int PROPOSALS_SHOWN = 50;

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
