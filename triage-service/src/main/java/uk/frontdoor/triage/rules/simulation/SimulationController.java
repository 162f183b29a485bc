package uk.frontdoor.triage.rules.simulation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Managers replay a period's contacts through a named rule set and read what would change (see {@link RuleSetSimulations}). */
@RestController
@RequestMapping("/api/v1/threshold-rules/simulations")
class SimulationController {

    private final RuleSetSimulations simulations;
    private final ActorResolver actors;

    SimulationController(RuleSetSimulations simulations, ActorResolver actors) {
        this.simulations = simulations;
        this.actors = actors;
    }

    /**
     * @param ruleSet the rule set's id, as {@code GET /api/v1/threshold-rules} lists it
     * @param version its version
     * @param from    the first day of the period (ISO date, England)
     * @param to      the last day, included
     */
    record SimulationRequest(String ruleSet, String version, String from, String to) {
    }

    @Operation(summary = "Replay a period's contacts through a named rule set; 202 with the simulation's address")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RuleSetSimulations.Simulation> start(Authentication who, @RequestBody SimulationRequest body) {
        var manager = actors.require(who);
        if (body.ruleSet() == null || body.ruleSet().isBlank()) {
            throw invalid("ruleSet", "is needed: a rule set's id");
        }
        if (body.version() == null || body.version().isBlank()) {
            throw invalid("version", "is needed: the rule set's version");
        }
        RuleSetRef ruleSet = new RuleSetRef(body.ruleSet().strip(), body.version().strip());
        if (!simulations.known(ruleSet)) {
            throw invalid("ruleSet", "is not a rule set the service has loaded (see GET /api/v1/threshold-rules)");
        }
        LocalDate from = date("from", body.from());
        LocalDate to = date("to", body.to());
        if (to.isBefore(from)) {
            throw invalid("to", "must be the same as or after from");
        }
        String id = simulations.start(new RuleSetSimulations.Request(ruleSet, from, to, manager.userId()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/threshold-rules/simulations/" + id))
                .body(simulations.find(id).orElseThrow());
    }

    @Operation(summary = "A simulation: where it stands (QUEUED, RUNNING, DONE, FAILED), its progress and its report")
    @GetMapping(path = "/{simulationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetSimulations.Simulation simulation(@PathVariable String simulationId) {
        return simulations.find(simulationId).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such simulation.");
            problem.setType(URI.create("/problems/not-found"));
            problem.setTitle("No such simulation");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is needed, as a date in the form 2026-03-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date in the form 2026-03-01");
        }
    }

    private static ErrorResponseException invalid(String field, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The field " + field + " " + problem + ".");
        detail.setType(URI.create("/problems/invalid-simulation"));
        detail.setTitle("Invalid simulation");
        detail.setProperty("errors", List.of(Map.of("field", field, "problem", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }
}
