package uk.frontdoor.infra.operations;

import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.Labels;
import uk.frontdoor.triage.staff.pages.StaffPage;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.infra.operations.ProjectionAdmin;
import uk.frontdoor.infra.operations.ProjectionAdminException;
import uk.frontdoor.infra.operations.ProjectionStatus;

/**
 * The system managers' projection pages: every read model with its status, position, head and lag;
 * a rebuild behind a confirmation page; and a rebuild's progress, which refreshes itself from
 * {@code /admin/projections/{name}/progress} when script runs (and has a "Refresh" link when not).
 * Nothing here is about a child: only processor names, positions and system managers' user ids.
 */
@Controller
@StaffPage
class ProjectionsPage {

    private final ProjectionAdmin admin;
    private final StaffDesk desk;
    private final Labels labels;

    ProjectionsPage(ProjectionAdmin admin, StaffDesk desk, Labels labels) {
        this.admin = admin;
        this.desk = desk;
        this.labels = labels;
    }

    @GetMapping("/admin/projections")
    String projections(Model model) {
        model.addAttribute("projections", admin.projections());
        return "projections";
    }

    @GetMapping("/admin/projections/{name}")
    String projection(@PathVariable String name, Model model) {
        ProjectionStatus status = find(name);
        model.addAttribute("projection", status);
        model.addAttribute("progress", progressOf(status));
        return "projection";
    }

    @GetMapping("/admin/projections/{name}/rebuild")
    String confirm(@PathVariable String name, Model model) {
        model.addAttribute("projection", find(name));
        return "projection-rebuild";
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, Authentication who, RedirectAttributes flash) {
        String page = address(name);
        try {
            admin.rebuild(name, desk.actor(who));
            flash.addFlashAttribute("success", "Rebuild started.");
        } catch (ProjectionAdminException refused) {
            if (refused.reason() == ProjectionAdminException.Reason.UNKNOWN_PROJECTION) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("errors", new FormErrors("rebuild").add("rebuild-progress", refused.getMessage()));
        }
        return "redirect:" + page;
    }

    /** What the progress script reads: the same figures the page shows, already in words. */
    record Progress(String state, String stateLabel, String tag, int percent, String text, long position, long head,
                    long lag, boolean done) {
    }

    @GetMapping(path = "/admin/projections/{name}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@PathVariable String name) {
        return progressOf(find(name));
    }

    Progress progressOf(ProjectionStatus status) {
        ProjectionStatus.Rebuild rebuild = status.lastRebuild();
        // Against the head at the rebuild's start; a replay nobody started here, against today's head.
        long target = rebuild != null && !rebuild.complete() ? rebuild.headAtStart() : status.head();
        int percent;
        String text;
        if (!status.rebuilding()) {
            percent = 100;
            text = rebuild == null ? "Not rebuilt since this service was installed"
                    : "100% rebuilt: " + rebuild.headAtStart() + " of " + rebuild.headAtStart() + " events";
        } else {
            percent = rebuild != null && !rebuild.complete() ? rebuild.percent()
                    : target == 0 ? 99 : (int) Math.min(99, status.position() * 100 / target);
            text = status.position() >= target
                    ? percent + "% rebuilt: all " + target + " events handled, finishing"
                    : percent + "% rebuilt: " + status.position() + " of " + target + " events";
        }
        return new Progress(status.state().name(), labels.of("projectionState", status.state()),
                labels.projectionTag(status.state()), percent, text, status.position(), status.head(), status.lag(),
                !status.rebuilding());
    }

    private ProjectionStatus find(String name) {
        return admin.projection(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String address(String name) {
        return UriComponentsBuilder.fromPath("/admin/projections/{name}").buildAndExpand(name).encode().toUriString();
    }
}
