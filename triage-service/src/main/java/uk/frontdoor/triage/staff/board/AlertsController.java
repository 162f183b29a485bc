package uk.frontdoor.triage.staff.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.staff.board.AlertCommands.Acknowledgement;
import uk.frontdoor.triage.staff.board.AlertCommands.AlertAction;
import uk.frontdoor.triage.staff.board.AlertCommands.Assignment;
import uk.frontdoor.triage.staff.board.AlertCommands.Escalation;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.util.Optional;

/**
 * The duty manager's alert board: open warnings and breaches, most overdue first, and what a manager
 * does about one. Every action is a command on the child's stream. The board's stream pushes each
 * change as it happens (Server-Sent Events), so a board never needs reloading.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Timeliness warnings and breaches for duty managers")
class AlertsController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ActorResolver actors;
    private final AlertStreams streams;

    AlertsController(CommandGateway commands, QueryGateway queries, ActorResolver actors,
                     AlertStreams streams) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.streams = streams;
    }

    @Operation(summary = "Open warnings and breaches, most overdue first; filter by team, clock type and RAG")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    AlertBoard board(Authentication who, @RequestParam(required = false) String team,
                     @RequestParam(required = false) ClockType type, @RequestParam(required = false) Priority priority,
                     @RequestParam(defaultValue = "200") int limit) {
        actors.require(who);
        return queries.query(find(team, type, priority, limit), AlertBoard.class).join();
    }

    @Operation(summary = "The board as Server-Sent Events: a 'board' event with the open alerts, then an 'alert' "
            + "event for each alert raised, updated or closed")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Authentication who, @RequestParam(required = false) String team,
                    @RequestParam(required = false) ClockType type, @RequestParam(required = false) Priority priority,
                    @RequestParam(defaultValue = "200") int limit) {
        actors.require(who);
        return streams.open(queries.subscriptionQuery(find(team, type, priority, limit),
                        ResponseTypes.instanceOf(AlertBoard.class), ResponseTypes.instanceOf(AlertBoard.Change.class)),
                board -> board, change -> change);
    }

    @Operation(summary = "Acknowledge an alert with a note of what is being done")
    @PostMapping("/{alertId}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(Authentication who, @PathVariable String alertId, @RequestBody Acknowledgement body) {
        handle(who, alertId, body);
    }

    @Operation(summary = "Assign an alert to a worker to act on")
    @PostMapping("/{alertId}/assign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(Authentication who, @PathVariable String alertId, @RequestBody Assignment body) {
        handle(who, alertId, body);
    }

    @Operation(summary = "Escalate an alert to a senior manager, with the reason")
    @PostMapping("/{alertId}/escalate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void escalate(Authentication who, @PathVariable String alertId, @RequestBody Escalation body) {
        handle(who, alertId, body);
    }

    private void handle(Authentication who, String alertId, AlertAction action) {
        Actor actor = actors.require(who);
        Optional<AlertBoard.Alert> alert = queries.query(new FindAlert(alertId),
                ResponseTypes.optionalInstanceOf(AlertBoard.Alert.class)).join();
        AlertBoard.Alert found = alert.orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_ALERT));
        commands.sendAndWait(action.command(found, actor));
    }

    private static FindAlerts find(String team, ClockType type, Priority priority, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "limit must be between 1 and 1000.");
        }
        return new FindAlerts(team == null || team.isBlank() ? null : team, type, priority, limit);
    }
}
