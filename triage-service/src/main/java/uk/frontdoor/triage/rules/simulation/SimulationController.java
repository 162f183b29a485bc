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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetLoadException;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Managers replay a period's contacts through a named rule set or an uploaded draft, read what would change, and may
 * cancel a simulation (see {@link RuleSetSimulations}).
 */
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
     * @param ruleSet   the rule set's id, as {@code GET /api/v1/threshold-rules} lists it (with {@code version}), or
     * @param version   its version
     * @param draft     the text of a draft rule file to simulate instead (YAML, as in the rule-set folder)
     * @param draftFile the draft's file name, for its errors (default {@code draft.yaml})
     * @param from      the first day of the period (ISO date, England)
     * @param to        the last day, included
     */
    record SimulationRequest(String ruleSet, String version, String draft, String draftFile, String from, String to) {
    }

    @Operation(summary = "Replay a period's contacts through a named rule set, or a draft rule file given as text; "
            + "202 with the simulation's address")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RuleSetSimulations.Simulation> start(Authentication who, @RequestBody SimulationRequest body) {
        var manager = actors.require(who);
        boolean named = present(body.ruleSet()) || present(body.version());
        RuleSetSimulations.DraftFile draft = null;
        if (body.draft() != null) {
            if (named) {
                throw invalid("draft", "cannot be given with ruleSet and version: simulate one or the other");
            }
            draft = new RuleSetSimulations.DraftFile(fileName(body.draftFile()), body.draft());
        }
        return started(manager.userId(), body.ruleSet(), body.version(), draft, "draft", body.from(), body.to());
    }

    @Operation(summary = "The same with the draft rule file uploaded as a form (multipart: file, from, to)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RuleSetSimulations.Simulation> upload(Authentication who,
                                                         @RequestPart(name = "file", required = false) MultipartFile file,
                                                         @RequestPart(name = "from", required = false) String from,
                                                         @RequestPart(name = "to", required = false) String to) {
        var manager = actors.require(who);
        return started(manager.userId(), null, null, draftOf(file, "file"), "file", from, to);
    }

    @Operation(summary = "Cancel a simulation queued or running; 409 once it has finished")
    @PostMapping(path = "/{simulationId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetSimulations.Simulation cancel(Authentication who, @PathVariable String simulationId) {
        var manager = actors.require(who);
        return switch (simulations.cancel(simulationId, manager.userId())) {
            case CANCELLED -> simulations.find(simulationId).orElseThrow();
            case NOT_FOUND -> throw notFound();
            case ALREADY_FINISHED -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "The simulation has already finished; only one queued or running can be cancelled.");
                problem.setType(URI.create("/problems/simulation-finished"));
                problem.setTitle("Simulation already finished");
                throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
            }
        };
    }

    @Operation(summary = "A simulation: where it stands (QUEUED, RUNNING, DONE, FAILED, CANCELLED), its progress "
            + "and its report")
    @GetMapping(path = "/{simulationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetSimulations.Simulation simulation(@PathVariable String simulationId) {
        return simulations.find(simulationId).orElseThrow(SimulationController::notFound);
    }

    private ResponseEntity<RuleSetSimulations.Simulation> started(String manager, String ruleSetId, String version,
                                                                   RuleSetSimulations.DraftFile draft, String draftField,
                                                                   String fromText, String toText) {
        RuleSetRef ruleSet;
        if (draft != null) {
            ruleSet = checked(simulations, draft, draftField);
        } else {
            ruleSet = named(simulations, ruleSetId, version);
        }
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw invalid("to", "must be the same as or after from");
        }
        String id = simulations.start(new RuleSetSimulations.Request(ruleSet, draft, from, to, manager));
        return ResponseEntity.accepted().location(URI.create("/api/v1/threshold-rules/simulations/" + id))
                .body(simulations.find(id).orElseThrow());
    }

    /** A loaded rule set, named by id and version. */
    static RuleSetRef named(RuleSetSimulations simulations, String ruleSetId, String version) {
        if (!present(ruleSetId)) {
            throw invalid("ruleSet", "is needed: a rule set's id (or give a draft rule file)");
        }
        if (!present(version)) {
            throw invalid("version", "is needed: the rule set's version");
        }
        RuleSetRef ruleSet = new RuleSetRef(ruleSetId.strip(), version.strip());
        if (!simulations.known(ruleSet)) {
            throw invalid("ruleSet", "is not a rule set the service has loaded (see GET /api/v1/threshold-rules)");
        }
        return ruleSet;
    }

    /** An uploaded file as a draft: present, not empty, not too large, text. */
    static RuleSetSimulations.DraftFile draftOf(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw invalid(field, "is needed: a draft rule file (YAML)");
        }
        if (file.getSize() > RuleSetSimulations.MAX_DRAFT_CHARS) {
            throw invalid(field, "is too large for a rule file (at most " + RuleSetSimulations.MAX_DRAFT_CHARS + " bytes)");
        }
        try {
            return new RuleSetSimulations.DraftFile(fileName(file.getOriginalFilename()),
                    new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid(field, "could not be read");
        }
    }

    /** The draft, checked as start-up checks a rule file; refused naming the file, rule and error. */
    static RuleSetRef checked(RuleSetSimulations simulations, RuleSetSimulations.DraftFile draft, String field) {
        return loaded(simulations, draft, field).summaries().get(0).ref();
    }

    /**
     * The draft loaded on its own, as start-up loads a rule file; refused (400 {@code /problems/invalid-rule-set})
     * naming the file, rule and error.
     */
    static RuleSetCatalogue loaded(RuleSetSimulations simulations, RuleSetSimulations.DraftFile draft, String field) {
        if (draft.text() == null || draft.text().isBlank()) {
            throw invalid(field, "is needed: a draft rule file (YAML)");
        }
        if (draft.text().length() > RuleSetSimulations.MAX_DRAFT_CHARS) {
            throw invalid(field, "is too large for a rule file (at most " + RuleSetSimulations.MAX_DRAFT_CHARS + " characters)");
        }
        try {
            return simulations.load(draft);
        } catch (RuleSetLoadException e) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            detail.setType(URI.create("/problems/invalid-rule-set"));
            detail.setTitle("The draft rule file does not load");
            detail.setProperty("file", e.file());
            detail.setProperty("rule", e.ruleId());
            detail.setProperty("error", e.error());
            detail.setProperty("errors", List.of(Map.of("field", field, "problem", e.getMessage())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
        }
    }

    /** The name alone (a browser may send a path), printable, and short enough to keep; else draft.yaml. */
    static String fileName(String given) {
        if (given == null) {
            return "draft.yaml";
        }
        // Letters, digits, dots, dashes, underscores and spaces only: the name is shown on pages and in every error
        // about the draft, and must not carry what an attacker put in it.
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (name.isEmpty()) {
            return "draft.yaml";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such simulation.");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("No such simulation");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is needed, as a date in the form 2026-03-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date in the form 2026-03-01");
        }
    }

    static ErrorResponseException invalid(String field, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The field " + field + " " + problem + ".");
        detail.setType(URI.create("/problems/invalid-simulation"));
        detail.setTitle("Invalid simulation");
        detail.setProperty("errors", List.of(Map.of("field", field, "problem", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }
}
