package uk.frontdoor.triage.rules.simulation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetLoadException;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.rules.RuleSetSummary;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule-set simulations on the pages, for managers: start one (a rule set the service has loaded, or a draft
 * rule file uploaded), watch its progress, cancel it, and read its report. The same service as the API
 * ({@link RuleSetSimulations}); a draft is checked as start-up checks a rule file.
 */
@Controller
@StaffPage
class SimulationPage {

    /** The kinds of change the report gives examples of, in the order the page shows them, with their headings. */
    record Kind(String code, String heading) {
    }

    static final List<Kind> KINDS = List.of(new Kind("LEVEL_UP", "Higher level of need"),
            new Kind("LEVEL_DOWN", "Lower level of need"), new Kind("PRIORITY_UP", "More urgent"),
            new Kind("PRIORITY_DOWN", "Less urgent"), new Kind("FLAGS", "Flags added or lost"),
            new Kind("WORKLOAD", "Work goes to other teams"));

    private final StaffDesk desk;
    private final RuleSetSimulations simulations;
    private final RuleSetCatalogue catalogue;
    private final DraftView draftView;

    SimulationPage(StaffDesk desk, RuleSetSimulations simulations, RuleSetCatalogue catalogue, DraftView draftView) {
        this.desk = desk;
        this.simulations = simulations;
        this.catalogue = catalogue;
        this.draftView = draftView;
    }

    @GetMapping("/rules/simulations")
    String list(Authentication who, Model model) {
        desk.actor(who);
        return form(model, new FormErrors("simulation"), "LOADED", null);
    }

