package uk.frontdoor.triage.rules.simulation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetDiff;
import uk.frontdoor.triage.rules.RuleBook;

/**
 * Managers check a draft rule file before simulating it: the same checks start-up makes, the same refusal as a
 * simulation of it (400 {@code /problems/invalid-rule-set} naming the file, rule and error), or its rules in plain
 * words and what it changes from the loaded version it revises.
 */
@RestController
@RequestMapping("/api/v1/threshold-rules/drafts/check")
class DraftCheckController {

    private final RuleSetSimulations simulations;
    private final RuleBook book;

    DraftCheckController(RuleSetSimulations simulations, RuleBook book) {
        this.simulations = simulations;
        this.book = book;
    }

    /**
     * @param draft     the text of the draft rule file (YAML, as in the rule-set folder)
     * @param draftFile its file name, for its errors (default {@code draft.yaml})
     */
    record DraftRequest(String draftFile, String draft) {
    }

    /**
     * A draft that loads.
     *
     * @param ruleSet the draft's rule set and its rules, as {@code GET /api/v1/threshold-rules/{ruleSet}/versions/{version}}
     * @param revises the loaded version it is compared with ({@code <ruleSet>:<version>}): the latest of the same rule set
     *                taking effect before it, else the newest of it; {@code null} for a rule set the service has none of
     * @param diff    what changed from that version, or {@code null}
     */
    record DraftCheck(String draftFile, RuleBook.RuleSetVersion ruleSet, String revises, RuleSetDiff diff) {
    }

    @Operation(summary = "Check a draft rule file given as text, as start-up checks a rule file: 200 with its rules "
            + "and what it changes from the version it revises, or 400 naming the file, rule and error")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    DraftCheck check(@RequestBody DraftRequest body) {
        return check(new RuleSetSimulations.DraftFile(SimulationController.fileName(body.draftFile()),
                body.draft()), "draft");
    }

    @Operation(summary = "The same with the draft rule file uploaded as a form (multipart: file)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    DraftCheck upload(@RequestPart(name = "file", required = false) MultipartFile file) {
        return check(SimulationController.draftOf(file, "file"), "file");
    }

    private DraftCheck check(RuleSetSimulations.DraftFile draft, String field) {
        RuleSetCatalogue loaded = SimulationController.loaded(simulations, draft, field);
        RuleSetDiff diff = book.diffOfDraft(loaded).orElse(null);
        return new DraftCheck(draft.file(), book.draftVersion(loaded), diff == null ? null
                : diff.from().id() + ":" + diff.from().version(), diff);
    }
}