    @PostMapping(path = "/rules/simulations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String start(Authentication who, @RequestParam(required = false) String source,
                 @RequestParam(required = false) String ruleSet,
                 @RequestPart(name = "file", required = false) MultipartFile file,
                 @RequestParam(name = "from-day", required = false) String fromDay,
                 @RequestParam(name = "from-month", required = false) String fromMonth,
                 @RequestParam(name = "from-year", required = false) String fromYear,
                 @RequestParam(name = "to-day", required = false) String toDay,
                 @RequestParam(name = "to-month", required = false) String toMonth,
                 @RequestParam(name = "to-year", required = false) String toYear,
                 @RequestParam(name = "draftText", required = false) String draftText,
                 @RequestParam(name = "draftFile", required = false) String draftFile,
                 Model model) {
        var manager = desk.actor(who);
        FormErrors errors = new FormErrors("simulation");
        RuleSetRef ref = null;
        RuleSetSimulations.DraftFile draft = null;
        RuleSetCatalogue loadedDraft = null;
        boolean fromDraftPage = "DRAFT".equals(source) && (file == null || file.isEmpty()) && draftText != null;
        if (fromDraftPage) {
            // A draft checked on the rules page comes back as text: the browser cannot send the file again.
            if (draftText.length() > RuleSetSimulations.MAX_DRAFT_CHARS) {
                errors.add("file", "The draft rule file must be smaller than " + RuleSetSimulations.MAX_DRAFT_CHARS / 1000 + " kB");
            } else {
                draft = new RuleSetSimulations.DraftFile(SimulationController.fileName(draftFile), draftText);
            }
        } else if ("DRAFT".equals(source)) {
            draft = draft(errors, file, "file");
        }
        if (draft != null) {
            try {
                loadedDraft = simulations.load(draft);
                ref = loadedDraft.summaries().get(0).ref();
            } catch (RuleSetLoadException e) {
                errors.add("file", "The draft rule file does not load: " + e.getMessage());
            }
        } else if ("LOADED".equals(source)) {
            ref = loaded(ruleSet);
            if (ref == null) {
                errors.add("ruleSet", "Select a rule set the service has loaded");
            }
        } else if (!"DRAFT".equals(source)) {
            errors.add("source-LOADED", "Select whether to simulate a loaded rule set or a draft rule file");
        }
        LocalDate from = FormInput.date(errors, "from", "the first day of the period", true, fromDay, fromMonth, fromYear);
        LocalDate to = FormInput.date(errors, "to", "the last day of the period", true, toDay, toMonth, toYear);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to-day", "The last day of the period must be the same as or after the first day");
        }
        if (fromDraftPage && loadedDraft != null && errors.any()) {
            // Back to the draft's own page with the period's errors: this form has no way to carry the draft's text.
            return draftView.show(model, draft, loadedDraft, errors);
        }
        if (errors.any() || ref == null) {
            model.addAttribute("errors", errors);
            return form(model, errors, source, ruleSet);
        }
        String id = simulations.start(new RuleSetSimulations.Request(ref, draft, from, to, manager.userId()));
        return "redirect:/rules/simulations/" + id;
    }

    @GetMapping("/rules/simulations/{simulationId}")
    String simulation(Authentication who, @PathVariable String simulationId, Model model) {
        desk.actor(who);
        RuleSetSimulations.Simulation simulation = find(simulationId);
        model.addAttribute("simulation", simulation);
        model.addAttribute("progress", Progress.of(simulation));
        model.addAttribute("kinds", KINDS);
        Map<String, SimulationCharts.Chart> charts = new LinkedHashMap<>();
        if (simulation.report() != null && !simulation.report().empty()) {
            SimulationCharts.of(simulation.report()).forEach(chart -> charts.put(chart.id(), chart));
        }
        model.addAttribute("charts", charts);
        return "simulation";
    }

    /** What the progress script reads: the figures the page shows, already in words. */
    record Progress(String state, String stateLabel, int percent, String text, boolean finished) {

        static Progress of(RuleSetSimulations.Simulation simulation) {
            Integer total = simulation.contactsTotal();
            int done = simulation.contactsDone();
            int percent = simulation.state().equals("DONE") ? 100
                    : total == null || total == 0 ? 0 : (int) Math.min(99, done * 100L / total);
            String text = switch (simulation.state()) {
                case "QUEUED" -> "Waiting for another simulation to finish";
                case "RUNNING" -> total == null ? "Finding the contacts received in the period"
                        : done + " of " + total + " contacts replayed";
                case "DONE" -> done + " contacts replayed";
                case "CANCELLED" -> "Cancelled by " + simulation.cancelledBy() + " after " + done + " contacts";
                default -> "The simulation failed after " + done + " contacts; start it again";
            };
            return new Progress(simulation.state(), label(simulation.state()), percent, text, simulation.finished());
        }
    }

    @GetMapping(path = "/rules/simulations/{simulationId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@PathVariable String simulationId) {
        return Progress.of(find(simulationId));
    }

    @PostMapping("/rules/simulations/{simulationId}/cancel")
    String cancel(Authentication who, @PathVariable String simulationId, RedirectAttributes flash) {
        var manager = desk.actor(who);
        switch (simulations.cancel(simulationId, manager.userId())) {
            case CANCELLED -> flash.addFlashAttribute("success", "Simulation cancelled.");
            case ALREADY_FINISHED -> flash.addFlashAttribute("errors", new FormErrors("cancel")
                    .add("simulation-state", "The simulation has already finished, so it cannot be cancelled"));
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/rules/simulations/" + simulationId;
    }

    static String label(String state) {
        return switch (state) {
            case "QUEUED" -> "Queued";
            case "RUNNING" -> "Running";
            case "DONE" -> "Done";
            case "CANCELLED" -> "Cancelled";
            default -> "Failed";
        };
    }

    private RuleSetSimulations.Simulation find(String simulationId) {
        return simulations.find(simulationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, FormErrors errors, String source, String ruleSet) {
        model.addAttribute("simulationForm", errors);
        model.addAttribute("source", source == null ? "LOADED" : source);
        model.addAttribute("chosenRuleSet", ruleSet);
        List<RuleSetSummary> newestFirst = new ArrayList<>(catalogue.summaries());
        Collections.reverse(newestFirst);
        model.addAttribute("ruleSets", newestFirst);
        model.addAttribute("recent", simulations.recent(20));
        model.addAttribute("states", Map.of("QUEUED", label("QUEUED"), "RUNNING", label("RUNNING"), "DONE",
                label("DONE"), "CANCELLED", label("CANCELLED"), "FAILED", label("FAILED")));
        return "simulations";
    }

    /** A rule set named as the form's select gives it: "id version". */
    private RuleSetRef loaded(String chosen) {
        if (chosen == null) {
            return null;
        }
        return catalogue.summaries().stream().map(RuleSetSummary::ref)
                .filter(ref -> (ref.id() + " " + ref.version()).equals(chosen))
                .findFirst().orElse(null);
    }

    /** An uploaded draft file, or null with the error on the form's field {@code field}. */
    static RuleSetSimulations.DraftFile draft(FormErrors errors, MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            errors.add(field, "Choose a draft rule file (YAML)");
            return null;
        }
        if (file.getSize() > RuleSetSimulations.MAX_DRAFT_CHARS) {
            errors.add(field, "The draft rule file must be smaller than " + RuleSetSimulations.MAX_DRAFT_CHARS / 1000 + " kB");
            return null;
        }
        try {
            return new RuleSetSimulations.DraftFile(SimulationController.fileName(file.getOriginalFilename()),
                    new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            errors.add(field, "The draft rule file could not be read; try again");
            return null;
        }
    }
}
